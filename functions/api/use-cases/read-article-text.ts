// GET /articles/{id}/text: the text the ingest pipeline stored when it processed the article (see
// shared/article-text-key.ts). The article is read first so that an unknown, pending or failed article gets a
// 404 that says which; then the text is one GetObject. Nothing is extracted again.
import type { ArticleText } from "../../schemas/api.ts";
import { articleTextKey } from "../../shared/article-text-key.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../errors.ts";

export async function readArticleText(deps: ApiDeps, articleId: string): Promise<ArticleText> {
  const article = await deps.store.getArticle(articleId);
  if (!article) throw new NotFoundError(`article ${articleId}`);
  const what = `the text of article ${articleId}`;
  if (article.status === "PENDING") {
    throw new NotFoundError(what, "the article is still being processed; ask again in a few seconds");
  }
  if (article.status === "FAILED") throw new NotFoundError(what, `the article failed: ${article.failureReason}`);
  const bytes = await deps.objects.get(articleTextKey(articleId));
  if (!bytes) {
    throw new NotFoundError(what, "it was not stored when the article was processed; delete and upload it again");
  }
  return { id: articleId, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
}
