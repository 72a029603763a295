import { describe, expect, it } from "vitest";
import { featuresOf } from "../../functions/tracking/features.ts";
import { DEFAULT_LINK_OPTIONS, FactIndex } from "../../functions/tracking/link.ts";
import { mayLink, similarity, TermStats } from "../../functions/tracking/similarity.ts";
import { claim } from "./claims.ts";

const article = (articleId: string, index: number, texts: string[]) =>
  texts.map((t, i) => featuresOf(claim(`${articleId}-c${i}`, t), articleId, index));

describe("FactIndex (incremental linking, the interface a store implements)", () => {
  const background = Array.from({ length: 30 }, (_, i) =>
    article(`bg${i}`, i, [`The Orvik council approved budget line ${i + 100} for road works in district ${i}.`]),
  );

  it("links a new article's claim to the stored fact it restates, with the reasons", () => {
    const index = new FactIndex();
    for (const a of background) index.addArticle(a);
    index.addArticle(article("x", 40, ["The Maribo glacier retreated 310 metres in the last decade."]));
    const [a] = index.addArticle(article("y", 41, ["In the last decade the Maribo glacier retreated 310 metres."]));
    expect(a!.linkedTo).toBe("x-c0");
    expect(a!.factId).toBe(index.factOf("x-c0")!.factId);
    expect(a!.reason?.sharedNumbers).toEqual(["m:310"]);
    expect(a!.reason?.sharedWords).toEqual(expect.arrayContaining(["glaci", "retreat", "decad"]));
  });

  it("bounds the claims compared, whatever the number stored", () => {
    const index = new FactIndex({ maxCandidates: 5, maxPostings: 5 });
    for (const a of background) index.addArticle(a);
    const probe = article("p", 50, ["The Orvik council approved budget line 999 for road works."])[0]!;
    expect(index.candidates(probe).length).toBeLessThanOrEqual(5);
  });

  it("takes a deleted article's claims out of their fact", () => {
    const index = new FactIndex();
    for (const a of background) index.addArticle(a);
    index.addArticle(article("x", 40, ["The Maribo glacier retreated 310 metres in the last decade."]));
    const [linked] = index.addArticle(article("y", 41, ["The Maribo glacier retreated 310 metres in a decade."]));
    index.removeArticle(["x-c0"]);
    expect(index.factOf("x-c0")).toBeUndefined();
    // The fact dissolves: y is alone again, and no fact holds x.
    expect(index.membersOf(linked!.factId)).toEqual([]);
    expect(index.membersOf(index.factOf("y-c0")!.factId)).toEqual(["y-c0"]);
    const [again] = index.addArticle(article("z", 42, ["The Maribo glacier retreated 310 metres."]));
    expect(again!.linkedTo).toBe("y-c0");
  });

  it("prunes before the full comparison only pairs that cannot link", () => {
    // Restatements (some with approximate figures), negations and unrelated claims: every pair that the full
    // comparison links must pass the cheap bound.
    const texts = [
      "The Maribo glacier retreated 310 metres in the last decade.",
      "In the last decade the Maribo glacier retreated about 300 metres.",
      "The Maribo glacier did not retreat in the last decade.",
      "Maribo officials said the glacier retreat of 310 metres was the fastest on record.",
      "The Orvik council approved budget line 120 for road works.",
      "Road works in Orvik were approved by the council.",
      "About 550 drones were launched overnight, the air force said.",
      "539 drones were launched overnight.",
    ];
    const fs = texts.map((t, i) => featuresOf(claim(`t${i}`, t), `t${i}`, i));
    const stats = new TermStats();
    for (const f of [...fs, ...background.flat()]) stats.add(f.terms);
    const { threshold, minWordScore } = DEFAULT_LINK_OPTIONS;
    let linked = 0;
    for (const a of fs) {
      for (const b of fs) {
        if (a === b) continue;
        const r = similarity(a, b, stats);
        const links = r.score >= threshold && r.wordScore >= minWordScore;
        if (links) linked++;
        if (links) expect(mayLink(a, b, stats, threshold, minWordScore)).toBe(true);
        expect(mayLink(a, b, stats, threshold, minWordScore)).toBe(mayLink(b, a, stats, threshold, minWordScore));
      }
    }
    expect(linked).toBeGreaterThan(0);
  });
});
