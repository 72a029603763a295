// What the ingest use cases work with, passed in by the handler factory, and what they answer.

import type { ClaimExports } from "../export/claim-exports.ts";
import type { ExtractOptions } from "../extraction/extract.ts";
import type { ReadInput } from "../extraction/reading/document.ts";
import type { Extraction } from "../schemas/article.ts";
import type { Log } from "../shared/logger.ts";
import type { ArticleReader, ArticleWriter } from "../store/claim-store.ts";
import type { ArticleObjects } from "./article-objects.ts";
import type { ArticleTexts } from "./article-texts.ts";
import type { FailureCode } from "./failures.ts";

/** What is left of the invocation that asks for an extraction: work that cannot finish in it is retried. */
export interface ExtractBudget {
  remainingMs(): number;
}

/**
 * The extractor's signature (functions/extraction/extract.ts), injected so the use cases stay free of it: the
 * function itself, or an adapter that runs it on a thread it can stop (thread-extractor.ts).
 */
export type Extractor = (
  input: ReadInput,
  options: ExtractOptions,
  budget?: ExtractBudget,
) => Extraction | Promise<Extraction>;

/** The store's writes, and the reads that keep the export in step when an article is deleted. */
export type IngestStore = ArticleWriter &
  Pick<ArticleReader, "findArticleIdBySource" | "getArticle" | "listArticleClaims">;

export interface IngestDeps {
  store: IngestStore;
  objects: ArticleObjects;
  /** Where processed articles' texts are kept for the API. */
  texts: ArticleTexts;
  /** The claims export (export/claims/…): one file per processed article. */
  exports: ClaimExports;
  extract: Extractor;
  /** The invocation's time, when a handler runs the use case. */
  budget?: ExtractBudget;
  /** The bucket and key prefix whose objects are articles; events about anything else are ignored. */
  bucket: string;
  ingestPrefix: string;
  maxBytes: number;
  log: Log;
}

/** What became of one S3 event. JSON, so the idempotency record can hold it for duplicate deliveries. */
export type IngestOutcome =
  | { result: "processed"; articleId: string; claimCount: number }
  | { result: "failed"; articleId: string; code: FailureCode; reason: string }
  | { result: "removed"; articleId: string | null; articleDeleted: boolean }
  | { result: "ignored"; reason: string; articleId?: string };

export const ignored = (reason: string, articleId?: string): IngestOutcome =>
  articleId ? { result: "ignored", reason, articleId } : { result: "ignored", reason };
