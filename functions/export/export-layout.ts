// Where the claims export lives in the bucket. One gzipped JSON Lines object per article, partitioned by the
// month the article was published, so Athena (partition projection) and DuckDB (hive partitioning) read one
// layout: export/claims/published=YYYY-MM/<article id>.jsonl.gz. Outside the ingest prefix, so writing it never
// notifies the pipeline.

/** Everything the export writes sits under this prefix (env.ts keeps it apart from the ingest prefix). */
export const EXPORT_PREFIX = "export/";

/** The table's location: only claim files live under it. */
export const EXPORT_CLAIMS_PREFIX = `${EXPORT_PREFIX}claims/`;

/**
 * The facts table's location: one object per tracked fact, `<fact id>.jsonl.gz`, one line per member. Not
 * partitioned: a fact's id stays while members join and leave, its months do not (docs/export.md).
 */
export const EXPORT_FACTS_PREFIX = `${EXPORT_PREFIX}facts/`;

/**
 * Which partitions hold an article's file (normally one). Kept beside the table, not in it, so that a delete or
 * an overwrite that moves the article to another month finds the old file without listing the bucket.
 */
export const EXPORT_INDEX_PREFIX = `${EXPORT_PREFIX}index/`;

/** The partition column's name, as the path and both query engines spell it. */
export const PARTITION_COLUMN = "published";

/** The partition of articles without a publication date (or with one outside the projected years). */
export const UNKNOWN_PARTITION = "unknown";

/**
 * The years Athena's partition projection enumerates (projection cannot mix dates with "unknown", so the months
 * are an enum). An article dated outside them is filed under "unknown"; its `published_at` keeps the date.
 */
export const FIRST_PROJECTED_YEAR = 1980;
export const LAST_PROJECTED_YEAR = 2049;

/** The month as the article states it (`2025-07` from `2025-07-01T00:30:00+02:00`), or "unknown". */
export function exportPartitionOf(publishedAt: string | null): string {
  const match = publishedAt?.match(/^(\d{4})-(\d{2})/);
  if (!match) return UNKNOWN_PARTITION;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < FIRST_PROJECTED_YEAR || year > LAST_PROJECTED_YEAR || month < 1 || month > 12) return UNKNOWN_PARTITION;
  return `${match[1]}-${match[2]}`;
}

/** Every value the partition column can take, in order: the months of the projected years, then "unknown". */
export function projectedPartitions(): string[] {
  const months: string[] = [];
  for (let year = FIRST_PROJECTED_YEAR; year <= LAST_PROJECTED_YEAR; year++) {
    for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, "0")}`);
  }
  return [...months, UNKNOWN_PARTITION];
}

export function exportClaimsKey(articleId: string, partition: string): string {
  return `${EXPORT_CLAIMS_PREFIX}${PARTITION_COLUMN}=${partition}/${articleId}.jsonl.gz`;
}

export function exportIndexKey(articleId: string): string {
  return `${EXPORT_INDEX_PREFIX}${articleId}.txt`;
}

export function exportFactKey(factId: string): string {
  return `${EXPORT_FACTS_PREFIX}${factId}.jsonl.gz`;
}
