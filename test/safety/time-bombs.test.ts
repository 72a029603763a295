// Inputs that once stalled extraction for a minute or more (an exponential comment pattern in format detection,
// quadratic runs of spaces and of alternating ASCII/non-ASCII letters). The bound is the one promised to
// operators: any of them, at full size, is read and extracted in under 2 s, even on a busy machine.
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { BadArticleError } from "../../functions/extraction/errors.ts";
import { extract } from "../../functions/extraction/extract.ts";

const BOMBS: Record<string, { fileName: string; text: string }> = {
  "unclosed and empty HTML comments before any element": {
    fileName: "p.html",
    text: `<!-${"---><!--><!----><!-".repeat(40)}\n`,
  },
  "a paragraph of 300,000 spaces between two characters": {
    fileName: "q.txt",
    text: `A title line\n\n0${" ".repeat(300_000)}!\n`,
  },
  "a cue followed by 300,000 alternating ASCII and accented capitals": {
    fileName: "r.txt",
    text: `A title line\n\nThe minister said ${"AÀ".repeat(150_000)}\n`,
  },
};

describe("inputs that used to stall extraction", () => {
  for (const [name, { fileName, text }] of Object.entries(BOMBS)) {
    it(`extracts ${name} in under 2 s`, { timeout: 30_000 }, () => {
      const bytes = new TextEncoder().encode(text);
      const started = performance.now();
      try {
        extract({ bytes, fileName });
      } catch (err) {
        expect(err).toBeInstanceOf(BadArticleError);
      }
      expect(performance.now() - started).toBeLessThan(2000);
    });
  }
});
