// `npm run bench:track`: linking new articles' claims into facts against a store of 1,000 and 10,000 articles
// (the FactIndex alone, one core, no I/O), and the whole batch `track` over growing numbers of articles.
// The corpus: the seeds' claims rewritten into stories of five articles each — one story's articles share
// their names and figures, different stories share only the language — so blocking sees a realistic spread.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../functions/extraction/extract.ts";
import type { Extraction } from "../functions/schemas/article.ts";
import type { Claim } from "../functions/schemas/claim.ts";
import { type ClaimFeatures, featuresOf } from "../functions/tracking/features.ts";
import { FactIndex } from "../functions/tracking/link.ts";
import { track } from "../functions/tracking/track.ts";

const seedsDir = join(import.meta.dirname, "../seeds");
const seeds: Extraction[] = readdirSync(seedsDir)
  .sort()
  .map((name) => extract({ bytes: new Uint8Array(readFileSync(join(seedsDir, name))), fileName: name }));

const STORY = 5;
const letters = (n: number): string => {
  let s = "";
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
};

/** Article `k` of the corpus: a seed whose names carry its story's tag and whose figures its story's offset. */
function articleAt(k: number): Extraction {
  const story = Math.floor(k / STORY);
  const seed = seeds[(story + (k % STORY)) % seeds.length]!;
  const tag = letters(story);
  const rename = (s: string): string =>
    s
      .replace(/\b(\p{Lu}\p{Ll}{2,})\b/gu, (w) => `${w}${tag}`)
      .replace(/\b\d+\b/g, (d) => String(Number(d) + (story % 97)));
  const id = `a${k}`;
  const claims: Claim[] = seed.claims.map((c, i) => ({
    ...c,
    id: `${id}-c${i}`,
    text: rename(c.text),
    entities: c.entities.map((e) => ({ ...e, name: rename(e.name) })),
  }));
  return { ...seed, article: { ...seed.article, id, title: rename(seed.article.title ?? "") }, claims };
}

const featuresAt = (k: number): ClaimFeatures[] => {
  const a = articleAt(k);
  return a.claims.map((c) => featuresOf(c, a.article.id, k));
};

/** Per-article cost of linking `probe` new articles into an index already holding `stored` articles. */
function linkCost(stored: number, probe: number): { perArticleMs: number; claimsPerArticle: number } {
  const index = new FactIndex();
  for (let k = 0; k < stored; k++) index.addArticle(featuresAt(k));
  const fresh = Array.from({ length: probe }, (_, i) => featuresAt(stored + i));
  const start = performance.now();
  for (const f of fresh) index.addArticle(f);
  const ms = performance.now() - start;
  return { perArticleMs: ms / probe, claimsPerArticle: fresh.reduce((n, f) => n + f.length, 0) / probe };
}

console.log(`corpus: the ${seeds.length} seeds rewritten into stories of ${STORY} articles`);
linkCost(200, 200); // warm-up: the JIT settles before anything is timed
const small = linkCost(1_000, 500);
const large = linkCost(10_000, 500);
console.log(`linking new articles against a store (FactIndex, one core, warm):`);
console.log(
  `  1,000 stored:  ${small.perArticleMs.toFixed(2)} ms/article · ${(1000 / small.perArticleMs).toFixed(0)} articles/s (${small.claimsPerArticle.toFixed(0)} claims each)`,
);
console.log(
  `  10,000 stored: ${large.perArticleMs.toFixed(2)} ms/article · ${(1000 / large.perArticleMs).toFixed(0)} articles/s`,
);
const growth = large.perArticleMs / small.perArticleMs;
console.log(`  cost per article, 10,000 / 1,000 stored: ${growth.toFixed(2)}× (all-pairs would be 10×)`);

console.log(`batch track (features, linking, conflicts, updates, versions):`);
for (const n of [100, 500, 2_000]) {
  const inputs = Array.from({ length: n }, (_, k) => ({ file: `a${k}`, extraction: articleAt(k) }));
  const start = performance.now();
  track(inputs);
  const ms = performance.now() - start;
  console.log(`  ${String(n).padStart(5)} articles: ${(ms / 1000).toFixed(2)} s · ${(ms / n).toFixed(2)} ms/article`);
}
const rate = 1000 / large.perArticleMs;
console.log(
  `goals: ≥ 100 articles/s against 10,000 stored ${rate >= 100 ? "MET" : "NOT MET"} · cost growth 1,000 → 10,000 ≤ 2× ${growth <= 2 ? "MET" : "NOT MET"}`,
);
