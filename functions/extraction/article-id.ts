// The article id, in a module of its own so the API can compute it (POST /articles) without importing the
// extractor and its NLP dependencies.
import { createHash } from "node:crypto";

/** sha256 of the article's bytes, hex. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The article id: the first 80 bits of the content's sha256, so the same bytes are always the same article. */
export function articleIdFor(contentHash: string): string {
  return contentHash.slice(0, 20);
}
