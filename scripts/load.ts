// `npm run load`: a load run against a running stack (`npm start` in another terminal). Uploads distinct articles
// (seed paragraphs recombined) from concurrent S3 clients while concurrent readers page through GET /claims,
// then reports throughput and read latency, and checks what matters: every upload ended as exactly one
// article, none FAILED, none PENDING, each with the claim count the extractor gives its file. Exits 1 if not.
//   LOAD_ARTICLES (1000), LOAD_UPLOADERS (50), LOAD_READERS (20), CLAIMTRACK_HOME (.claimtrack)
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { mapLimit } from "../functions/shared/map-limit.ts";
import { readEndpoints } from "../local/endpoints.ts";
import { type ArticleFile, expectedExtraction, recombinedArticles } from "../test/e2e/support/articles.ts";
import { apiClient, putObject, s3ClientFor } from "../test/e2e/support/clients.ts";

const count = Number(process.env.LOAD_ARTICLES ?? 1000);
const uploaders = Number(process.env.LOAD_UPLOADERS ?? 50);
const readers = Number(process.env.LOAD_READERS ?? 20);
const home = resolve(process.env.CLAIMTRACK_HOME ?? ".claimtrack");
const TIMEOUT_MS = 30 * 60_000;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<boolean> {
  const endpoints = readEndpoints(home);
  const api = apiClient(endpoints);
  const tag = `load-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;

  console.log(`Building ${count} articles and their expected claims (the extractor, in this process)…`);
  const articles = recombinedArticles(count, tag);
  const expected = new Map(articles.map((a) => [a.id, expectedExtraction(a).claims.length]));
  if (expected.size !== count) throw new Error("the generated articles are not all distinct");
  const expectedClaims = [...expected.values()].reduce((a, b) => a + b, 0);
  const keyOf = (a: ArticleFile) => `${endpoints.ingestPrefix}${tag}/${a.name}`;

  // Readers: page 1 of the claims feed, over and over, until processing is over.
  let reading = true;
  const latencies: number[] = [];
  let readErrors = 0;
  const readerLoops = Array.from({ length: readers }, async () => {
    while (reading) {
      const started = performance.now();
      const res = await fetch(`${endpoints.api}/claims?limit=50`).catch(() => null);
      if (res) await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res?.status !== 200) readErrors++;
    }
  });

  console.log(`Uploading with ${uploaders} concurrent clients, ${readers} readers on GET /claims…`);
  const clients: S3Client[] = Array.from({ length: uploaders }, () => s3ClientFor(endpoints));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < articles.length) {
        const article = articles[next++]!;
        await putObject(client, endpoints, keyOf(article), article.bytes, article.contentType);
      }
    }),
  );
  const uploadMs = performance.now() - started;
  for (const client of clients) client.destroy();
  console.log(`  ${count} uploads in ${seconds(uploadMs)} s`);

  // Processing is over when every article of this run is PROCESSED or FAILED.
  let settled = 0;
  let processedMs = Number.NaN;
  while (performance.now() - started < TIMEOUT_MS) {
    const listed = (await api.articles()).filter((a) => expected.has(a.id) && a.status !== "PENDING");
    if (listed.length !== settled) {
      settled = listed.length;
      console.log(`  ${settled}/${count} processed after ${seconds(performance.now() - started)} s`);
    }
    if (settled === count) {
      processedMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  reading = false;
  await Promise.all(readerLoops);

  console.log("Checking every article…");
  const problems: string[] = [];
  let storedClaims = 0;
  const checked = await mapLimit(articles, 20, async (a) => {
    const article = await api.article(a.id);
    if (!article) return `${a.name}: no article`;
    storedClaims += article.claimCount;
    if (article.status !== "PROCESSED") return `${a.name}: ${article.status} ${article.failureReason ?? ""}`;
    if (article.claimCount !== expected.get(a.id)) {
      return `${a.name}: ${article.claimCount} claims, the extractor gives ${expected.get(a.id)}`;
    }
    const keys = article.sources.map((s) => s.key);
    if (keys.length !== 1 || keys[0] !== keyOf(a)) return `${a.name}: sources ${keys.join(", ")}`;
    return null;
  });
  problems.push(...checked.filter((p): p is string => p !== null));
  const all = await api.articles();
  const ours = all.filter((a) => expected.has(a.id));
  if (ours.length !== count) problems.push(`${ours.length} articles listed for ${count} uploads`);

  const sorted = [...latencies].sort((a, b) => a - b);
  const report = {
    articles: count,
    uploaders,
    readers,
    uploadSeconds: Number(seconds(uploadMs)),
    uploadsPerSecond: Math.round((count / uploadMs) * 1000 * 10) / 10,
    secondsUntilAllProcessed: Number(seconds(processedMs)),
    articlesPerSecond: Math.round((count / processedMs) * 1000 * 10) / 10,
    claims: storedClaims,
    expectedClaims,
    claimsPerSecond: Math.round((storedClaims / processedMs) * 1000),
    getClaims: {
      requests: latencies.length,
      errors: readErrors,
      p50ms: Math.round(percentile(sorted, 0.5)),
      p95ms: Math.round(percentile(sorted, 0.95)),
      p99ms: Math.round(percentile(sorted, 0.99)),
    },
    ok: problems.length === 0,
    problems: problems.slice(0, 20),
  };
  writeFileSync(join(home, "load-report.json"), `${JSON.stringify(report, null, 2)}\n`);

  console.log(`
Load run: ${count} articles, ${uploaders} uploaders, ${readers} readers on GET /claims
  uploads            ${report.uploadsPerSecond} /s (${report.uploadSeconds} s)
  all processed      ${report.secondsUntilAllProcessed} s after the first upload (${report.articlesPerSecond} articles/s)
  claims             ${report.claims} stored (${report.claimsPerSecond} claims/s), the extractor gives ${expectedClaims}
  GET /claims        p50 ${report.getClaims.p50ms} ms, p95 ${report.getClaims.p95ms} ms, p99 ${report.getClaims.p99ms} ms over ${report.getClaims.requests} requests, ${readErrors} errors
  check              ${report.ok ? `every upload is exactly one PROCESSED article with the extractor's claim count` : `FAILED:\n    ${report.problems.join("\n    ")}`}
  report             ${join(home, "load-report.json")}`);
  return report.ok && readErrors === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: Error) => {
    console.error(`load: ${err.message}`);
    process.exit(1);
  },
);
