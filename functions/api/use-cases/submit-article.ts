// POST /articles: the article goes into the bucket under the ingest prefix, and that is all the API does. The
// object's upload event brings it into the pipeline like any other upload, which records it (PENDING, then
// PROCESSED or FAILED): the API's role cannot write the table, and one writer keeps every article exactly once.
import { articleIdFor, contentHashOf } from "../../extraction/article-id.ts";
import type { ArticleContentType } from "../../schemas/api.ts";
import type { ObjectSource } from "../../schemas/records.ts";
import { type ArticleObjectMetadata, toObjectMetadata } from "../../shared/object-metadata.ts";
import { extensionFor } from "../article-content.ts";
import type { ApiDeps } from "../deps.ts";
import { PayloadTooLargeError } from "../errors.ts";

export interface ArticleFile {
  bytes: Uint8Array;
  mediaType: ArticleContentType;
  /** The Content-Type to store, parameters (charset) included. */
  contentType: string;
  /** Authors are part of a JSON article file; S3 metadata carries the rest (see object-metadata.ts). */
  metadata: ArticleObjectMetadata;
}

/** The id the pipeline will give the article (from its content) and the object it was stored as. */
export async function submitArticle(deps: ApiDeps, file: ArticleFile): Promise<{ id: string; source: ObjectSource }> {
  if (file.bytes.length > deps.maxArticleBytes) throw new PayloadTooLargeError(file.bytes.length, deps.maxArticleBytes);
  const id = articleIdFor(contentHashOf(file.bytes));
  // The key is the content's id: submitting the same article again overwrites it with the same bytes.
  const source = await deps.objects.put({
    key: `${deps.ingestPrefix}${id}${extensionFor(file.mediaType)}`,
    body: file.bytes,
    contentType: file.contentType,
    metadata: toObjectMetadata(file.metadata),
  });
  return { id, source };
}
