// The article as the extractor reads it: metadata plus the plain text that evidence offsets index into.
import * as z from "zod";
import { Claim } from "./claim.ts";

export const ArticleFormat = z.enum(["text", "markdown", "html", "json"]);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

export const ExtractedArticle = z.object({
  /** Derived from the article's bytes: the same content always has the same id. */
  id: z.string().min(1),
  /** sha256 of the article's bytes, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  format: ArticleFormat,
  title: z.string().nullable(),
  /** ISO 8601; with the zone offset when the article gives one, else a date or local time. */
  publishedAt: z.string().nullable(),
  authors: z.array(z.string()),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  /** The plain body text. */
  text: z.string(),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;

/** What `npm run extract -- FILE` prints and what the ingest pipeline stores. */
export const Extraction = z.object({
  /** The extractor's version (functions/extraction/version.ts): which engine produced these claims. */
  extractorVersion: z.string().min(1).max(64),
  article: ExtractedArticle,
  claims: z.array(Claim),
});
export type Extraction = z.infer<typeof Extraction>;
