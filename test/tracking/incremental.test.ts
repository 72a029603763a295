// The incremental linker: facts are the components of a symmetric link relation with fixed weights, so the
// same articles linked one at a time in any order — each against the articles stored before it — give the same
// facts; taking an article out splits or dissolves what it held together.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import {
  type ArticleTrack,
  blockingKeys,
  factsOfLinks,
  type Link,
  linksOf,
  mergeLinks,
  packArticle,
  relationsOf,
  removeClaims,
  type StoredFact,
} from "../../functions/tracking/incremental.ts";
import { shuffled } from "../support/tracking-set.ts";

const dir = join(import.meta.dirname, "../fixtures/tracking");
const tracks: ArticleTrack[] = readdirSync(dir)
  .sort()
  .map((name) => {
    const ex = extract({ bytes: new Uint8Array(readFileSync(join(dir, name))), fileName: name });
    return packArticle(ex, ex.article.publishedAt ?? "");
  });

/** Links each article against those before it, keeping facts as a store would: claim → fact, fact → record. */
function linkInOrder(order: ArticleTrack[]) {
  const facts = new Map<string, StoredFact>();
  const factOf = new Map<string, string>();
  const stored: ArticleTrack[] = [];
  for (const t of order) {
    const links = linksOf(
      t,
      stored.filter((s) => blockingKeys(s).some((k) => blockingKeys(t).includes(k))),
    );
    const touched = new Set<string>();
    for (const l of links) for (const id of [l.a, l.b]) if (factOf.has(id)) touched.add(factOf.get(id)!);
    const change = mergeLinks(
      [...touched].map((id) => facts.get(id)!),
      links,
    );
    for (const f of change.put) facts.set(f.id, f);
    for (const id of change.remove) facts.delete(id);
    for (const [claim, fact] of change.membership) {
      if (fact) factOf.set(claim, fact);
      else factOf.delete(claim);
    }
    stored.push(t);
  }
  return { facts, factOf };
}

const partition = (facts: Map<string, StoredFact>) =>
  [...facts.values()].map((f) => `${f.id}: ${f.members.map((m) => m.claimId).join(" ")}`).sort();

describe("incremental linking", () => {
  it("finds the same facts whatever order the articles arrive in", () => {
    const reference = partition(linkInOrder(tracks).facts);
    // The set links what it was written to: the fire, the conveyor belt, the reopening, the library.
    expect(reference.length).toBeGreaterThanOrEqual(3);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(partition(linkInOrder(shuffled(tracks, seed)).facts), `order ${seed}`).toEqual(reference);
    }
  });

  it("names a fact after its smallest member and links claims of other articles only", () => {
    for (const f of linkInOrder(tracks).facts.values()) {
      const ids = f.members.map((m) => m.claimId);
      expect(f.id).toBe(`fact-${[...ids].sort()[0]}`);
      expect(f.links.every((l) => l.a < l.b && l.a.split("-c")[0] !== l.b.split("-c")[0])).toBe(true);
    }
  });

  it("splits a fact along its links when a member leaves, and dissolves one left with a single claim", () => {
    const link = (a: string, b: string): Link => ({ a, b, score: 0.5, shared: [] });
    const [fact] = factsOfLinks([link("a-c0000", "b-c0000"), link("b-c0000", "c-c0000"), link("c-c0000", "d-c0000")]);
    expect(fact!.id).toBe("fact-a-c0000");
    const change = removeClaims([fact!], new Set(["b-c0000"]));
    expect(change.put.map((f) => f.members.map((m) => m.claimId))).toEqual([["c-c0000", "d-c0000"]]);
    expect(change.remove).toEqual(["fact-a-c0000"]);
    expect(change.membership.get("a-c0000")).toBeNull();
    expect(change.membership.get("c-c0000")).toBe("fact-c-c0000");
  });

  it("links restatements across articles into one fact", () => {
    const facts = [...linkInOrder(tracks).facts.values()];
    const textOf = (claimId: string) =>
      tracks
        .flatMap((t) => t.claims.map((c) => [`${t.articleId}-c${String(c.ordinal).padStart(4, "0")}`, c.text]))
        .find(([id]) => id === claimId)?.[1];
    const belt = facts.find((f) => f.members.some((m) => textOf(m.claimId)?.includes("conveyor belt")));
    expect(belt?.members).toHaveLength(3);
    const library = facts.find((f) => f.members.some((m) => textOf(m.claimId)?.includes("will start in June")));
    expect(new Set(library?.members.map((m) => m.articleId)).size).toBe(2);
  });

  it("finds the updates between a new article and its candidates", () => {
    // In file order: a- and b- report the fire, c- revises the count and moves the reopening.
    const [a, b, c] = tracks;
    const kinds = relationsOf(c!, [a!, b!], () => null).map((r) => (r.type === "update" ? r.kind : "conflict"));
    expect(kinds).toEqual(expect.arrayContaining(["revised-figure", "rescheduled"]));
    expect(
      relationsOf(b!, [a!], () => null).every((r) => r.type === "conflict" || r.from.startsWith(a!.articleId)),
    ).toBe(true);
  });
});
