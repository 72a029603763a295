// `npm run bench`: the extractor alone (no I/O in the timed part) on the seeds and on large articles built
// from their paragraphs. Prints articles/s, MB/s and the 100 KB → 1 MB cost ratio.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../functions/extraction/extract.ts";

const seedsDir = join(import.meta.dirname, "../seeds");
const seeds = readdirSync(seedsDir)
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(seedsDir, name))) }));

function time(fn: () => void, minMs = 1500, warmMs = Math.min(1000, minMs / 2)): { perRunMs: number; runs: number } {
  // Warm-up until the JIT has settled: a warm Lambda serves most articles in this state.
  for (const until = performance.now() + warmMs; performance.now() < until; ) fn();
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    fn();
    runs++;
    now = performance.now();
  }
  return { perRunMs: (now - start) / runs, runs };
}

/** Plain-text paragraphs of every seed, as the readers produce them: real prose to build large articles from. */
function seedParagraphs(): string[] {
  const out: string[] = [];
  for (const s of seeds) {
    const { article } = extract({ bytes: s.bytes, fileName: s.name });
    out.push(...article.text.split(/\n{2,}/).filter((p) => p.trim().length > 60));
  }
  return out;
}

function buildArticle(paragraphs: string[], targetBytes: number): Uint8Array {
  const parts = ["Large test article built from seed paragraphs", ""];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    parts.push(p, "");
    size += Buffer.byteLength(p) + 2;
  }
  return new TextEncoder().encode(parts.join("\n"));
}

const totalBytes = seeds.reduce((n, s) => n + s.bytes.length, 0);
const extractAll = () => {
  for (const s of seeds) extract({ bytes: s.bytes, fileName: s.name });
};
// The first seconds of a fresh process (a cold Lambda) and the steady state after the JIT has settled.
const cold = time(extractAll, 1500, 0);
const all = time(extractAll, 3000, 3000);
const articlesPerSec = (seeds.length * 1000) / all.perRunMs;
console.log(`seeds: ${seeds.length} articles, ${(totalBytes / 1024).toFixed(1)} KB`);
console.log(`  first 1.5 s of a fresh process: ${((seeds.length * 1000) / cold.perRunMs).toFixed(0)} articles/s`);
console.log(
  `  ${articlesPerSec.toFixed(0)} articles/s · ${((totalBytes / 1e6) * (1000 / all.perRunMs)).toFixed(2)} MB/s (one core, warm)`,
);
for (const s of seeds) {
  const t = time(() => extract({ bytes: s.bytes, fileName: s.name }), 300);
  console.log(
    `  ${s.name.padEnd(36)} ${(s.bytes.length / 1024).toFixed(1).padStart(5)} KB  ${t.perRunMs.toFixed(2).padStart(6)} ms`,
  );
}

const paragraphs = seedParagraphs();
const a100k = buildArticle(paragraphs, 100 * 1024);
const a1m = buildArticle(paragraphs, 1024 * 1024);
const t100k = time(() => extract({ bytes: a100k, fileName: "large.txt" }), 3000);
const t1m = time(() => extract({ bytes: a1m, fileName: "large.txt" }), 6000);
const claims1m = extract({ bytes: a1m, fileName: "large.txt" }).claims.length;
console.log(`large articles (plain text from seed paragraphs):`);
console.log(`  100 KB: ${t100k.perRunMs.toFixed(0)} ms`);
console.log(`  1 MB:   ${t1m.perRunMs.toFixed(0)} ms (${claims1m} claims)`);
console.log(`  ratio 1 MB / 100 KB: ${(t1m.perRunMs / t100k.perRunMs).toFixed(2)} (linear ≈ 10; goal ≤ 12)`);
console.log(
  `goals: ≥ 200 seed articles/s ${articlesPerSec >= 200 ? "MET" : "NOT MET"} · 1 MB < 2 s ${t1m.perRunMs < 2000 ? "MET" : "NOT MET"} · ratio ≤ 12 ${t1m.perRunMs / t100k.perRunMs <= 12 ? "MET" : "NOT MET"}`,
);
