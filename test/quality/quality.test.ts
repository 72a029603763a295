// The quality gate on the project's own gold set (test/quality/gold): it needs nothing outside the repository.
// Floors are the figures that stand today, rounded down to two decimals (compound and noise as maxima); raise
// them when the extractor improves, so nothing regresses.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGoldDir } from "./gold-file.ts";
import { score, summaryLine } from "./score.ts";

const goldDir = join(import.meta.dirname, "gold");

const FLOORS = {
  f1: 0.96,
  precision: 0.94,
  recall: 0.97,
  speaker: 0.86,
  certainty: 0.96,
  polarity: 0.97,
  time: 0.84,
  via: 0.63,
  meta: 0.96,
};
const MAXIMA = { failed: 0, compound: 2, noise: 0 };

describe("claim quality on the project's own gold set", () => {
  const articles = readGoldDir(goldDir);

  it("holds eight to ten articles in the reader's formats", () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
    const formats = new Set(articles.map((a) => a.file.split(".").pop()));
    expect([...formats].sort()).toEqual(["html", "json", "md", "txt"]);
  });

  it("meets every floor", () => {
    const { summary } = score(articles);
    const message = summaryLine(summary);
    for (const [name, floor] of Object.entries(FLOORS)) {
      expect(Number(summary[name as keyof typeof FLOORS]), `${name} in ${message}`).toBeGreaterThanOrEqual(floor);
    }
    for (const [name, max] of Object.entries(MAXIMA)) {
      expect(summary[name as keyof typeof MAXIMA], `${name} in ${message}`).toBeLessThanOrEqual(max);
    }
    expect(summary.evidence, `evidence in ${message}`).toBe("1.00");
  });
});
