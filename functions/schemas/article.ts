// The article as the extractor reads it: metadata plus the plain text that evidence offsets index into.
import * as z from "zod";
import { Claim } from "./claim.ts";

export const ArticleFormat = z.enum(["text", "markdown", "html", "json"]);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

export const ExtractedArticle = z.object({
  id: z.string().min(1).describe("Derived from the article's bytes: the same content always has the same id."),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("The sha256 of the article's bytes, in hex."),
  format: ArticleFormat.describe("How the body was read: plain text, Markdown, HTML or a JSON article."),
  title: z.string().nullable().describe("The headline; null when the article has none."),
  publishedAt: z
    .string()
    .nullable()
    .describe("When the article was published, ISO 8601: with the zone offset when the article gives one."),
  authors: z.array(z.string()).describe("The article's bylines, in order."),
  outlet: z.string().nullable().describe("The news organization that published the article; null when unknown."),
  url: z.string().nullable().describe("Where the article was published; null when unknown."),
  text: z.string().describe("The plain body text."),
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
