// Inputs built to trigger catastrophic regex backtracking or quadratic work: extraction must finish.
import { describe, expect, it } from "vitest";
import { BadArticleError } from "../../functions/extraction/errors.ts";
import { extract } from "../../functions/extraction/extract.ts";

const cases: Record<string, string> = {
  "a long run of quotes": `He said ${'"'.repeat(50_000)} and ${"“”".repeat(20_000)}.`,
  "a long run of dots": `The talks ended${".".repeat(100_000)} Then they resumed.`,
  "a long run of spaces": `Officials said${" ".repeat(200_000)}that the plan was ready.`,
  "a long run of brackets": `The report (${"(".repeat(50_000)}${")".repeat(50_000)} was published.`,
  "one 1 MB line": "The minister said that the budget would rise, and the council agreed to the plan. ".repeat(12_500),
  "a 1 MB word": "a".repeat(1_000_000),
  "many capitalised words": `${"Alpha Beta Gamma Delta ".repeat(40_000)}said the report.`,
  "alternating commas": `${"x, ".repeat(200_000)}said the official.`,
};

describe("pathological input", () => {
  for (const [name, body] of Object.entries(cases)) {
    // A linear extractor takes well under a second on each of these; the timeout is the bound.
    it(`finishes on ${name}`, { timeout: 20_000 }, () => {
      const bytes = new TextEncoder().encode(body);
      try {
        const result = extract({ bytes, fileName: "input.txt" });
        for (const c of result.claims)
          expect(result.article.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
      } catch (err) {
        expect(err).toBeInstanceOf(BadArticleError);
      }
    });
  }
});
