// The ingest handler wired to the local S3 and dynalite, driven as Lambda drives it: SQS events whose messages wrap
// S3 notification records (built from the JSON fixtures in test/fixtures/events/, with the key, size, ETag and
// sequencer of objects really uploaded to the local S3). Logs and metrics are recorded; SDK calls are counted.

import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { afterAll, beforeAll } from "vitest";
import {
  createIngestHandler,
  type IngestHandler,
  type IngestHandlerOptions,
} from "../../functions/ingest/create-ingest-handler.ts";
import { IDEMPOTENCY_PK } from "../../functions/ingest/idempotency.ts";
import type { S3EventObject } from "../../functions/schemas/s3-notification.ts";
import type { Log } from "../../functions/shared/logger.ts";
import type { MetricSink } from "../../functions/shared/metrics.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { countCalls } from "../support/sdk-spy.ts";

export const BUCKET = "claimtrack-test";
export const PREFIX = "incoming/";
const FIXTURES = new URL("../fixtures/events/", import.meta.url);

/** A fixture from test/fixtures/events/, parsed afresh (callers may change it). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as T;
}

export type Notification = {
  Records: { eventName: string; s3: { bucket: { name: string }; object: S3EventObject } }[];
};

/** A notification fixture with its object's fields replaced (fields set to undefined are removed). */
export function notification(name: string, object: Partial<S3EventObject> = {}): Notification {
  const n = fixture<Notification>(name);
  const target = n.Records[0]!.s3.object as Record<string, unknown>;
  for (const [field, value] of Object.entries(object)) {
    if (value === undefined) delete target[field];
    else target[field] = value;
  }
  return n;
}

/** Keys as S3 puts them in notifications: form-encoded, `+` for a space, `%2F` for "/". */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replaceAll("%20", "+");
}

let sequence = 0;
/** Increasing, as S3's sequencer is for the events of one key. */
export const nextSequencer = () => (0x68c2f00000000 + ++sequence).toString(16).toUpperCase().padStart(18, "0");

export interface MessageOptions {
  receiveCount?: number;
  messageId?: string;
}

/** An SQS record as Lambda delivers it (the fixture's), carrying `body` (an object is sent as JSON). */
export function sqsMessage(body: unknown, options: MessageOptions = {}): SQSRecord {
  const template = fixture<SQSEvent>("sqs-event.json").Records[0]!;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    ...template,
    messageId: options.messageId ?? randomUUID(),
    body: text,
    md5OfBody: createHash("md5").update(text).digest("hex"),
    attributes: { ...template.attributes, ApproximateReceiveCount: String(options.receiveCount ?? 1) },
  };
}

export const sqsEvent = (...messages: SQSRecord[]): SQSEvent => ({ Records: messages });

/** A Lambda context with a deadline `remainingMs` from now. */
export function lambdaContext(remainingMs = 60_000): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "claimtrack-ingest-test",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:claimtrack-ingest-test",
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: "/aws/lambda/claimtrack-ingest-test",
    logStreamName: "test",
    getRemainingTimeInMillis: () => Math.max(1, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface LogEntry {
  level: string;
  message: string;
  [field: string]: unknown;
}

export function recordingLog(): Log & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: string) =>
    (message: string, ...extra: Record<string, unknown>[]) =>
      entries.push(Object.assign({ level, message }, ...extra));
  return { entries, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Adds metrics like Powertools does (same name: values summed), and keeps what each publish wrote. */
export function recordingMetrics(): MetricSink & {
  published: Record<string, number>[];
  totals(): Record<string, number>;
} {
  let stored: Record<string, number> = {};
  const published: Record<string, number>[] = [];
  return {
    published,
    addMetric(name, _unit, value) {
      stored[name] = (stored[name] ?? 0) + value;
    },
    hasStoredMetrics: () => Object.keys(stored).length > 0,
    publishStoredMetrics() {
      published.push(stored);
      stored = {};
    },
    totals() {
      const sum: Record<string, number> = {};
      for (const doc of published) for (const [k, v] of Object.entries(doc)) sum[k] = (sum[k] ?? 0) + v;
      return sum;
    },
  };
}

export interface Emulators {
  db: RunningDynalite;
  s3: RunningLocalS3;
  stop(): Promise<void>;
}

export async function startEmulators(): Promise<Emulators> {
  const [db, s3] = await Promise.all([startDynalite(), startLocalS3({ buckets: [BUCKET] })]);
  return {
    db,
    s3,
    async stop() {
      await Promise.all([db.stop(), s3.stop()]);
    },
  };
}

/** Emulators for the test file: started before its tests, stopped after them. */
export function useEmulators(): () => Emulators {
  let emulators: Emulators | undefined;
  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterAll(async () => {
    await emulators?.stop();
  });
  return () => emulators!;
}

export interface UploadOptions {
  contentType?: string;
  /** User metadata, without the x-amz-meta- prefix. */
  metadata?: Record<string, string>;
  /** The notification fixture to fill in (default: a Put). */
  fixture?: string;
}

export const FIXED_NOW = () => new Date("2025-07-08T12:00:00.000Z");

export interface Pipeline {
  handler: IngestHandler;
  tableName: string;
  store: ClaimStore;
  /** Clients the handler uses, counting its calls (command names) since the last reset. */
  s3Client: S3Client;
  dynamoClient: DynamoDBClient;
  s3Calls: { calls: string[]; reset(): void };
  dynamoCalls: { calls: string[]; reset(): void };
  logs: LogEntry[];
  metrics: ReturnType<typeof recordingMetrics>;
  /** Puts an object in the local S3 and returns the notification S3 would send for it. */
  upload(key: string, body: string | Uint8Array, options?: UploadOptions): Promise<Notification>;
  /** Deletes an object and returns the notification S3 would send for it. */
  remove(key: string, fixture?: string): Promise<Notification>;
  /** One SQS event, one message per body, through the handler. */
  deliver(...bodies: unknown[]): Promise<SQSBatchResponse>;
  /** The table's items without idempotency records, in key order. */
  snapshot(ignore?: string[]): Promise<Record<string, unknown>[]>;
}

/** What a test may replace in the handler's options, possibly built from the pipeline's own table and clients. */
export type Overrides =
  | Partial<IngestHandlerOptions>
  | ((own: { tableName: string; dynamoClient: DynamoDBClient; s3Client: S3Client }) => Partial<IngestHandlerOptions>);

/**
 * A handler over the given clients and table with a store of the test's own (one that dies after a write, or
 * that also writes the facts export), on the test bucket and ingest prefix.
 */
export function handlerWithStore(options: {
  s3: S3Client;
  dynamo: DynamoDBClient;
  tableName: string;
  store: IngestHandlerOptions["store"];
  idempotency?: false;
}): IngestHandler {
  return createIngestHandler({
    bucket: BUCKET,
    ingestPrefix: PREFIX,
    maxArticleBytes: 5 * 1024 * 1024,
    logger: recordingLog(),
    metrics: recordingMetrics(),
    ...options,
  });
}

/** A handler on a fresh table of the emulators, with its own clients (so middleware stays per test). */
export async function startPipeline(emulators: Emulators, overrides: Overrides = {}): Promise<Pipeline> {
  const { db, s3 } = emulators;
  const tableName = await db.newTable();
  const dynamoClient = db.newClient();
  const s3Client = s3.newClient();
  const logger = recordingLog();
  const metrics = recordingMetrics();
  const handler = createIngestHandler({
    s3: s3Client,
    dynamo: dynamoClient,
    tableName,
    bucket: BUCKET,
    ingestPrefix: PREFIX,
    maxArticleBytes: 5 * 1024 * 1024,
    logger,
    metrics,
    now: FIXED_NOW,
    ...(typeof overrides === "function" ? overrides({ tableName, dynamoClient, s3Client }) : overrides),
  });
  const pipeline: Pipeline = {
    handler,
    tableName,
    store: createDynamoClaimStore({ client: db.client, tableName }),
    s3Client,
    dynamoClient,
    s3Calls: countCalls(s3Client as never),
    dynamoCalls: countCalls(dynamoClient),
    logs: logger.entries,
    metrics,
    async upload(key, body, options = {}) {
      const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
      const put = await s3.client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: bytes,
          ContentType: options.contentType,
          Metadata: options.metadata,
        }),
      );
      return notification(options.fixture ?? "s3-object-created-put.json", {
        key: encodeKey(key),
        size: bytes.length,
        eTag: (put.ETag ?? "").replaceAll('"', ""),
        sequencer: nextSequencer(),
      });
    },
    async remove(key, name = "s3-object-removed-delete.json") {
      await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      return notification(name, { key: encodeKey(key), sequencer: nextSequencer() });
    },
    deliver(...bodies) {
      return handler(sqsEvent(...bodies.map((b) => sqsMessage(b))), lambdaContext());
    },
    async snapshot(ignore = []) {
      return (await db.dumpTable(tableName))
        .filter((item) => item.pk !== IDEMPOTENCY_PK)
        .map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => k !== "token" && !ignore.includes(k))))
        .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
    },
  };
  return pipeline;
}

/** The article id the store maps a key to, or null. */
export const articleIdAt = (pipeline: Pipeline, key: string) =>
  pipeline.store.findArticleIdBySource({ bucket: BUCKET, key });

/** A seed article's bytes. */
export const seed = (name: string): Buffer => readFileSync(new URL(`../../seeds/${name}`, import.meta.url));
