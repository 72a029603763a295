// DELETE /articles/{id}: deletes the article's objects, nothing else. Each deletion's ObjectRemoved notification
// makes the ingest pipeline detach that source and, once none is left, delete the article with every record
// (the API's role cannot write the table). Until then GET /articles/{id} still finds the article.
import type { ObjectSource } from "../../schemas/records.ts";
import type { ApiDeps } from "../deps.ts";
import { ConflictError, NotFoundError } from "../errors.ts";

export async function deleteArticle(deps: ApiDeps, articleId: string): Promise<ObjectSource[]> {
  const article = await deps.store.getArticle(articleId);
  if (!article) throw new NotFoundError(`article ${articleId}`);
  // Objects outside the ingest prefix of this bucket are out of the API's reach (and no notification would
  // remove their source): refuse before deleting any, rather than accept and leave an article that never goes.
  const unreachable = article.sources.filter(
    (s) => s.bucket !== deps.objects.bucket || !s.key.startsWith(deps.ingestPrefix),
  );
  if (unreachable.length > 0) {
    const where = unreachable.map((s) => `s3://${s.bucket}/${s.key}`).join(", ");
    throw new ConflictError(`article ${articleId} has objects this API cannot delete: ${where}`);
  }
  if (article.sources.length === 0) {
    throw new ConflictError(`article ${articleId} has no objects to delete, so no notification would remove it`);
  }
  await Promise.all(article.sources.map((source) => deps.objects.delete(source)));
  return article.sources;
}
