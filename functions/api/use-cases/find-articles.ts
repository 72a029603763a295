// GET /articles with its filters. `key` names one object of the bucket — its whole key, or a file name under the
// ingest prefix — so it is answered by the source's own item (1 GetItem) and the article (1 Query), and the
// other filters are tested on that one article; without `key`, the store's filtered feed answers.
import type { ArticleStatus, ArticleSummary } from "../../schemas/records.ts";
import type { Page, PageRequest } from "../../store/claim-store.ts";
import { nameKey } from "../../store/keys.ts";
import type { ApiDeps } from "../deps.ts";

export interface ArticlesRequest extends PageRequest {
  status?: ArticleStatus | undefined;
  outlet?: string | undefined;
  key?: string | undefined;
}

export async function findArticles(deps: ApiDeps, request: ArticlesRequest): Promise<Page<ArticleSummary>> {
  const { status, outlet, key, ...page } = request;
  if (key === undefined) return deps.store.listArticles(page, { status, outlet });
  const objectKey = objectKeyFor(key, deps.ingestPrefix);
  const id = await deps.store.findArticleIdBySource({ bucket: deps.objects.bucket, key: objectKey });
  const article = id ? await deps.store.getArticle(id) : null;
  if (!article) return { items: [], nextCursor: null };
  const { sources: _sources, ...summary } = article;
  const fits =
    (!status || summary.status === status) && (!outlet || nameKey(summary.metadata.outlet ?? "") === nameKey(outlet));
  return { items: fits ? [summary] : [], nextCursor: null };
}

/** A key with a "/" is a whole key; a bare file name lies under the ingest prefix, where uploads go. */
export function objectKeyFor(key: string, ingestPrefix: string): string {
  return key.includes("/") ? key : `${ingestPrefix}${key}`;
}
