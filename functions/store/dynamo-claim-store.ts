// The DynamoDB adapter of the claims store: one table (table-design.ts), reads in dynamo/reads.ts, writes in
// dynamo/writes.ts. Takes its client from the caller, so tests and the local stack pass emulator-backed ones.
import { randomUUID } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ClaimStore } from "./claim-store.ts";
import { DEFAULT_RETRY, type RetryPolicy, type StoreContext } from "./dynamo/context.ts";
import { createFactReader } from "./dynamo/fact-reads.ts";
import { createReader } from "./dynamo/reads.ts";
import { createWriter } from "./dynamo/writes.ts";
import type { FactExports, FactReader } from "./fact-store.ts";

export interface DynamoClaimStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  retry?: Partial<RetryPolicy>;
  /** Batches or speakers written at the same time (default 4). */
  concurrency?: number;
  now?: () => Date;
  newToken?: () => string;
  /** Tracking's copy of every fact it writes (the facts export); none when left out. */
  factExports?: FactExports;
}

export function createDynamoClaimStore(options: DynamoClaimStoreOptions): ClaimStore & FactReader {
  const ctx = createStoreContext(options);
  const reader = createReader(ctx);
  return { ...reader, ...createFactReader(ctx), ...createWriter(ctx, reader) };
}

/** What the adapter's parts share; also for operator tools working on the same table (scripts/recount.ts). */
export function createStoreContext(options: DynamoClaimStoreOptions): StoreContext {
  return {
    doc: DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: options.tableName,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    concurrency: options.concurrency ?? 4,
    now: options.now ?? (() => new Date()),
    newToken: options.newToken ?? randomUUID,
    factExports: options.factExports ?? null,
  };
}
