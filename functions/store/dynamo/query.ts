// Reading with Query only (never Scan): one page of a list for the API, or a whole partition for the writers.
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Page, PageRequest } from "../claim-store.ts";
import { type CursorScope, decodeCursor, encodeCursor } from "../cursor.ts";
import { InvalidCursorError } from "../errors.ts";
import type { Item } from "../items.ts";
import { type IndexName, keyNamesOf, tableDesign } from "../table-design.ts";
import type { StoreContext } from "./context.ts";

export interface ListQuery {
  index?: IndexName;
  /** The partition to read; its attribute is the index's (or the table's) partition key. */
  partition: string;
  /** Extra key condition on the sort key, using `#sk` for its name, e.g. `begins_with(#sk, :prefix)`. */
  sortCondition?: string;
  /** A FilterExpression over non-key attributes. */
  filter?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Ascending sort-key order when true. */
  forward: boolean;
  /** Strongly consistent (base table only). */
  consistent?: boolean;
  /** Names the list and its filters, binding its cursors (see cursor.ts). */
  scope: string;
  /** Query calls this page may take (default MAX_CALLS_PER_PAGE): 1 when the request spent a call already. */
  maxCalls?: number;
}

/** Query calls one page may take: enough to fill a filtered page, few enough to keep every request cheap. */
const MAX_CALLS_PER_PAGE = 2;
/** With a filter, DynamoDB's Limit counts items read before filtering: read a few pages' worth at once. */
const FILTERED_READ_FACTOR = 4;

/**
 * One page of a list: at most `limit` items. It reads one item more than it returns, so `nextCursor` is null
 * exactly when nothing follows.
 */
export async function queryPage(ctx: StoreContext, q: ListQuery, page: PageRequest): Promise<Page<Item>> {
  const where = cursorScopeOf(q);
  let startKey: Record<string, unknown> | undefined = page.cursor ? decodeCursor(where, page.cursor) : undefined;
  const items: Item[] = [];
  for (let call = 0; call < (q.maxCalls ?? MAX_CALLS_PER_PAGE); call++) {
    const want = page.limit + 1 - items.length;
    const res = await sendQuery(ctx, {
      ...baseInput(ctx, q),
      Limit: q.filter ? Math.min(1000, want * FILTERED_READ_FACTOR) : want,
      ExclusiveStartKey: startKey,
    });
    for (const item of res.Items ?? []) {
      if (items.length === page.limit) return { items, nextCursor: encodeCursor(where, items[page.limit - 1]!) };
      items.push(item);
    }
    startKey = res.LastEvaluatedKey;
    if (!startKey) return { items, nextCursor: null };
  }
  return { items, nextCursor: encodeCursor(where, startKey!) };
}

/** Every item of a partition (paging through it), for writers that must see all of an article's items. */
export async function queryAll(ctx: StoreContext, q: Omit<ListQuery, "scope" | "forward">): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await sendQuery(ctx, {
      ...baseInput(ctx, { ...q, scope: "", forward: true }),
      ExclusiveStartKey: startKey,
    });
    items.push(...(res.Items ?? []));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return items;
}

function baseInput(ctx: StoreContext, q: ListQuery): QueryCommandInput {
  const { pkName, skName } = keyAttributeNames(q.index);
  return {
    TableName: ctx.tableName,
    IndexName: q.index,
    KeyConditionExpression: `#pk = :pk${q.sortCondition ? ` AND ${q.sortCondition}` : ""}`,
    FilterExpression: q.filter,
    ExpressionAttributeNames: { "#pk": pkName, ...(q.sortCondition ? { "#sk": skName } : {}), ...q.names },
    ExpressionAttributeValues: { ":pk": q.partition, ...q.values },
    ScanIndexForward: q.forward,
    ConsistentRead: q.consistent,
  };
}

async function sendQuery(ctx: StoreContext, input: QueryCommandInput) {
  try {
    return await ctx.doc.send(new QueryCommand(input));
  } catch (err) {
    // A start key outside the query's range passes our checks only if forged; DynamoDB then refuses it.
    if (input.ExclusiveStartKey && (err as { name?: string }).name === "ValidationException") {
      throw new InvalidCursorError("it does not name a position in this list");
    }
    throw err;
  }
}

function cursorScopeOf(q: ListQuery): CursorScope {
  return {
    scope: `${q.index ?? "table"}|${q.partition}|${q.scope}`,
    keyNames: keyNamesOf(q.index),
    partition: { name: keyAttributeNames(q.index).pkName, value: q.partition },
  };
}

function keyAttributeNames(index?: IndexName): { pkName: string; skName: string } {
  if (!index) return { pkName: tableDesign.partitionKey.name, skName: tableDesign.sortKey.name };
  const gsi = tableDesign.globalSecondaryIndexes.find((i) => i.indexName === index)!;
  return { pkName: gsi.partitionKey.name, skName: gsi.sortKey.name };
}
