// DynamoDB's billing arithmetic applied to recorded requests: item sizes by the published rules, write
// request units per 1 KB written (again for each index the item appears in), read units per 4 KB read.
import { tableDesign } from "../../functions/store/table-design.ts";
import type { RecordedRequest } from "../bundle/counting-proxy.ts";

type AttributeValue = Record<string, unknown>;
export type DynamoItem = Record<string, AttributeValue>;

/** An item's size as DynamoDB bills it: attribute names plus values (numbers ~1 byte per 2 digits + 1). */
export function itemSize(item: DynamoItem): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  const [type, v] = Object.entries(value)[0] ?? ["NULL", true];
  switch (type) {
    case "S":
      return Buffer.byteLength(v as string);
    case "N":
      return Math.ceil(String(v).replace(/^-|\.|^0+/g, "").length / 2) + 1;
    case "B":
      return Buffer.from(v as string, "base64").length;
    case "BOOL":
    case "NULL":
      return 1;
    case "SS":
      return (v as string[]).reduce((n, s) => n + Buffer.byteLength(s), 0);
    case "NS":
      return (v as string[]).reduce((n, s) => n + valueSize({ N: s }), 0);
    case "L":
      return 3 + (v as AttributeValue[]).reduce((n, e) => n + 1 + valueSize(e), 0);
    case "M":
      return 3 + Object.entries(v as DynamoItem).reduce((n, [k, e]) => n + Buffer.byteLength(k) + 1 + valueSize(e), 0);
    default:
      return 0;
  }
}

/** How many indexes hold a copy of the item (it has both of an index's key attributes). */
export function indexCopies(item: DynamoItem): number {
  return tableDesign.globalSecondaryIndexes.filter((i) => i.partitionKey.name in item && i.sortKey.name in item).length;
}

const wru = (item: DynamoItem) => Math.max(1, Math.ceil(itemSize(item) / 1024)) * (1 + indexCopies(item));

/** Storage as billed: each item plus 100 bytes of overhead, once in the table and once per index copy. */
export function storedBytes(items: DynamoItem[]): number {
  return items.reduce((n, item) => n + (itemSize(item) + 100) * (1 + indexCopies(item)), 0);
}

export interface Units {
  writeUnits: number;
  readUnits: number;
  requests: number;
}

/**
 * Request units of the recorded requests. Puts are sized from their item; updates and deletes from the item as
 * it is at the end (`finalItems`, by key), or one unit when it is gone; reads by the bytes they returned.
 */
export function unitsOf(requests: RecordedRequest[], finalItems: DynamoItem[]): Units {
  const keyOf = (item: DynamoItem) =>
    JSON.stringify([item[tableDesign.partitionKey.name], item[tableDesign.sortKey.name]]);
  const finalByKey = new Map(finalItems.map((item) => [keyOf(item), item]));
  const sizedByKey = (key: DynamoItem) => {
    const item = finalByKey.get(keyOf(key));
    return item ? wru(item) : 1;
  };
  let writeUnits = 0;
  let readUnits = 0;
  for (const r of requests) {
    const body = JSON.parse(r.body.toString("utf8") || "{}") as Record<string, unknown>;
    switch (r.operation) {
      case "PutItem":
        writeUnits += wru(body.Item as DynamoItem);
        break;
      case "UpdateItem":
      case "DeleteItem":
        writeUnits += sizedByKey(body.Key as DynamoItem);
        break;
      case "BatchWriteItem":
        for (const writes of Object.values(body.RequestItems as Record<string, Record<string, unknown>[]>)) {
          for (const w of writes) {
            const put = w.PutRequest as { Item: DynamoItem } | undefined;
            const del = w.DeleteRequest as { Key: DynamoItem } | undefined;
            writeUnits += put ? wru(put.Item) : sizedByKey(del!.Key);
          }
        }
        break;
      case "GetItem":
      case "Query":
      case "BatchGetItem": {
        const strong = body.ConsistentRead === true;
        const blocks = Math.max(1, Math.ceil(r.responseBytes / 4096));
        readUnits += strong ? blocks : blocks / 2;
        break;
      }
      default:
        break;
    }
  }
  return { writeUnits, readUnits, requests: requests.length };
}
