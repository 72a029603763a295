// The scorer's rules on claims of its own, so they hold in a clone without ../shared.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GoldFile, readGoldDir } from "./gold-file.ts";
import { speakerOk, timeOk, viaOk } from "./judge.ts";
import { assign } from "./matching.ts";
import { score } from "./score.ts";
import { hasTerm, norm } from "./terms.ts";

describe("terms", () => {
  it("match at the start of a word, ignoring case, accents, quote and dash styles", () => {
    expect(hasTerm(norm("The Mayor ANNOUNCED a café levy"), "announce")).toBe(true);
    expect(hasTerm(norm("Tehran agreed"), "ran")).toBe(false);
    expect(hasTerm(norm("a cafe levy"), "café")).toBe(true);
    expect(hasTerm(norm("the “pilot” scheme ended"), '"pilot"')).toBe(true);
    expect(hasTerm(norm("a two–year deal"), "two-year")).toBe(true);
    expect(hasTerm(norm("it rose 4%"), "four|4%")).toBe(true);
  });
});

describe("judging one pair", () => {
  const article = { outlet: "Harbour Gazette", authors: ["Ines Colby"] };
  it("accepts the article's own voice for a null speaker, and a speaker containing an accepted name", () => {
    const gold = { must: ["x"], speaker: ["ruiz", null] };
    expect(speakerOk(gold, { attribution: { speaker: null } }, article)).toBe(true);
    expect(speakerOk(gold, { attribution: { speaker: "Harbour Gazette" } }, article)).toBe(true);
    expect(speakerOk(gold, { attribution: { speaker: "Mayor Ana Ruiz" } }, article)).toBe(true);
    expect(speakerOk(gold, { attribution: { speaker: "the council" } }, article)).toBe(false);
    expect(speakerOk({ must: ["x"] }, { attribution: { speaker: "anyone" } }, article)).toBeNull();
  });
  it("compares time by prefix, ranges at both ends", () => {
    const p = { time: { start: "2026-03-02", end: "2026-03-06" } };
    expect(timeOk({ must: ["x"], date: "2026-03" }, p)).toBe(true);
    expect(timeOk({ must: ["x"], date: "2026-03-02/2026-03-06" }, p)).toBe(true);
    expect(timeOk({ must: ["x"], date: "2026-03-02/2026-03-05" }, p)).toBe(false);
    expect(timeOk({ must: ["x"], date: "2026-03-02" }, { time: null })).toBe(false);
  });
  it("finds via terms in the channel and in the reporting outlet", () => {
    const p = { attribution: { via: ["a statement"], reportedBy: "Coast Wire" } };
    expect(viaOk({ must: ["x"], via: ["statement", "Coast Wire"] }, p)).toBe(true);
    expect(viaOk({ must: ["x"], via: ["radio"] }, p)).toBe(false);
  });
});

describe("matching", () => {
  it("pairs for the greatest total weight, not greedily", () => {
    expect(
      assign([
        [12, 11],
        [10, 0],
      ]).sort(),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(assign([[0, 0]])).toEqual([]);
    expect(assign([])).toEqual([]);
  });
});

describe("scoring a folder", () => {
  it("counts recall over required claims, compounds as imprecise, noise and evidence", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-gold-"));
    const text = "The ferry resumed on Monday. Fares rose. Photo: Dock Images";
    const gold: GoldFile = {
      meta: { title: "Ferry back", publishedAt: "2026-05-04", authors: ["Ines Colby"] },
      claims: [
        { must: ["ferry", "resumed"], date: "2026-05-04" },
        { must: ["fares", "rose"] },
        { must: ["timetable"], optional: true },
        { must: ["crew", "strike"] },
      ],
      noise: ["Dock Images"],
    };
    writeFileSync(join(dir, "a.txt"), text);
    writeFileSync(join(dir, "a.gold.json"), JSON.stringify(gold));
    const claim = (t: string, start: number, end: number) => ({
      text: t,
      evidence: { quote: text.slice(start, end), start, end },
    });
    const { summary, report } = score(readGoldDir(dir), () => ({
      article: { title: "Ferry back", publishedAt: "2026-05-04T08:00:00Z", authors: ["Ines Colby"], text },
      claims: [
        { ...claim("The ferry resumed on Monday.", 0, 28), time: { start: "2026-05-04", end: "2026-05-04" } },
        claim("The ferry resumed and fares rose.", 0, 40),
        { text: "Photo: Dock Images", evidence: { quote: "Photo", start: 0, end: 5 } },
      ],
    }));
    expect(summary).toMatchObject({ gold: 3, predicted: 3, compound: 1, noise: 1, time: "1.00", meta: "1.00" });
    // Matched: the ferry claim and the compound one (for fares); only the ferry claim is precise.
    expect(summary.recall).toBe(0.667);
    expect(summary.precision).toBe(0.333);
    expect(summary.evidence).toBe("0.67");
    expect(report[0]).toMatchObject({ missed: ["crew + strike"], unmatched: ["Photo: Dock Images"] });
  });

  it("counts an article the extractor refuses as failed, its claims as missed", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-gold-"));
    writeFileSync(join(dir, "b.json"), "{}");
    writeFileSync(
      join(dir, "b.gold.json"),
      JSON.stringify({ meta: { title: "t", publishedAt: "2026" }, claims: [{ must: ["x"] }] }),
    );
    const { summary } = score(readGoldDir(dir));
    expect(summary).toMatchObject({ failed: 1, gold: 1, recall: 0, f1: 0 });
  });
});
