// The whole system on one machine: S3 and DynamoDB (in-process stand-ins, or external endpoints), the ingest
// queue with SQS semantics feeding the ingest handler, and the REST API served by the API handler. Everything
// it keeps lives under CLAIMTRACK_HOME: s3/ (objects), dynamodb/ (the table), queue/ (queued messages, the
// dead-letter list, the objects already queued), endpoints.json while it runs.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createDynamoClaimStore } from "../functions/store/dynamo-claim-store.ts";
import { startApiServer } from "./api-server.ts";
import { startAthena } from "./athena-service.ts";
import { createBucketWatch } from "./bucket-watch.ts";
import type { LocalStackConfig } from "./config.ts";
import { startDynamoDb } from "./dynamodb-service.ts";
import { type Endpoints, removeEndpoints, writeEndpoints } from "./endpoints.ts";
import { loadHandlers } from "./handlers.ts";
import { lockHome } from "./home-lock.ts";
import { fileJournal, replayJournal } from "./queue/journal.ts";
import { createLocalQueue, type DeadLetter } from "./queue/local-queue.ts";
import { createQueueConsumer } from "./queue/queue-consumer.ts";
import { notificationFor, notificationMessage, type ObjectChange, strayUploadWarning } from "./s3-notifications.ts";
import { LOCAL_S3_CREDENTIALS, startS3 } from "./s3-service.ts";
import { seedOnFirstStart } from "./seeds.ts";

/** The deployed event source's batch size and the ingest function's timeout; the rest is tuned for one machine. */
const INGEST = {
  queueName: "claimtrack-ingest",
  functionName: "claimtrack-ingest",
  batchSize: 10,
  batchWindowMs: 200,
  maxConcurrency: 4,
  timeoutMs: 60_000,
  /** The redrive policy: three deliveries, then the dead-letter list. */
  maxReceiveCount: 3,
};

export interface StackOutput {
  info(line: string): void;
  warn(line: string): void;
  /** A line that the next one replaces (on a terminal). */
  progress(line: string, final: boolean): void;
}

export interface LocalStack {
  endpoints: Endpoints;
  handlers: string;
  queueDepth(): number;
  stop(): Promise<void>;
}

export async function startLocalStack(config: LocalStackConfig, out: StackOutput): Promise<LocalStack> {
  const { env, home } = config;
  const region = env.AWS_REGION;
  const prefix = env.INGEST_PREFIX;
  const queueDir = join(home, "queue");
  mkdirSync(queueDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    cleanups.push(lockHome(home));
    const dynamo = await startDynamoDb({
      choice: env.CLAIMTRACK_DYNAMODB,
      port: env.CLAIMTRACK_DYNAMODB_PORT,
      directory: join(home, "dynamodb"),
      accessLogPath: join(home, "logs", "dynamodb-access.log"),
      tableName: env.TABLE_NAME,
      region,
      credentials: standInCredentials(env.CLAIMTRACK_DYNAMODB.kind),
      onError: (err) => out.warn(`the local DynamoDB failed: ${err.message}`),
    });
    cleanups.push(() => dynamo.stop());
    const s3 = await startS3({
      choice: env.CLAIMTRACK_S3,
      port: env.CLAIMTRACK_S3_PORT,
      directory: join(home, "s3"),
      accessLogPath: join(home, "logs", "s3-access.log"),
      bucket: env.BUCKET_NAME,
      region,
      credentials: standInCredentials(env.CLAIMTRACK_S3.kind),
    });
    // Saved once S3 has stopped, so the state includes every change queued until the end.
    let saveWatchState = () => {};
    cleanups.push(async () => {
      await s3.stop();
      saveWatchState();
    });

    const journalPath = join(queueDir, "ingest.jsonl");
    const deadLetterPath = join(queueDir, "dead-letter.jsonl");
    const queue = createLocalQueue({
      visibilityTimeoutMs: env.CLAIMTRACK_VISIBILITY_TIMEOUT_SECONDS * 1000,
      maxReceiveCount: INGEST.maxReceiveCount,
      journal: fileJournal(journalPath),
      initial: replayJournal(journalPath),
      deadLetter: (message) => {
        appendFileSync(deadLetterPath, `${JSON.stringify(deadLetterEntry(message))}\n`);
        out.warn(
          `dead-lettered after ${message.receiveCount} deliveries: ${objectsOf(message.body)} → ${deadLetterPath}`,
        );
      },
    });

    // GET /claims/search: the API's Athena adapter talks to a stand-in running DuckDB over the bucket's export.
    const athena = await startAthena({
      s3: s3.client,
      bucket: env.BUCKET_NAME,
      mirrorDirectory: join(home, "export-mirror"),
    });
    cleanups.push(() => athena.stop());
    const handlers = await loadHandlers(
      { ...handlerEnv(config, s3.endpoint, dynamo.endpoint), ...athenaEnv(athena.endpoint) },
      config.assembly,
    );
    cleanups.push(() => handlers.stop());
    const consumer = createQueueConsumer({
      queue,
      queueName: INGEST.queueName,
      functionName: INGEST.functionName,
      handler: handlers.ingest,
      batchSize: INGEST.batchSize,
      batchWindowMs: INGEST.batchWindowMs,
      maxConcurrency: INGEST.maxConcurrency,
      // Lambda refuses an SQS event source whose visibility timeout is shorter than the function's timeout.
      timeoutMs: Math.min(INGEST.timeoutMs, env.CLAIMTRACK_VISIBILITY_TIMEOUT_SECONDS * 1000),
      warn: out.warn,
    });
    consumer.start();
    cleanups.push(() => consumer.stop());

    // Changes reach the queue from the local S3's events as they happen, and from listing the bucket: at start (for
    // what happened while the stack was down) and, for an S3 that sends no events, every few seconds.
    const watch = createBucketWatch({
      s3: s3.client,
      bucket: env.BUCKET_NAME,
      prefix,
      statePath: join(queueDir, "objects.json"),
    });
    saveWatchState = () => watch.save();
    let strayUploads = 0;
    const enqueue = (change: ObjectChange) => {
      const record = notificationFor(change, prefix);
      if (record) queue.send(notificationMessage(record));
      else {
        const warning = strayUploadWarning(change, prefix, strayUploads + 1);
        if (warning) {
          strayUploads++;
          out.warn(warning);
        }
      }
    };
    const hearsEvents = s3.onChange((change) => {
      enqueue(change);
      watch.noted(change);
    });
    const reconcile = async () => {
      const { changes, commit } = await watch.reconcile();
      for (const change of changes) enqueue(change);
      commit();
      return changes.length;
    };
    const missed = await reconcile();
    if (missed > 0) out.info(`Queued ${missed} change(s) to ${prefix} made while the stack was stopped.`);
    if (!hearsEvents) cleanups.push(startPolling(reconcile, env.CLAIMTRACK_POLL_SECONDS * 1000, out));

    const api = await startApiServer(handlers.api, env.PORT, join(home, "logs", "api-access.log")).catch(
      (err: NodeJS.ErrnoException) => {
        throw err.code === "EADDRINUSE" ? new Error(`port ${env.PORT} is in use: set PORT to another port`) : err;
      },
    );
    cleanups.push(() => api.stop());

    if (config.seeds) {
      await seedOnFirstStart({
        directory: config.seeds,
        markerPath: join(home, "seeded.json"),
        s3: s3.client,
        bucket: env.BUCKET_NAME,
        ingestPrefix: prefix,
        store: createDynamoClaimStore({ client: dynamo.client, tableName: env.TABLE_NAME }),
        progress: out.progress,
      });
    }

    const endpoints: Endpoints = {
      api: api.url,
      s3: s3.endpoint ?? "aws",
      dynamodb: dynamo.endpoint ?? "aws",
      bucket: env.BUCKET_NAME,
      ingestPrefix: prefix,
      table: env.TABLE_NAME,
      region,
      pid: process.pid,
    };
    writeEndpoints(home, endpoints);
    cleanups.push(() => removeEndpoints(home));
    return {
      endpoints,
      handlers: handlers.origin,
      queueDepth: () => queue.counts().total,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * DynamoDB stand-ins accept any key pair, the local S3 only its own; an endpoint URL takes the environment's keys when there
 * are some (MinIO needs its own); AWS takes the SDK's usual chain (profile, SSO, environment).
 */
function standInCredentials(kind: "local" | "url" | "aws") {
  if (kind === "local") return LOCAL_S3_CREDENTIALS;
  if (kind === "url" && !process.env.AWS_ACCESS_KEY_ID) return { accessKeyId: "local", secretAccessKey: "local" };
  return undefined;
}

/** Where the API finds the local Athena; the names are the deployed workgroup's and database's for stage `local`. */
function athenaEnv(endpoint: string): Record<string, string> {
  return {
    ATHENA_WORKGROUP: "claimtrack-local",
    ATHENA_DATABASE: "claimtrack_local",
    AWS_ENDPOINT_URL_ATHENA: endpoint,
  };
}

/** The environment the deployed functions get, pointed at this stack's endpoints. */
export function handlerEnv(
  config: LocalStackConfig,
  s3: string | null,
  dynamodb: string | null,
): Record<string, string> {
  const { env } = config;
  const vars: Record<string, string> = {
    TABLE_NAME: env.TABLE_NAME,
    BUCKET_NAME: env.BUCKET_NAME,
    INGEST_PREFIX: env.INGEST_PREFIX,
    MAX_ARTICLE_BYTES: String(env.MAX_ARTICLE_BYTES),
    CORS_ALLOW_ORIGIN: env.CORS_ALLOW_ORIGIN,
    POWERTOOLS_LOG_LEVEL: env.POWERTOOLS_LOG_LEVEL,
    POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "Claimtrack",
    // Metrics go to CloudWatch through the Lambda log; locally they would only flood the terminal.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? "true",
    AWS_REGION: env.AWS_REGION,
    AWS_DEFAULT_REGION: env.AWS_REGION,
  };
  if (s3) {
    vars.AWS_ENDPOINT_URL_S3 = s3;
    vars.AWS_REQUEST_CHECKSUM_CALCULATION = "WHEN_REQUIRED";
    vars.AWS_RESPONSE_CHECKSUM_VALIDATION = "WHEN_REQUIRED";
  }
  if (dynamodb) vars.AWS_ENDPOINT_URL_DYNAMODB = dynamodb;
  // One key pair serves both clients: the local S3's when S3 is local (DynamoDB stand-ins accept any).
  const credentials = standInCredentials(env.CLAIMTRACK_S3.kind);
  if (credentials) {
    vars.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    vars.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  }
  return vars;
}

function startPolling(reconcile: () => Promise<number>, intervalMs: number, out: StackOutput): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const tick = () => {
    running = reconcile()
      .catch((err: Error) => out.warn(`listing the bucket failed, will try again: ${err.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/** A dead-lettered message with the objects it was about, so a person can see what to fix and re-upload. */
function deadLetterEntry(message: DeadLetter) {
  return {
    deadLetteredAt: new Date(message.deadLetteredAt).toISOString(),
    objects: objectsIn(message.body),
    lastError: message.lastError,
    receiveCount: message.receiveCount,
    messageId: message.messageId,
    sentAt: new Date(message.sentAt).toISOString(),
    body: message.body,
  };
}

/** The objects an S3 notification message names, keys decoded. */
function objectsIn(body: string): { bucket?: string; key?: string; eventName?: string }[] {
  try {
    const parsed = JSON.parse(body) as {
      Records?: { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } }[];
    };
    return (parsed.Records ?? []).map((r) => ({
      bucket: r.s3?.bucket?.name,
      key: r.s3?.object?.key === undefined ? undefined : decodeURIComponent(r.s3.object.key.replaceAll("+", " ")),
      eventName: r.eventName,
    }));
  } catch {
    // Not an S3 notification: the body says it all.
    return [];
  }
}

function objectsOf(body: string): string {
  return (
    objectsIn(body)
      .map((o) => `s3://${o.bucket}/${o.key}`)
      .join(", ") || "a message"
  );
}
