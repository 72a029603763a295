import { describe, expect, it } from "vitest";
import { featuresOf } from "../../functions/tracking/features.ts";
import { FactIndex } from "../../functions/tracking/link.ts";
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
});
