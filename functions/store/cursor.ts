// Pagination cursors: the position after the last item of a page (a DynamoDB key), bound to the list it came
// from. A cursor is opaque to clients and checked on the way back: an edited or truncated cursor, or one from
// another list or filter, is an InvalidCursorError (HTTP 400), never a query DynamoDB rejects.
//
// The check sum detects edits, not forgeries (there is no secret): a forged cursor can at most name another
// position in the same partition of the same index, which any client could reach by paging.
import { createHash } from "node:crypto";
import * as z from "zod";
import { InvalidCursorError } from "./errors.ts";

const VERSION = 1;
const MAX_KEY_VALUE = 2048;

/** Where a list's cursors may point: the query's scope and its key attributes. */
export interface CursorScope {
  /** Names the list and its filters: a cursor from another scope is refused. */
  scope: string;
  /** Exactly the attributes of a LastEvaluatedKey for this query (see table-design.keyNamesOf). */
  keyNames: string[];
  /** The partition the query reads: the cursor's value for this attribute must match. */
  partition: { name: string; value: string };
}

const Payload = z.tuple([z.literal(VERSION), z.string(), z.record(z.string(), z.string().max(MAX_KEY_VALUE))]);

export function encodeCursor(where: CursorScope, key: Record<string, unknown>): string {
  const picked: Record<string, string> = {};
  for (const name of where.keyNames) picked[name] = String(key[name]);
  const body = Buffer.from(JSON.stringify([VERSION, scopeDigest(where.scope), picked])).toString("base64url");
  return `${body}.${checksum(body)}`;
}

export function decodeCursor(where: CursorScope, cursor: string): Record<string, string> {
  const [body, sum, ...rest] = cursor.split(".");
  if (!body || !sum || rest.length > 0 || checksum(body) !== sum) {
    throw new InvalidCursorError("it was not issued by this API or has been altered");
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("it was not issued by this API or has been altered");
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) throw new InvalidCursorError("it was not issued by this API or has been altered");
  const [, digest, key] = parsed.data;
  if (digest !== scopeDigest(where.scope)) {
    throw new InvalidCursorError("it belongs to another list or to other filters; start again without a cursor");
  }
  const names = Object.keys(key).sort();
  const expected = [...where.keyNames].sort();
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new InvalidCursorError("it does not name a position in this list");
  }
  if (key[where.partition.name] !== where.partition.value) {
    throw new InvalidCursorError("it does not name a position in this list");
  }
  return key;
}

function scopeDigest(scope: string): string {
  return createHash("sha256").update(scope).digest("base64url").slice(0, 12);
}

function checksum(body: string): string {
  return createHash("sha256").update(`claimtrack-cursor:${body}`).digest("base64url").slice(0, 16);
}
