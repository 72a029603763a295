// `npm run bench:ingest`: what ingesting the seed articles costs the ingest handler — time per article (warm,
// one message per invocation, and whole batches; extraction in the handler's own thread and on the warm worker
// thread the deployed function uses) and the S3 and DynamoDB calls each kind of event makes. Against the local
// S3 and dynalite in process, so times only compare runs on one machine (on AWS each call adds a few ms of
// network; dynalite's writes are slower than DynamoDB's).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../functions/extraction/extract.ts";
import { createThreadExtractor } from "../functions/ingest/thread-extractor.ts";
import {
  lambdaContext,
  type Pipeline,
  sqsEvent,
  sqsMessage,
  startEmulators,
  startPipeline,
} from "../test/ingest/harness.ts";

const SEEDS = "seeds";
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const tally = (calls: string[]) => {
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.replace(/Command$/, "")] = (counts[c.replace(/Command$/, "")] ?? 0) + 1;
  return Object.entries(counts)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
};

async function timed(p: Pipeline, body: unknown) {
  p.s3Calls.reset();
  p.dynamoCalls.reset();
  const started = performance.now();
  const res = await p.handler(sqsEvent(sqsMessage(body)), lambdaContext());
  const ms = performance.now() - started;
  if (res.batchItemFailures.length) throw new Error(`failed: ${JSON.stringify(res)}`);
  return { ms, s3: [...p.s3Calls.calls], dynamo: [...p.dynamoCalls.calls] };
}

const emulators = await startEmulators();
const seeds = readdirSync(SEEDS).sort();
// The deployed function extracts on a warm worker thread it can stop at the deadline (thread-extractor.ts); the
// same pipeline with extraction in the handler's own thread shows what the thread costs.
const extractor = createThreadExtractor({
  entry: new URL("../functions/handlers/extract-worker.ts", import.meta.url),
  deadlineMs: 20_000,
});
const inProcess = await startPipeline(emulators);
const onThread = await startPipeline(emulators, { extract: extractor.extract });
const summary: string[] = [];
for (const [mode, p] of [
  ["extraction in the handler's thread", inProcess],
  ["extraction on the warm worker thread", onThread],
] as const) {
  console.log(`\n${mode}: per article, one message per invocation, median of ${ROUNDS} warm rounds`);
  console.log("seed                                  bytes  claims  handler ms  extract ms  S3 calls  DynamoDB calls");
  const perArticle: number[] = [];
  for (const file of seeds) {
    const base = readFileSync(join(SEEDS, file));
    const times: number[] = [];
    const extractTimes: number[] = [];
    let last: Awaited<ReturnType<typeof timed>> | undefined;
    let claims = 0;
    // Round 0 warms the code paths; each round's bytes differ (trailing newlines), so each is a new article.
    for (let r = 0; r <= ROUNDS; r++) {
      const bytes = Buffer.concat([base, Buffer.from("\n".repeat(r))]);
      const notice = await p.upload(`incoming/bench/${p.tableName}/r${r}/${file}`, bytes);
      const t = performance.now();
      claims = extract({ bytes, fileName: file }).claims.length;
      const extractMs = performance.now() - t;
      last = await timed(p, notice);
      if (r > 0) {
        times.push(last.ms);
        extractTimes.push(extractMs);
      }
    }
    perArticle.push(median(times));
    console.log(
      `${file.padEnd(36)} ${String(base.length).padStart(6)} ${String(claims).padStart(7)} ${median(times).toFixed(0).padStart(11)} ${median(extractTimes).toFixed(0).padStart(11)} ${String(last!.s3.length).padStart(9)} ${String(last!.dynamo.length).padStart(15)}`,
    );
    console.log(`${"".padEnd(36)} S3: ${tally(last!.s3)}; DynamoDB: ${tally(last!.dynamo)}`);
  }

  // A whole batch of new articles per invocation, as the event source delivers them (up to 10).
  const batchTimes: number[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const notices = [];
    for (const file of seeds) {
      const bytes = Buffer.concat([readFileSync(join(SEEDS, file)), Buffer.from(" ".repeat(r + 1))]);
      notices.push(await p.upload(`incoming/bench/${p.tableName}/batch${r}/${file}`, bytes));
    }
    const started = performance.now();
    const res = await p.handler(sqsEvent(...notices.map((n) => sqsMessage(n))), lambdaContext());
    if (res.batchItemFailures.length) throw new Error("batch failed");
    if (r > 0) batchTimes.push((performance.now() - started) / seeds.length);
  }
  summary.push(
    `${mode}: median over seeds ${median(perArticle).toFixed(0)} ms per article; batches of ${seeds.length}: ${median(batchTimes).toFixed(0)} ms per article (median of ${ROUNDS})`,
  );
}
console.log(`\n${summary.join("\n")}`);
console.log(`worker threads started: ${extractor.threadsStarted()}`);
await extractor.close();
const p = inProcess;

// Other events, for one seed.
const file = "up-2025-07-07-coalition-rome.txt";
// Bytes no round above used, so this article has only the sources made here.
const bytes = Buffer.concat([readFileSync(join(SEEDS, file)), Buffer.from("\t")]);
const notice = await p.upload("incoming/bench/events.txt", bytes);
await timed(p, notice);
const cases: [string, () => Promise<Awaited<ReturnType<typeof timed>>>][] = [
  ["duplicate delivery (idempotency record)", () => timed(p, notice)],
  ["same bytes uploaded again", async () => timed(p, await p.upload("incoming/bench/events.txt", bytes))],
  ["same bytes under a second key", async () => timed(p, await p.upload("incoming/bench/events-2.txt", bytes))],
  ["removal of one of two keys", async () => timed(p, await p.remove("incoming/bench/events-2.txt"))],
  ["removal of the last key", async () => timed(p, await p.remove("incoming/bench/events.txt"))],
  ["bad file (empty)", async () => timed(p, await p.upload("incoming/bench/empty.txt", ""))],
  ["s3:TestEvent", () => timed(p, JSON.parse(readFileSync("test/fixtures/events/s3-test-event.json", "utf8")))],
];
console.log("\nevent                                    handler ms  S3 calls                DynamoDB calls");
for (const [what, run] of cases) {
  const r = await run();
  console.log(
    `${what.padEnd(40)} ${r.ms.toFixed(0).padStart(10)}  ${(tally(r.s3) || "-").padEnd(22)}  ${tally(r.dynamo) || "-"}`,
  );
}
await emulators.stop();
