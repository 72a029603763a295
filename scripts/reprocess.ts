// `npm run reprocess`: re-extracts what is stored with the engine that runs now, rewriting claims, indexes, counts,
// texts and the export through the ingest pipeline (functions/ingest/reprocess.ts says how a re-run is safe).
//   npm run reprocess                    the running local stack: the ingest handler runs here, with a progress bar
//   npm run reprocess -- --queue-url URL --table T [--region R] [--endpoint URL]
//                                        deployed: re-run events go on the ingest queue, whose consumers' concurrency
//                                        throttles them; counts are printed until every article is redone
//   --all        every article, whatever engine extracted it (default: those another engine extracted)
//   --failed     FAILED articles too
//   --fresh      start from the newest article, not where an interrupted run stopped
//   --no-wait    (deployed) enqueue and exit
// Resumable: after each page of articles is handled (locally) or enqueued (deployed), the position is saved in
// CLAIMTRACK_HOME/reprocess.json (or --state FILE); the next run with the same selection continues there.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { EXTRACTOR_VERSION } from "../functions/extraction/version.ts";
import {
  type ReprocessSelection,
  type ReprocessTarget,
  reprocessNotification,
  reprocessTargets,
} from "../functions/ingest/reprocess.ts";
import { mapLimit } from "../functions/shared/map-limit.ts";
import type { ClaimStore } from "../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../functions/store/dynamo-claim-store.ts";
import { loadLocalStackConfig } from "../local/config.ts";
import { readEndpoints } from "../local/endpoints.ts";
import { lambdaContext } from "../local/queue/lambda-context.ts";
import { sqsEventOf } from "../local/queue/sqs-event.ts";
import { handlerEnv } from "../local/stack.ts";

/** SQS takes at most 10 messages a batch; Lambda's event source hands the function batches of that size too. */
const BATCH = 10;
const POLL_MS = 5_000;

interface Saved {
  table: string;
  version: string;
  all: boolean;
  failed: boolean;
  cursor: string;
}

/** Where articles were redone: a batch of re-run targets handled (locally) or enqueued (deployed). */
type Deliver = (targets: ReprocessTarget[]) => Promise<{ retried: number }>;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      all: { type: "boolean", default: false },
      failed: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      "no-wait": { type: "boolean", default: false },
      "queue-url": { type: "string" },
      table: { type: "string" },
      region: { type: "string" },
      endpoint: { type: "string" },
      state: { type: "string" },
      concurrency: { type: "string", default: "2" },
    },
  });
  const deployed = values["queue-url"] !== undefined;
  if (deployed !== (values.table !== undefined)) throw new Error("--queue-url and --table go together (deployed)");
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw new Error(`--concurrency ${values.concurrency}: give a whole number from 1 to 32`);
  }

  const target = deployed
    ? deployedTarget(values["queue-url"]!, values.table!, values.region, values.endpoint)
    : await localTarget(concurrency);
  const statePath = resolve(values.state ?? target.defaultState);
  const selection: ReprocessSelection = { version: EXTRACTOR_VERSION, all: values.all, failed: values.failed };
  const same = (s: Saved) =>
    s.table === target.table &&
    s.version === selection.version &&
    s.all === selection.all &&
    s.failed === selection.failed;
  const saved = !values.fresh && existsSync(statePath) ? (JSON.parse(readFileSync(statePath, "utf8")) as Saved) : null;
  if (saved && same(saved)) {
    selection.cursor = saved.cursor;
    console.log(`reprocess: resuming where the last run stopped (${statePath}; --fresh starts over)`);
  }

  const progress = progressLine(deployed ? "enqueued" : "redone", await countArticles(target.store));
  const ids = new Set<string>();
  let scanned = 0;
  let retried = 0;
  for await (const page of reprocessTargets(target.store, selection)) {
    scanned += page.scanned;
    for (const t of page.targets) ids.add(t.articleId);
    retried += (await target.deliver(page.targets)).retried;
    progress.advance(page.targets.length, scanned);
    if (page.cursor)
      writeFileSync(statePath, `${JSON.stringify({ ...selection, table: target.table, cursor: page.cursor })}\n`);
  }
  progress.end();
  rmSync(statePath, { force: true });

  const objects = progress.count;
  console.log(
    `reprocess of ${target.table} with engine ${EXTRACTOR_VERSION}: ${scanned} articles read, ${ids.size} ` +
      `selected, ${objects} objects ${deployed ? "enqueued" : "run again"}${retried ? `, ${retried} retried` : ""}`,
  );
  if (!deployed || !values["no-wait"]) await report(target.store, [...ids], deployed);
  await target.close();
}

interface Target {
  table: string;
  store: ClaimStore;
  deliver: Deliver;
  defaultState: string;
  close(): Promise<void>;
}

/** The running local stack: its own ingest handler, imported here with the environment the stack gives it. */
async function localTarget(concurrency: number): Promise<Target> {
  const config = loadLocalStackConfig();
  const endpoints = readEndpoints(config.home);
  const local = (url: string) => (url === "aws" ? null : url);
  const env = handlerEnv(config, local(endpoints.s3), local(endpoints.dynamodb));
  Object.assign(process.env, env, { POWERTOOLS_LOG_LEVEL: "ERROR" });
  const { handler } = (await import("../functions/handlers/ingest.ts")) as {
    handler: (event: SQSEvent, context: ReturnType<typeof lambdaContext>) => Promise<SQSBatchResponse>;
  };
  const client = dynamoClient(endpoints.region, local(endpoints.dynamodb));
  let sent = 0;
  const invoke = async (targets: ReprocessTarget[], receiveCount: number) => {
    const messages = targets.map((t) => {
      const now = Date.now();
      return {
        messageId: `reprocess-${++sent}`,
        receiptHandle: `reprocess-${sent}`,
        body: JSON.stringify(reprocessNotification(t)),
        receiveCount,
        sentAt: now,
        firstReceivedAt: now,
        lastError: null,
      };
    });
    const response = await handler(sqsEventOf(messages, "claimtrack-ingest"), lambdaContext("reprocess", 60_000));
    const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    return targets.filter((_, i) => failed.has(messages[i]!.messageId));
  };
  return {
    table: endpoints.table,
    store: createDynamoClaimStore({ client, tableName: endpoints.table }),
    defaultState: resolve(config.home, "reprocess.json"),
    async deliver(targets) {
      const batches = chunks(targets, BATCH);
      let retried = 0;
      await mapLimit(batches, concurrency, async (batch) => {
        // As the queue would: a message the handler gave back is delivered again, a few times at most.
        let left = batch;
        for (let attempt = 1; left.length > 0; attempt++) {
          if (attempt > 3) throw new Error(`the ingest handler failed ${left.map((t) => t.source.key).join(", ")}`);
          if (attempt > 1) retried += left.length;
          left = await invoke(left, attempt);
        }
      });
      return { retried };
    },
    async close() {
      client.destroy();
    },
  };
}

/** Deployed: the re-run events go on the ingest queue; the ingest function's concurrency sets the pace. */
function deployedTarget(queueUrl: string, table: string, region?: string, endpoint?: string): Target {
  // The SDK sends to the queue URL's own host: a queue in another region, or an SQS-compatible service, just works.
  const sqs = new SQSClient(region ? { region } : {});
  const client = dynamoClient(region ?? process.env.AWS_REGION ?? "us-east-1", endpoint ?? null);
  let sent = 0;
  return {
    table,
    store: createDynamoClaimStore({ client, tableName: table }),
    defaultState: resolve("reprocess-state.json"),
    async deliver(targets) {
      for (const batch of chunks(targets, BATCH)) {
        const entries = batch.map((t) => ({ Id: `m${++sent}`, MessageBody: JSON.stringify(reprocessNotification(t)) }));
        const res = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (res.Failed && res.Failed.length > 0) {
          const why = res.Failed.map((f) => `${f.Id}: ${f.Code} ${f.Message ?? ""}`.trim()).join("; ");
          throw new Error(`the ingest queue refused ${res.Failed.length} messages (${why}); run again to resume`);
        }
      }
      return { retried: 0 };
    },
    async close() {
      sqs.destroy();
      client.destroy();
    },
  };
}

function dynamoClient(region: string, endpoint: string | null): DynamoDBClient {
  return new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
}

/**
 * How the selected articles stand: redone with this engine, failed, gone, still to do. Deployed, the queue works
 * on after the enqueueing: counts are printed every few seconds until nothing is left to do.
 */
async function report(store: ClaimStore, ids: string[], wait: boolean): Promise<void> {
  let todo = ids;
  const counts = { redone: 0, failed: 0, gone: 0 };
  for (;;) {
    const left: string[] = [];
    await mapLimit(todo, 16, async (id) => {
      const article = await store.getArticle(id);
      if (!article) counts.gone++;
      else if (article.status === "FAILED") counts.failed++;
      else if (article.status === "PROCESSED" && article.extractorVersion === EXTRACTOR_VERSION) counts.redone++;
      else left.push(id);
    });
    todo = left;
    console.log(
      `reprocess: ${counts.redone} redone with ${EXTRACTOR_VERSION}, ${counts.failed} failed, ${counts.gone} ` +
        `deleted meanwhile, ${todo.length} still to do`,
    );
    if (todo.length === 0 || !wait) return;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** A progress bar on a terminal; a line per page elsewhere (CI logs, pipes). */
function progressLine(verb: string, total: number) {
  const tty = process.stdout.isTTY === true;
  let count = 0;
  return {
    get count() {
      return count;
    },
    advance(objects: number, scanned: number) {
      count += objects;
      if (!tty) return void console.log(`reprocess: ${scanned}/${total} articles read, ${count} objects ${verb}`);
      const width = 30;
      const filled = total === 0 ? width : Math.min(width, Math.round((scanned / total) * width));
      const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
      process.stdout.write(`\r[${bar}] ${scanned}/${total} articles read · ${count} objects ${verb}`);
    },
    end() {
      if (tty) process.stdout.write("\n");
    },
  };
}

/** The articles stored, for the bar's end: ids only, 200 to a call, far cheaper than the run it measures. */
async function countArticles(store: ClaimStore): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 200, cursor });
    total += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return total;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((err: unknown) => {
    console.error(`reprocess: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
