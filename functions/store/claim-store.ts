// The storage port: what the API (read side) and the ingest pipeline (write side) need from the claims store.
// The DynamoDB adapter (dynamo-claim-store.ts) implements it; nothing here depends on AWS.
import type { Extraction } from "../schemas/article.ts";
import type { AttributionKind, Certainty, Polarity } from "../schemas/claim.ts";
import type {
  ArticleMetadata,
  ArticleRecord,
  ArticleStatus,
  ArticleSummary,
  ClaimRecord,
  ObjectSource,
  SpeakerSummary,
} from "../schemas/records.ts";
import type { ArticleVersion } from "../schemas/versions.ts";

export interface PageRequest {
  /** At most this many items (the API allows 1–200). */
  limit: number;
  /** The `nextCursor` of the previous page of the same list; absent for the first page. */
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Opaque; null when there is nothing after this page. A page may hold fewer than `limit` items. */
  nextCursor: string | null;
}

export interface ClaimFilter {
  /** Any spelling of the speaker's name, or their surname alone when it is unambiguous (see speaker-names.ts). */
  speaker?: string | undefined;
  /** An entity's name; case and spacing do not matter. */
  entity?: string | undefined;
  /** Claims of this article only. */
  article?: string | undefined;
  /** Claims of articles from this outlet; case and spacing do not matter. */
  outlet?: string | undefined;
  polarity?: Polarity | undefined;
  /** `YYYY-MM-DD`: claims whose period ends on or after this day (the period overlaps the window). */
  from?: string | undefined;
  /** `YYYY-MM-DD`: claims whose period starts on or before this day (the period overlaps the window). */
  to?: string | undefined;
  certainty?: Certainty | undefined;
  /** What the speaker is reported doing with the claim (`attribution.kind`); a record without one is a statement. */
  kind?: AttributionKind | undefined;
}

export interface ArticleFilter {
  status?: ArticleStatus | undefined;
  /** The article's outlet; case and spacing do not matter. */
  outlet?: string | undefined;
}

export interface PendingArticle {
  /** `articleIdFor(contentHash)`. */
  id: string;
  contentHash: string;
  /** The object the content was read from. */
  source: ObjectSource;
  /** From the object's metadata; the extractor's findings replace it when the article is completed. */
  metadata?: Partial<Omit<ArticleMetadata, "format">>;
  /** The S3 event's sequencer: an event older than one already recorded for the key changes nothing. */
  sequencer?: string | null;
}

export interface RecordPendingResult {
  article: ArticleRecord;
  /** False when the article already existed (same content seen before): its status is left as it was. */
  created: boolean;
  /** The article the source held before, when the source got new content; it lost this source. */
  replacedArticleId: string | null;
  /**
   * True when the replaced article had no other source left and was deleted with all its records. False when it
   * was kept as the earlier version of the key (see `supersededBy`) or another key still holds it.
   */
  replacedArticleDeleted: boolean;
  /** Earlier versions of the key deleted because the key now has more than MAX_VERSIONS: their texts go too. */
  removedVersionIds: string[];
}

export interface RemoveSourceResult {
  /** The article the source held; null when the store knew no such source. */
  articleId: string | null;
  /** True when that article had no other source and was deleted with all its records. */
  articleDeleted: boolean;
  /** The key's earlier versions, deleted with it (those no other key holds). */
  removedVersionIds: string[];
}

export interface SourceRecord {
  articleId: string;
  sequencer: string | null;
}

export interface ArticleReader {
  getArticle(articleId: string): Promise<ArticleRecord | null>;
  /** Newest first: by publication time, or by the time received when the article gives none. */
  listArticles(page: PageRequest, filter?: ArticleFilter): Promise<Page<ArticleSummary>>;
  /** In reading order; null when the article does not exist. */
  listArticleClaims(articleId: string, page: PageRequest): Promise<Page<ClaimRecord> | null>;
  getClaim(claimId: string): Promise<ClaimRecord | null>;
  /**
   * The versions of the article's key (each content the key held), newest first, with the claim changes from
   * each one's predecessor; null when the article does not exist. Two calls.
   */
  listArticleVersions(articleId: string, page: PageRequest): Promise<Page<ArticleVersion> | null>;
  /**
   * Newest article first (reading order within an article); with only `from`/`to` (and `certainty`), ordered by
   * the time the claims are about, earliest first.
   */
  findClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<ClaimRecord>>;
  /** Most quoted first. */
  listSpeakers(page: PageRequest): Promise<Page<SpeakerSummary>>;
  /**
   * Speakers whose first name word or surname starts with `prefix` (folded as speaker keys are), most quoted first;
   * at most `limit`, one page.
   */
  findSpeakers(prefix: string, limit: number): Promise<Page<SpeakerSummary>>;
  /**
   * Newest first, under any spelling of the name or the surname alone where unambiguous; null when nobody of that
   * name is quoted in any processed article.
   */
  listSpeakerClaims(name: string, page: PageRequest): Promise<Page<ClaimRecord> | null>;
  /** The article a source object currently holds. */
  findArticleIdBySource(source: ObjectSource): Promise<string | null>;
  /**
   * The article a source object holds and the order of the event that recorded it (the stored form of its S3
   * sequencer; null when the event had none), so a re-run of that object can be refused if a later event came.
   */
  findSourceRecord(source: ObjectSource): Promise<SourceRecord | null>;
}

export interface ArticleWriter {
  /**
   * Records an article as PENDING for a source object, or attaches the source to the existing article with the
   * same content. When the source held other content before, it is detached from that article, which is deleted
   * if no source is left. Idempotent: recording the same content for the same source again changes nothing.
   * Throws SourceSupersededError when a later event of the same key was recorded (S3 does not order events).
   */
  recordPending(input: PendingArticle): Promise<RecordPendingResult>;
  /**
   * Stores the article's claims (replacing any claims it had) and only then marks it PROCESSED. Idempotent and
   * resumable: after a failure half-way, calling it again completes the article. The same extraction again
   * changes nothing. Throws ArticleNotFoundError when the article was deleted meanwhile (nothing is left behind).
   */
  completeArticle(extraction: Extraction): Promise<ArticleRecord>;
  /** Marks the article FAILED with a reason a person can act on; removes any claims it had. */
  markFailed(articleId: string, reason: string): Promise<ArticleRecord>;
  /**
   * The object was deleted: detaches it and deletes its article when no other source is left. With the removal's
   * sequencer, a key recorded by a later event is left alone.
   */
  removeSource(source: ObjectSource, sequencer?: string | null): Promise<RemoveSourceResult>;
  /** Deletes the article and every record of it; returns it as it was (with its sources), or null if unknown. */
  deleteArticle(articleId: string): Promise<ArticleRecord | null>;
}

export type ClaimStore = ArticleReader & ArticleWriter;
