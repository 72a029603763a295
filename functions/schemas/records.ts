// What the store keeps and the API serves: the extractor's records (article.ts, claim.ts) extended with
// what storage adds — sources, status, counts, timestamps. Extended here, never redefined.
import * as z from "zod";
import { ArticleFormat, ExtractedArticle } from "./article.ts";
import { Claim } from "./claim.ts";
import { EXAMPLE_ARTICLE, EXAMPLE_CLAIM, EXAMPLE_SPEAKER, EXAMPLE_SUMMARY } from "./examples.ts";

export const ArticleStatus = z.enum(["PENDING", "PROCESSED", "FAILED"]);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** An S3 object an article came from. The same content under two keys is one article with two sources. */
export const ObjectSource = z
  .object({
    bucket: z.string().min(1).max(63).describe("The S3 bucket."),
    key: z.string().min(1).max(1024).describe("The object's key in the bucket."),
  })
  .describe("An S3 object an article was read from.");
export type ObjectSource = z.infer<typeof ObjectSource>;

/** What is known about an article besides its text: from the object's metadata, then from the extractor. */
export const ArticleMetadata = ExtractedArticle.pick({
  title: true,
  publishedAt: true,
  authors: true,
  outlet: true,
  url: true,
})
  .extend({
    format: ArticleFormat.nullable().describe("How the body was read; null until the article is processed."),
  })
  .describe("What is known about the article besides its text.");
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

const Timestamp = z.iso.datetime();

/** An article as listed: everything but its sources. */
export const ArticleSummary = z
  .object({
    id: z.string().min(1).describe("The first 20 hex digits of the sha256 of the article's content."),
    contentHash: ExtractedArticle.shape.contentHash,
    metadata: ArticleMetadata,
    status: ArticleStatus.describe(
      "`PENDING` until the pipeline has read it, then `PROCESSED` (claims stored) or `FAILED` (see `failureReason`).",
    ),
    failureReason: z
      .string()
      .nullable()
      .describe("Why processing failed, in words a person can act on; null unless `FAILED`."),
    claimCount: z.number().int().nonnegative().describe("Claims stored for the article; 0 until `PROCESSED`."),
    receivedAt: Timestamp.describe("When the pipeline first recorded the article."),
    updatedAt: Timestamp.describe("When the record last changed."),
    processedAt: Timestamp.nullable().describe("When the article last became `PROCESSED` or `FAILED`."),
    version: z.number().int().positive().describe("Grows by one on every change of the record."),
    extractorVersion: z
      .string()
      .nullable()
      .describe("The version of the extractor that produced its claims; null until processed."),
    supersededBy: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Only on an earlier version: the article that replaced it under its key. Its claims stay readable by id " +
          "but leave the claim, speaker and fact lists; `GET /articles/{id}/versions` gives the whole history.",
      ),
  })
  .meta({ examples: [EXAMPLE_SUMMARY] });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleRecord = ArticleSummary.extend({
  sources: z.array(ObjectSource).describe("The objects the article came from, in the order they were recorded."),
}).meta({ examples: [EXAMPLE_ARTICLE] });
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** A stored claim: the extractor's record plus the article it came from and that article's publication time. */
export const ClaimRecord = Claim.extend({
  articleId: z.string().min(1).describe("The article the claim came from."),
  publishedAt: z
    .string()
    .nullable()
    .describe("The article's publication time as the article gives it; null when unknown."),
}).meta({ examples: [EXAMPLE_CLAIM] });
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** A quoted speaker and how much they are quoted across all processed articles. */
export const SpeakerSummary = z
  .object({
    name: z
      .string()
      .min(1)
      .describe(
        "The speaker's name as first seen. Spellings that differ only in case, diacritics, punctuation or a " +
          "transliterated ending (`Zelenskyy`, `Zelenskiy`, `Zelensky`) are one speaker.",
      ),
    aliases: z
      .array(z.string().min(1))
      .describe("Every spelling of the name the stored articles use (at most 20); any of them finds the speaker."),
    claimCount: z.number().int().nonnegative().describe("Claims attributed to the speaker."),
    articleCount: z.number().int().nonnegative().describe("Articles with at least one of those claims."),
  })
  .meta({ examples: [EXAMPLE_SPEAKER] });
export type SpeakerSummary = z.infer<typeof SpeakerSummary>;
