// `npm run bench:api`: what storing and serving claims costs, for the seed articles run through the extractor.
// Against dynalite, so times only compare runs on one machine (AWS adds network latency per call); calls and
// write units are what DynamoDB would bill (on-demand: $1.25 per million write units, $0.25 per million reads).
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Context } from "aws-lambda";
import { createApiHandler } from "../functions/api/create-api-handler.ts";
import { extract } from "../functions/extraction/extract.ts";
import { silentLog } from "../functions/shared/logger.ts";
import { createDynamoClaimStore } from "../functions/store/dynamo-claim-store.ts";
import { claimItems, itemBytes } from "../functions/store/items.ts";
import { sortableTime } from "../functions/store/keys.ts";
import { localS3Connection } from "../test/api/harness.ts";
import { startDynalite } from "../test/support/dynalite.ts";
import { startLocalS3 } from "../test/support/local-s3.ts";
import { restEvent } from "../test/support/rest-event.ts";
import { countCalls } from "../test/support/sdk-spy.ts";

const SEEDS = "seeds";
const ROUNDS = 30;

/** Write units of an item: 1 per KB, once in the table and once in each index it appears in. */
function writeUnits(item: Record<string, unknown>): number {
  const indexes = ["gsi1pk", "gsi2pk", "gsi3pk"].filter((k) => item[k] !== undefined).length;
  return Math.ceil(itemBytes(item) / 1024) * (1 + indexes);
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

const db = await startDynalite();
const s3 = await startLocalS3({ buckets: ["bench"] });
const client = db.newClient();
const calls = countCalls(client);
const store = createDynamoClaimStore({ client, tableName: db.tableName });

console.log("article                              claims  items  write units  calls  complete ms");
const ids: string[] = [];
const files: string[] = [];
const outlets: string[] = [];
for (const file of readdirSync(SEEDS).sort()) {
  const bytes = readFileSync(join(SEEDS, file));
  let extraction: ReturnType<typeof extract>;
  try {
    extraction = extract({ bytes, fileName: file });
  } catch {
    continue;
  }
  const { article, claims } = extraction;
  await store.recordPending({
    id: article.id,
    contentHash: article.contentHash,
    source: { bucket: "bench", key: `incoming/${file}` },
  });
  const items = claims.flatMap((c) =>
    claimItems(
      { ...c, articleId: article.id, publishedAt: article.publishedAt },
      sortableTime(article.publishedAt, ""),
    ),
  );
  calls.reset();
  const started = performance.now();
  await store.completeArticle(extraction);
  const ms = performance.now() - started;
  const units = items.reduce((sum, i) => sum + writeUnits(i), 0);
  console.log(
    `${basename(file).padEnd(36)} ${String(claims.length).padStart(6)} ${String(items.length).padStart(6)} ${String(units).padStart(12)} ${String(calls.calls.length).padStart(6)} ${ms.toFixed(0).padStart(12)}`,
  );
  ids.push(article.id);
  files.push(file);
  if (article.outlet) outlets.push(article.outlet);
}

const handler = createApiHandler({
  dynamo: client,
  s3: localS3Connection(s3.endpoint),
  tableName: db.tableName,
  bucket: "bench",
  ingestPrefix: "incoming/",
  maxArticleBytes: 5 * 1024 * 1024,
  corsAllowOrigin: "*",
  logger: silentLog,
});
// The most quoted speaker, by full name and by surname, for the speaker routes.
const top = JSON.parse((await handler(restEvent({ method: "GET", path: "/speakers?limit=1" }), {} as Context)).body)
  .items[0].name as string;
const surname = top.split(" ").at(-1)!;
const q = encodeURIComponent;
const routes = [
  "/articles?limit=50",
  "/articles?status=PROCESSED",
  `/articles?outlet=${q(outlets[0] ?? "none")}`,
  `/articles?key=${q(files[0]!)}`,
  `/articles/${ids[0]}`,
  `/articles/${ids[0]}/claims?limit=200`,
  "/claims?limit=50",
  "/claims?from=2025-01-01&to=2025-12-31",
  "/claims?from=2025-07-10&to=2025-07-10",
  `/claims?speaker=${q(top)}`,
  `/claims?speaker=${q(surname)}`,
  `/claims?article=${ids[0]}&polarity=positive`,
  `/claims?outlet=${q(outlets[0] ?? "none")}`,
  "/claims?polarity=negative",
  "/speakers",
  `/speakers?q=${q(surname.slice(0, 3))}`,
  `/speakers/${q(surname)}/claims`,
  "/openapi.json",
];
console.log("\nroute                                            p50 ms  p95 ms  DynamoDB calls");
for (const path of routes) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    calls.reset();
    const started = performance.now();
    const res = await handler(restEvent({ method: "GET", path }), {} as Context);
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  }
  const label = decodeURIComponent(path.replace(/[0-9a-f]{20}/, "{id}"));
  console.log(
    `${label.padEnd(48)} ${percentile(times, 0.5).toFixed(1).padStart(6)} ${percentile(times, 0.95).toFixed(1).padStart(7)} ${String(calls.calls.length).padStart(15)}`,
  );
}
client.destroy();
await Promise.all([db.stop(), s3.stop()]);
