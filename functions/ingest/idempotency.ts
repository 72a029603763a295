// Powertools idempotency per S3 event, with its records in the claims table (pk `IDEMPOTENCY#ingest`, TTL on
// `expiration`). A duplicate delivery of an event that was handled answers the stored outcome without reading
// the object or running the extractor again; one still in progress elsewhere fails with
// IdempotencyAlreadyInProgressError and is retried by the queue. If the work throws, the record is deleted, so
// the retry runs it again.
//
// The key is the event itself: bucket, key, ETag, event name and sequencer. Unlike the SQS message id it is the
// same when S3 sends a notification twice; unlike bucket + key + ETag alone it is new when the same bytes are
// uploaded again after a delete, which must bring the article back. Correctness never depends on this layer:
// the store's writes are idempotent on their own; it saves the work of duplicates. A re-run of a stored object
// (functions/ingest/reprocess.ts) is asked for on purpose, maybe twice in a day: it always runs.

import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context } from "aws-lambda";
import { tableDesign } from "../store/table-design.ts";
import type { ExtractBudget, IngestOutcome } from "./deps.ts";
import type { ObjectEvent } from "./object-events.ts";
import { REPROCESS_EVENT } from "./reprocess.ts";

/** The partition of the idempotency records; no store key starts with IDEMPOTENCY#. */
export const IDEMPOTENCY_PK = "IDEMPOTENCY#ingest";
/** Long enough for S3's late duplicates and a same-day redrive; the TTL attribute removes records after it. */
export const DEFAULT_IDEMPOTENCY_SECONDS = 24 * 60 * 60;

export interface EventIdempotencyOptions {
  client: DynamoDBClient;
  tableName: string;
  expiresAfterSeconds?: number;
}

/** An outcome, marked when it is the stored answer to a duplicate rather than work done now. */
export type OnceOutcome = IngestOutcome & { replayed?: true };

export interface EventIdempotency {
  /** Runs the work once per event. */
  run(event: ObjectEvent, budget?: ExtractBudget): Promise<OnceOutcome>;
  /** The invocation's context: its deadline bounds how long an in-progress record blocks duplicates. */
  registerContext(context: Context): void;
}

export function createEventIdempotency(
  options: EventIdempotencyOptions,
  work: (event: ObjectEvent, budget?: ExtractBudget) => Promise<IngestOutcome>,
): EventIdempotency {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    awsSdkV3Client: options.client,
    keyAttr: tableDesign.partitionKey.name,
    sortKeyAttr: tableDesign.sortKey.name,
    staticPkValue: IDEMPOTENCY_PK,
  });
  const config = new IdempotencyConfig({
    expiresAfterSeconds: options.expiresAfterSeconds ?? DEFAULT_IDEMPOTENCY_SECONDS,
    responseHook: (response) => ({ ...(response as object), replayed: true }),
  });
  const idempotent = makeIdempotent(work, {
    persistenceStore,
    config,
    // Fixed, not the function name: a redeploy (new name suffix) keeps recognising duplicates.
    keyPrefix: "ingest",
  });
  return {
    async run(event, budget) {
      // Without a sequencer (some emulators) two uploads of the same bytes would look like one event.
      if (event.sequencer === null || event.eventName === REPROCESS_EVENT) return work(event, budget);
      // The key is made from the first argument only: the budget is not part of the event's identity.
      return (await idempotent(event, budget)) as OnceOutcome;
    },
    registerContext(context) {
      config.registerLambdaContext(context);
    },
  };
}
