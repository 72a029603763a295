// Reading items by key in bulk: BatchGetItem in chunks of 100 (its limit), retrying what DynamoDB leaves in
// UnprocessedKeys with the same back-off as the batch writes.
import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { StoreBusyError } from "../errors.ts";
import type { Item } from "../items.ts";
import type { StoreContext } from "./context.ts";

const CHUNK = 100;

export async function getAll(ctx: StoreContext, keys: { pk: string; sk: string }[]): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  const out: Item[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + CHUNK);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const res = await ctx.doc.send(
        new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      out.push(...((res.Responses?.[ctx.tableName] ?? []) as Item[]));
      pending = (res.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length === 0) break;
      if (attempt >= ctx.retry.attempts) throw new StoreBusyError(pending.length, attempt);
      const delay = Math.random() * Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  // Keys order the answer: BatchGetItem returns items in no particular order.
  return out.sort((x, y) => `${x.pk}\n${x.sk}`.localeCompare(`${y.pk}\n${y.sk}`));
}
