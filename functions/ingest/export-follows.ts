// Keeps the claims export in step with the store when an object's article may be deleted. The store forgets
// which article a key held once it has detached the key, so a retry after a crash between the store's deletion
// and the export's could no longer find the file. Hence the export of an article that is about to lose its last
// source is deleted first; should the article survive after all (another key took the same content meanwhile,
// or a later event of the key won), its file is written again from the stored claims.
import { allArticleClaims } from "../export/article-claims.ts";
import type { ObjectSource } from "../schemas/records.ts";
import type { IngestDeps } from "./deps.ts";

/**
 * The article `source` holds, if `source` is its only source (and it is not `keep`): its export is deleted now,
 * and its id returned for `restoreExportIfKept`. Null when no article stands to lose its last source.
 */
export async function releaseExportOfLastSource(
  deps: IngestDeps,
  source: ObjectSource,
  keep?: string,
): Promise<string | null> {
  const articleId = await deps.store.findArticleIdBySource(source);
  if (!articleId || articleId === keep) return null;
  const article = await deps.store.getArticle(articleId);
  const others = article?.sources.filter((s) => s.bucket !== source.bucket || s.key !== source.key) ?? [];
  if (!article || others.length > 0) return null;
  await deps.exports.delete(articleId);
  return articleId;
}

/** The released article is still there and processed: its export comes back, from the store's claims. */
export async function restoreExportIfKept(deps: IngestDeps, released: string | null): Promise<void> {
  if (!released) return;
  const article = await deps.store.getArticle(released);
  // An earlier version of its key (archived instead of deleted) has no export: only current claims are searched.
  if (article?.status !== "PROCESSED" || article.supersededBy) return;
  const claims = await allArticleClaims(deps.store, released);
  if (claims) await deps.exports.put(article, claims);
}
