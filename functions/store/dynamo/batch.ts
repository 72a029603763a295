// Bulk writes without transactions: BatchWriteItem in chunks of 25 (its limit), a few chunks at a time, retrying
// whatever DynamoDB leaves in UnprocessedItems with exponential back-off and jitter. Every item has a
// deterministic key, so a chunk written twice (a rerun after a failure) leaves the same table.
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mapLimit } from "../../shared/map-limit.ts";
import { StoreBusyError } from "../errors.ts";
import type { Item } from "../items.ts";
import type { RetryPolicy, StoreContext } from "./context.ts";

const CHUNK = 25;

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

export async function putAll(ctx: StoreContext, items: Item[]): Promise<void> {
  await writeAll(
    ctx,
    items.map((item) => ({ PutRequest: { Item: item } })),
  );
}

export async function deleteAll(ctx: StoreContext, items: Item[]): Promise<void> {
  await writeAll(
    ctx,
    items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
  );
}

async function writeAll(ctx: StoreContext, requests: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += CHUNK) chunks.push(requests.slice(i, i + CHUNK));
  await mapLimit(chunks, ctx.concurrency, (chunk) => writeChunk(ctx, chunk));
}

async function writeChunk(ctx: StoreContext, chunk: WriteRequest[]): Promise<void> {
  let pending = chunk;
  for (let attempt = 1; ; attempt++) {
    const res = await ctx.doc.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: pending } }));
    pending = (res.UnprocessedItems?.[ctx.tableName] ?? []) as WriteRequest[];
    if (pending.length === 0) return;
    if (attempt >= ctx.retry.attempts) throw new StoreBusyError(pending.length, attempt);
    await sleep(backoff(ctx.retry, attempt));
  }
}

/** Full jitter: a random delay up to base·2^(attempt-1), capped (the AWS architecture blog's recommendation). */
function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
