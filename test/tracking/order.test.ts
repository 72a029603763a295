// The facts found do not depend on the order the articles arrive in: the seeds (and, where the shared
// evaluation folder sits beside the project, the development tracking sets) tracked in shuffled orders give
// one partition of the claims, both through the batch `track` and through a store-like `FactIndex` that
// counts its term statistics as articles arrive.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import { featuresOf } from "../../functions/tracking/features.ts";
import { FactIndex } from "../../functions/tracking/link.ts";
import { TermStats } from "../../functions/tracking/similarity.ts";
import { track } from "../../functions/tracking/track.ts";

const root = join(import.meta.dirname, "../..");
const read = (dir: string, name: string): Extraction =>
  extract({ bytes: new Uint8Array(readFileSync(join(dir, name))), fileName: name });

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The facts as sets of claim ids, in a canonical order: what must not depend on the arrival order. */
const partition = (groups: Map<string, string[]>): string[] =>
  [...groups.values()]
    .filter((m) => m.length > 1)
    .map((m) => [...m].sort().join(" "))
    .sort();

function batchPartition(extractions: Extraction[]): string[] {
  const groups = new Map<string, string[]>();
  for (const a of track(extractions.map((extraction, i) => ({ file: `f${i}`, extraction }))).articles) {
    for (const c of a.claims) if (c.factId) groups.set(c.factId, [...(groups.get(c.factId) ?? []), c.id]);
  }
  return partition(groups);
}

function storePartition(extractions: Extraction[], stats: TermStats): string[] {
  const index = new FactIndex({}, stats);
  extractions.forEach((e, i) => {
    index.addArticle(e.claims.map((c) => featuresOf(c, e.article.id, i)));
  });
  const groups = new Map<string, string[]>();
  for (const e of extractions) {
    for (const c of e.claims) {
      const id = index.factOf(c.id)!.factId;
      groups.set(id, [...(groups.get(id) ?? []), c.id]);
    }
  }
  return partition(groups);
}

const sets: Array<[string, Extraction[]]> = [];
const seedsDir = join(root, "seeds");
sets.push([
  "seeds",
  readdirSync(seedsDir)
    .sort()
    .map((n) => read(seedsDir, n)),
]);
const trackingDir = join(root, "../shared/eval/tracking");
if (existsSync(trackingDir)) {
  for (const name of readdirSync(trackingDir).filter((n) => n.endsWith(".json"))) {
    const gold = JSON.parse(readFileSync(join(trackingDir, name), "utf8")) as { dir: string; articles: string[] };
    const dir = resolve(trackingDir, gold.dir);
    sets.push([name, gold.articles.map((a) => read(dir, a))]);
  }
}

describe("the facts found do not depend on the order the articles arrive in", () => {
  it.each(sets)("%s, batch track in 6 shuffled orders", (_, extractions) => {
    const expected = batchPartition(extractions);
    expect(expected.length).toBeGreaterThan(0);
    for (const seed of [1, 2, 3, 4, 5, 6]) expect(batchPartition(shuffled(extractions, seed))).toEqual(expected);
  });

  it.each(sets)("%s, one article at a time into a FactIndex in 6 shuffled orders", (_, extractions) => {
    // A store whose term statistics have settled: the same counts whatever the order.
    const stats = new TermStats();
    for (const e of extractions) for (const c of e.claims) stats.add(featuresOf(c, e.article.id, 0).terms);
    const expected = storePartition(extractions, stats);
    expect(expected).toEqual(batchPartition(extractions));
    for (const seed of [7, 8, 9, 10, 11, 12]) {
      expect(storePartition(shuffled(extractions, seed), stats)).toEqual(expected);
    }
  });
});
