// One page of a bucket listing, as ListObjectsV2 and ListObjects (V1) compute it: keys in UTF-8 byte order
// after `startAfter` (a key) and after `marker` (the last key or common prefix of the previous page), under the
// prefix; with a delimiter, the keys that have it after the prefix are rolled up into one common prefix each,
// and a common prefix counts once toward the page size, as a key does.
import { compareKeys, type ListedObject } from "./store.ts";

export interface ListQuery {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  /** Keys up to and including this one are left out (V2's StartAfter, V1's Marker). */
  startAfter: string;
  /** Keys whose entry (key or common prefix) is up to and including this one are left out (V2's continuation). */
  marker: string;
}

export interface ListPage {
  contents: ListedObject[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The page's last entry (key or common prefix): where the next page continues. */
  last: string | undefined;
}

export function listPage(sorted: string[], objects: Map<string, ListedObject>, query: ListQuery): ListPage {
  const { prefix, delimiter, maxKeys } = query;
  const contents: ListedObject[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  let count = 0;
  const from = compareKeys(query.startAfter, prefix) > 0 ? query.startAfter : prefix;
  for (let i = firstAfter(sorted, from, from === query.startAfter && query.startAfter !== ""); i < sorted.length; i++) {
    const key = sorted[i]!;
    if (!key.startsWith(prefix)) break;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const entry = cut < 0 ? key : key.slice(0, cut + delimiter.length);
    if (query.marker && compareKeys(entry, query.marker) <= 0) continue;
    if (entry === last) continue;
    if (count === maxKeys) return { contents, commonPrefixes, isTruncated: true, last };
    if (cut < 0) contents.push(objects.get(key)!);
    else commonPrefixes.push(entry);
    last = entry;
    count++;
  }
  return { contents, commonPrefixes, isTruncated: false, last };
}

/** The index of the first key after `from` (or at it, unless `exclusive`). */
function firstAfter(sorted: string[], from: string, exclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys(sorted[mid]!, from);
    if (c < 0 || (exclusive && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
