// What the store keeps and the API serves: the extractor's records (article.ts, claim.ts) extended with
// what storage adds — sources, status, counts, timestamps. Extended here, never redefined.
import * as z from "zod";
import { ArticleFormat, ExtractedArticle } from "./article.ts";
import { Claim } from "./claim.ts";

export const ArticleStatus = z.enum(["PENDING", "PROCESSED", "FAILED"]);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** An S3 object an article came from. The same content under two keys is one article with two sources. */
export const ObjectSource = z.object({
  bucket: z.string().min(1).max(63),
  key: z.string().min(1).max(1024),
});
export type ObjectSource = z.infer<typeof ObjectSource>;

/** What is known about an article besides its text: from the object's metadata, then from the extractor. */
export const ArticleMetadata = ExtractedArticle.pick({
  title: true,
  publishedAt: true,
  authors: true,
  outlet: true,
  url: true,
}).extend({
  /** How the body was read; null until the article is processed. */
  format: ArticleFormat.nullable(),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

const Timestamp = z.iso.datetime();

/** An article as listed: everything but its sources. */
export const ArticleSummary = z.object({
  id: z.string().min(1),
  contentHash: ExtractedArticle.shape.contentHash,
  metadata: ArticleMetadata,
  status: ArticleStatus,
  /** Why processing failed, in words a person can act on; null unless FAILED. */
  failureReason: z.string().nullable(),
  /** Claims stored for the article; 0 until PROCESSED. */
  claimCount: z.number().int().nonnegative(),
  receivedAt: Timestamp,
  updatedAt: Timestamp,
  /** When the article last became PROCESSED or FAILED. */
  processedAt: Timestamp.nullable(),
  /** Grows by one on every change of the record. */
  version: z.number().int().positive(),
  /** The version of the extractor that produced its claims (functions/extraction/version.ts); null until processed. */
  extractorVersion: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleRecord = ArticleSummary.extend({
  /** The objects the article came from, in the order they were recorded. */
  sources: z.array(ObjectSource),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** A stored claim: the extractor's record plus the article it came from and that article's publication time. */
export const ClaimRecord = Claim.extend({
  articleId: z.string().min(1),
  /** The article's publication time as the article gives it; null when unknown. */
  publishedAt: z.string().nullable(),
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** A quoted speaker and how much they are quoted across all processed articles. */
export const SpeakerSummary = z.object({
  /** The speaker's name as first seen; lookups ignore case and spacing. */
  name: z.string().min(1),
  claimCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
});
export type SpeakerSummary = z.infer<typeof SpeakerSummary>;
