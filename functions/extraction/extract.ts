// The extraction use case: bytes in, article and claims out. Pure: no I/O, nothing from AWS.
import { createHash } from "node:crypto";
import type { Extraction } from "../schemas/article.ts";
import { articleIdFor } from "./article-id.ts";
import { extractClaims } from "./claims/extract-claims.ts";
import { BadArticleError, DEFAULT_MAX_ARTICLE_BYTES } from "./errors.ts";
import type { ReadInput } from "./reading/document.ts";
import { readArticle } from "./reading/read-article.ts";
import { EXTRACTOR_VERSION } from "./version.ts";

export interface ExtractOptions {
  maxBytes?: number;
}

// The id lives in article-id.ts (the API needs it without the extractor); re-exported for existing callers.
export { articleIdFor } from "./article-id.ts";

export function extract(input: ReadInput, options: ExtractOptions = {}): Extraction {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (input.bytes.length > maxBytes) {
    throw new BadArticleError("TOO_LARGE", `the file is ${input.bytes.length} bytes, over the ${maxBytes}-byte limit`);
  }
  const contentHash = createHash("sha256").update(input.bytes).digest("hex");
  const id = articleIdFor(contentHash);
  const doc = readArticle(input);
  const claims = extractClaims(doc, id);
  return {
    extractorVersion: EXTRACTOR_VERSION,
    article: {
      id,
      contentHash,
      format: doc.format,
      title: doc.title,
      publishedAt: doc.publishedAt,
      authors: doc.authors,
      outlet: doc.outlet,
      url: doc.url,
      text: doc.text,
    },
    claims,
  };
}
