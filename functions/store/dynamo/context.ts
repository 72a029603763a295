// What every part of the DynamoDB adapter shares: the client, the table and the policies for retries and
// parallelism. Built once by createDynamoClaimStore; tests pass their own clock, tokens and retry delays.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FactExports } from "../fact-store.ts";

export interface RetryPolicy {
  /** Attempts of one batch before StoreBusyError (the first attempt included). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface StoreContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
  retry: RetryPolicy;
  /** Batches or speakers written at the same time. */
  concurrency: number;
  now: () => Date;
  /** A unique token for one change of a speaker's counts (see speaker-counts.ts). */
  newToken: () => string;
  /** Where tracking copies each fact it writes or deletes (the export); null: nowhere. */
  factExports: FactExports | null;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 50, maxDelayMs: 2_000 };

export function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === "ConditionalCheckFailedException";
}

/** Runs a conditional write; a failed condition means "already done or superseded" and is not an error. */
export async function ignoringConditionFailure(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/**
 * The condition that an item still holds the `token` it was read with (null: it was read without one), for a
 * write that must not land on an item another writer changed since.
 */
export function tokenUnchanged(token: string | null) {
  return token === null
    ? { ConditionExpression: "attribute_not_exists(#token)", ExpressionAttributeNames: { "#token": "token" } }
    : {
        ConditionExpression: "#token = :token",
        ExpressionAttributeNames: { "#token": "token" },
        ExpressionAttributeValues: { ":token": token },
      };
}
