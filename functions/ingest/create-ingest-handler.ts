// Builds the ingest Lambda handler from its dependencies. The SQS event source delivers S3 notifications in
// batches; each message is parsed (zod, through Powertools' batch processor), each S3 event in it handled once
// (Powertools idempotency) by one use case, and only the messages that failed for a reason worth retrying are
// reported back (ReportBatchItemFailures), so one bad article never fails its batch-mates.
// functions/handlers/ingest.ts calls it with clients from the environment; tests and the local stack call it
// with emulator clients, and may replace a port.
import { BatchProcessor, EventType } from "@aws-lambda-powertools/batch";
import { parser } from "@aws-lambda-powertools/batch/parser";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { type ClaimExports, createS3ClaimExports } from "../export/claim-exports.ts";
import { createS3FactExports } from "../export/fact-exports.ts";
import { extract } from "../extraction/extract.ts";
import { IngestMessageBody } from "../schemas/s3-notification.ts";
import type { Log } from "../shared/logger.ts";
import type { MetricSink } from "../shared/metrics.ts";
import { createDynamoClaimStore } from "../store/dynamo-claim-store.ts";
import { type ArticleObjects, createS3ArticleObjects } from "./article-objects.ts";
import { type ArticleTexts, createS3ArticleTexts } from "./article-texts.ts";
import type { ExtractBudget, Extractor, IngestDeps, IngestOutcome, IngestStore } from "./deps.ts";
import { handleObjectEvent } from "./handle-object-event.ts";
import { createEventIdempotency, type OnceOutcome } from "./idempotency.ts";
import { type ObjectEvent, objectEventOf } from "./object-events.ts";
import { countOutcome, logOutcome, logRetry } from "./outcome-report.ts";

/** A Log that can also take the Lambda context (Powertools Logger can), for request ids in every line. */
export type IngestLog = Log & { addContext?(context: Context): void };

export interface IngestHandlerOptions {
  s3: S3Client;
  dynamo: DynamoDBClient;
  tableName: string;
  bucket: string;
  /** Objects under it are articles, e.g. "incoming/". */
  ingestPrefix: string;
  maxArticleBytes: number;
  logger: IngestLog;
  metrics: MetricSink;
  /** Ports to replace (tests: a store that dies after n writes, an S3 that fails for one key). */
  store?: IngestStore;
  objects?: ArticleObjects;
  texts?: ArticleTexts;
  exports?: ClaimExports;
  extract?: Extractor;
  /** The store's clock. */
  now?: () => Date;
  /** false: no idempotency records (each event is handled every time it comes; the store stays consistent). */
  idempotency?: false | { expiresAfterSeconds?: number };
  /** How long an invocation may run when the caller gives no Lambda context (local runs); default 60 s. */
  defaultTimeoutMs?: number;
}

export type IngestHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/** An SQS record whose body the batch processor has parsed. */
type ParsedMessage = Omit<SQSRecord, "body"> & { body: IngestMessageBody };

export function createIngestHandler(options: IngestHandlerOptions): IngestHandler {
  const { logger, metrics } = options;
  const deps: IngestDeps = {
    store:
      options.store ??
      createDynamoClaimStore({
        client: options.dynamo,
        tableName: options.tableName,
        factExports: createS3FactExports(options.s3, options.bucket),
        ...(options.now ? { now: options.now } : {}),
      }),
    objects: options.objects ?? createS3ArticleObjects(options.s3),
    texts: options.texts ?? createS3ArticleTexts(options.s3, options.bucket),
    exports: options.exports ?? createS3ClaimExports(options.s3, options.bucket),
    extract: options.extract ?? extract,
    bucket: options.bucket,
    ingestPrefix: options.ingestPrefix,
    maxBytes: options.maxArticleBytes,
    log: logger,
  };

  // The invocation's clock goes with each event (batches of one handler may run at once, locally).
  const work = async (event: ObjectEvent, budget?: ExtractBudget): Promise<IngestOutcome> => {
    const outcome = await handleObjectEvent(budget ? { ...deps, budget } : deps, event);
    countOutcome(metrics, outcome);
    return outcome;
  };
  const idempotency =
    options.idempotency === false
      ? null
      : createEventIdempotency({ client: options.dynamo, tableName: options.tableName, ...options.idempotency }, work);
  const runOnce = (event: ObjectEvent, budget: ExtractBudget): Promise<OnceOutcome> =>
    idempotency ? idempotency.run(event, budget) : work(event, budget);

  return async (event, context) => {
    if (!Array.isArray(event?.Records)) throw new TypeError("not an SQS event: Records is missing");
    const invocation = withDeadline(context, options.defaultTimeoutMs ?? 60_000);
    idempotency?.registerContext(invocation);
    const budget: ExtractBudget = { remainingMs: () => invocation.getRemainingTimeInMillis() };
    if (context) logger.addContext?.(context);

    // Messages whose failure the record handler logged; the others failed to parse.
    const explained = new Set<string>();
    const handleMessage = async (message: ParsedMessage) => {
      const body = message.body;
      if ("Event" in body) {
        logger.info("S3 test event acknowledged", { messageId: message.messageId, bucket: body.Bucket });
        return;
      }
      for (const record of body.Records) {
        const started = performance.now();
        const delivery = () => ({
          messageId: message.messageId,
          receiveCount: Number(message.attributes.ApproximateReceiveCount),
          durationMs: Math.round(performance.now() - started),
        });
        let objectEvent: ObjectEvent | undefined;
        try {
          objectEvent = objectEventOf(record);
          logOutcome(logger, objectEvent, await runOnce(objectEvent, budget), delivery());
        } catch (err) {
          explained.add(message.messageId);
          const where = { bucket: record.s3.bucket.name, key: objectEvent?.key ?? record.s3.object.key };
          logRetry(logger, { ...where, eventName: record.eventName }, delivery(), err);
          throw err;
        }
      }
    };

    const processor = new BatchProcessor(EventType.SQS, {
      parser,
      innerSchema: IngestMessageBody,
      transformer: "json",
      logger: { debug() {}, warn: logger.warn.bind(logger), error: logger.error.bind(logger) },
    });
    processor.register(event.Records, handleMessage, { context: invocation, throwOnFullBatchFailure: false });
    try {
      const results = await processor.process();
      for (const [status, message, record] of results) {
        const { messageId, body, attributes } = record as SQSRecord;
        if (status !== "fail" || explained.has(messageId)) continue;
        logger.error("the message is not an S3 notification; it will be retried, then dead-lettered", {
          messageId,
          receiveCount: Number(attributes?.ApproximateReceiveCount),
          problem: message,
          body: String(body).slice(0, 500),
        });
      }
      const response = processor.response();
      if (response.batchItemFailures.length > 0) {
        metrics.addMetric("MessagesRetried", "Count", response.batchItemFailures.length);
      }
      return { batchItemFailures: [...response.batchItemFailures] };
    } finally {
      // Once per invocation; an invocation that only saw test events or duplicates has nothing to publish.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

/** The context as given, or (local runs without one) a context whose deadline is `timeoutMs` from now. */
function withDeadline(context: Context | undefined, timeoutMs: number): Context {
  if (typeof context?.getRemainingTimeInMillis === "function") return context;
  const deadline = Date.now() + timeoutMs;
  return { ...context, getRemainingTimeInMillis: () => Math.max(1, deadline - Date.now()) } as Context;
}
