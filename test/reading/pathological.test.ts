// Inputs built to make parsers backtrack or go quadratic. No timing assertions (machines are noisy): each read
// must simply return a document or a named BadArticleError, and the documents must keep the block invariants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadArticleError } from "../../functions/extraction/errors.ts";
import { readArticle } from "../../functions/extraction/reading/read-article.ts";
import { blockInvariantViolations } from "./support.ts";

const MB = 1_000_000;
const SENTENCE = "The minister said on Monday that the talks would continue. ";

const BODIES: Record<string, string> = {
  "one 1 MB line of prose": SENTENCE.repeat(MB / SENTENCE.length),
  "a run of quotes": '"'.repeat(MB),
  "a run of dots": ".".repeat(MB),
  "spaces around one word": `${" ".repeat(MB)}word`,
  "open brackets": "[".repeat(MB),
  "open parentheses": "(".repeat(MB),
  "half-open links": "[a](".repeat(MB / 4),
  "stray less-than signs": "< ".repeat(MB / 2),
  asterisks: "*".repeat(MB),
  "underscored words": "_a ".repeat(MB / 3),
  "repeated datelines": "WASHINGTON (AP) — ".repeat(MB / 18),
  "repeated dates": "1:14 PM GMT+1 July 4, 2025 ".repeat(MB / 26),
  "repeated labels": "Details: ".repeat(MB / 9),
  "e-mail addresses": "a@b.cc ".repeat(MB / 7),
  "many short lines": "Short line\n".repeat(MB / 11),
  "many bullets": "• item text here\n".repeat(MB / 17),
};

function wrap(ext: string, body: string): string {
  if (ext === "json") return JSON.stringify({ title: "T", body });
  if (ext === "html") return `<html><body><article><p>${body}</p></article></body></html>`;
  return body;
}

function outcome(bytes: Uint8Array, fileName: string): string {
  try {
    const doc = readArticle({ bytes, fileName });
    const problems = blockInvariantViolations(doc);
    return problems.length === 0 ? "ok" : problems.join("; ");
  } catch (err) {
    if (err instanceof BadArticleError) return "refused";
    throw err;
  }
}

describe("pathological input", () => {
  for (const [what, body] of Object.entries(BODIES)) {
    for (const ext of ["txt", "md", "html", "json"]) {
      it(`returns on ${what} (.${ext})`, () => {
        expect(["ok", "refused"]).toContain(outcome(new TextEncoder().encode(wrap(ext, body)), `a.${ext}`));
      });
    }
  }

  it("keeps a long prose line whole", () => {
    const doc = readArticle({ bytes: new TextEncoder().encode(BODIES["one 1 MB line of prose"]!), fileName: "a.txt" });
    expect(doc.text.length).toBeGreaterThan(MB * 0.99);
  });

  it("refuses deeply nested JSON as malformed or bodiless, without a stack overflow", () => {
    expect(outcome(new TextEncoder().encode("[".repeat(100_000)), "a.json")).toBe("refused");
    expect(outcome(new TextEncoder().encode(`${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`), "a.json")).toBe(
      "refused",
    );
  });

  it("reads any text as a document with valid blocks or refuses it by name", () => {
    const line = fc.stringMatching(/^[A-Za-z0-9 .,:;"'()[\]<>#*_•—–\-@/|©]{0,80}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom("txt", "md", "html", "json"), (lines, ext) => {
        const text = lines.join(fc.sample(fc.constantFrom("\n", "\n\n"), 1)[0]);
        expect(["ok", "refused"]).toContain(outcome(new TextEncoder().encode(text), `a.${ext}`));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but a BadArticleError on random bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom("txt", "md", "html", "json", "bin"),
        (bytes, ext) => {
          expect(["ok", "refused"]).toContain(outcome(bytes, `a.${ext}`));
        },
      ),
      { numRuns: 300 },
    );
  });
});
