// POST /articles: the article goes into the bucket under the ingest prefix — so the pipeline processes it like
// any upload — and is recorded as PENDING at once, so GET /articles/{id} answers before processing ends.
import { articleIdFor, contentHashOf } from "../../extraction/article-id.ts";
import type { ArticleContentType } from "../../schemas/api.ts";
import type { ArticleRecord, ObjectSource } from "../../schemas/records.ts";
import { type ArticleObjectMetadata, toObjectMetadata } from "../../shared/object-metadata.ts";
import { extensionFor } from "../article-content.ts";
import type { ApiDeps } from "../deps.ts";
import { PayloadTooLargeError } from "../errors.ts";

export interface ArticleFile {
  bytes: Uint8Array;
  mediaType: ArticleContentType;
  /** The Content-Type to store, parameters (charset) included. */
  contentType: string;
  metadata: ArticleObjectMetadata & { authors?: string[] | null | undefined };
}

export async function submitArticle(
  deps: ApiDeps,
  file: ArticleFile,
): Promise<{ article: ArticleRecord; source: ObjectSource }> {
  if (file.bytes.length > deps.maxArticleBytes) throw new PayloadTooLargeError(file.bytes.length, deps.maxArticleBytes);
  const contentHash = contentHashOf(file.bytes);
  const id = articleIdFor(contentHash);
  // The key is the content's id: submitting the same article again overwrites it with the same bytes.
  const source = await deps.objects.put({
    key: `${deps.ingestPrefix}${id}${extensionFor(file.mediaType)}`,
    body: file.bytes,
    contentType: file.contentType,
    metadata: toObjectMetadata(file.metadata),
  });
  // After the object exists: if recording fails, the upload event still brings the article in.
  const { title, publishedAt, outlet, url, authors } = file.metadata;
  const { article } = await deps.store.recordPending({
    id,
    contentHash,
    source,
    metadata: {
      title: title ?? null,
      publishedAt: publishedAt ?? null,
      outlet: outlet ?? null,
      url: url ?? null,
      authors: authors ?? [],
    },
  });
  return { article, source };
}
