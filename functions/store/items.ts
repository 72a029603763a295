// The table's item types: how records become items (with the index keys of every access pattern) and how items
// become records again, validated with the record schemas so a corrupt item is an error, never a wrong answer.

import type { ArticleMetadata, ArticleRecord, ArticleSummary, ObjectSource } from "../schemas/records.ts";
import {
  ArticleSummary as ArticleSummarySchema,
  ClaimRecord,
  ObjectSource as ObjectSourceSchema,
} from "../schemas/records.ts";
import { InvalidRecordError } from "./errors.ts";
import {
  ARTICLE_SK,
  ARTICLES_FEED,
  articleFeedSk,
  articlePk,
  CLAIM_TIME_FEED,
  CLAIMS_FEED,
  certaintyClaimsPk,
  claimFeedSk,
  claimSk,
  claimTimeSk,
  entityClaimsPk,
  entityIndexSk,
  nameKey,
  SOURCE_SK,
  sourceListingSk,
  sourcePk,
  speakerClaimsPk,
  timeIndexSk,
} from "./keys.ts";
import { speakerKey as speakerKeyOf, surnameOf } from "./speaker-names.ts";

export type Item = Record<string, unknown>;

/**
 * Every item stays far below DynamoDB's 400 KB limit whatever the article's size: the article's text is never
 * stored (it stays in the bucket), and a single claim or metadata block larger than this is refused.
 */
export const MAX_ITEM_BYTES = 64 * 1024;

/** An upper bound of an item's stored size (DynamoDB counts names and values; JSON adds only punctuation). */
export function itemBytes(item: Item): number {
  return Buffer.byteLength(JSON.stringify(item, (_k, v) => (v instanceof Set ? [...v] : v)));
}

export function assertItemFits(item: Item, what: string): void {
  const bytes = itemBytes(item);
  if (bytes > MAX_ITEM_BYTES) {
    throw new InvalidRecordError(`${what} takes ${bytes} bytes; a stored record may take at most ${MAX_ITEM_BYTES}`);
  }
}

// --- articles ---------------------------------------------------------------------------------------------------

export interface ArticleItemFields extends ArticleSummary {
  /** sha256 over the stored extraction: completing an article with the same extraction again is a no-op. */
  extractionHash: string | null;
  /** The time the article is ordered by in feeds (see keys.sortableTime). */
  sortTime: string;
  /** The source id of the key whose versions the article is one of (version-items.ts); absent when none. */
  chain?: string;
}

export function articleItem(fields: ArticleItemFields): Item {
  return {
    pk: articlePk(fields.id),
    sk: ARTICLE_SK,
    type: "article",
    ...fields,
    ...(fields.metadata.outlet ? { outletKey: nameKey(fields.metadata.outlet) } : {}),
    gsi1pk: ARTICLES_FEED,
    gsi1sk: articleFeedSk(fields.sortTime, fields.id),
  };
}

export function articleSummaryOf(item: Item): ArticleSummary {
  // Articles stored before versions were recorded read as "version unknown", which re-extraction treats as old.
  return parseItem(ArticleSummarySchema, { extractorVersion: null, ...item }, "article");
}

export function articleFieldsOf(item: Item): ArticleItemFields {
  return {
    ...articleSummaryOf(item),
    extractionHash: typeof item.extractionHash === "string" ? item.extractionHash : null,
    sortTime: String(item.sortTime),
    ...(typeof item.chain === "string" ? { chain: item.chain } : {}),
  };
}

export function articleRecordOf(item: Item, listings: Item[]): ArticleRecord {
  const sources = [...listings]
    .sort((a, b) => String(a.addedAt).localeCompare(String(b.addedAt)) || String(a.sk).localeCompare(String(b.sk)))
    .map((l) => parseItem(ObjectSourceSchema, l, "source"));
  return { ...articleSummaryOf(item), sources };
}

export function emptyMetadata(partial: Partial<Omit<ArticleMetadata, "format">> = {}): ArticleMetadata {
  return {
    title: partial.title ?? null,
    publishedAt: partial.publishedAt ?? null,
    authors: partial.authors ?? [],
    outlet: partial.outlet ?? null,
    url: partial.url ?? null,
    format: null,
  };
}

// --- sources ----------------------------------------------------------------------------------------------------

/** In the article's partition: lists the article's sources. */
export function sourceListingItem(articleId: string, sourceId: string, source: ObjectSource, addedAt: string): Item {
  return {
    pk: articlePk(articleId),
    sk: sourceListingSk(sourceId),
    type: "source-listing",
    bucket: source.bucket,
    key: source.key,
    addedAt,
  };
}

/** In the source's own partition: which article the object holds now, and the sequencer of the event that said so. */
export function sourceItem(articleId: string, sourceId: string, source: ObjectSource, sequencer: string | null): Item {
  return {
    pk: sourcePk(sourceId),
    sk: SOURCE_SK,
    type: "source",
    articleId,
    bucket: source.bucket,
    key: source.key,
    ...(sequencer ? { sequencer } : {}),
  };
}

/**
 * S3 sequencers of one key order its events as hexadecimal numbers of varying length: left-padded, they compare
 * as strings.
 */
export function eventOrder(sequencer: string | null | undefined): string | null {
  return sequencer ? sequencer.toUpperCase().padStart(40, "0") : null;
}

// --- claims -----------------------------------------------------------------------------------------------------

/**
 * A claim and its index items. Every copy carries the whole record (so any index answers a query alone) and the
 * attributes the other filters test (speakerKey, entityKeys, certainty, timeStart, timeEnd).
 */
export function claimItems(record: ClaimRecord, sortTime: string, outlet: string | null = null): Item[] {
  const { articleId, ordinal } = record;
  const speaker = record.attribution.speaker;
  const speakerKey = speaker ? speakerKeyOf(speaker) : undefined;
  const entityKeys = [...new Set(record.entities.map((e) => nameKey(e.name)))];
  const feedSk = claimFeedSk(sortTime, articleId, ordinal);
  const base: Item = {
    pk: articlePk(articleId),
    record,
    speakerKey,
    entityKeys,
    certainty: record.certainty,
    // The article's outlet, for `?outlet=` (claims carry no outlet of their own).
    ...(outlet ? { outletKey: nameKey(outlet) } : {}),
    timeStart: record.time?.start,
    timeEnd: record.time?.end,
  };
  const items: Item[] = [
    {
      ...base,
      sk: claimSk(ordinal),
      type: "claim",
      gsi1pk: CLAIMS_FEED,
      gsi1sk: feedSk,
      ...(speakerKey ? { gsi2pk: speakerClaimsPk(surnameOf(speakerKey)), gsi2sk: feedSk } : {}),
      gsi3pk: certaintyClaimsPk(record.certainty),
      gsi3sk: feedSk,
    },
    ...entityKeys.map((key) => ({
      ...base,
      sk: entityIndexSk(ordinal, key),
      type: "claim-entity",
      gsi2pk: entityClaimsPk(key),
      gsi2sk: feedSk,
    })),
  ];
  if (record.time) {
    items.push({
      ...base,
      sk: timeIndexSk(ordinal),
      type: "claim-time",
      gsi1pk: CLAIM_TIME_FEED,
      gsi1sk: claimTimeSk(record.time.start, record.time.end, articleId, ordinal),
    });
  }
  assertItemFits(items[0]!, `claim ${record.id}`);
  return items;
}

export function claimRecordOf(item: Item): ClaimRecord {
  return parseItem(ClaimRecord, item.record, "claim");
}

/** Items of the article partition that belong to its claims (claims and their index items). */
export function isClaimPart(item: Item): boolean {
  return (
    item.type === "claim" ||
    item.type === "claim-entity" ||
    item.type === "claim-time" ||
    item.type === "claim-archived"
  );
}

// --- helpers ----------------------------------------------------------------------------------------------------

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

function parseItem<T>(schema: Parser<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`stored ${what} item does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
