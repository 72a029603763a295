// DELETE /articles/{id}: the objects first, then every record. If the records cannot be deleted now, the
// objects' removal events make the ingest pipeline delete them; the other order could leave an object that
// nothing refers to.
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../errors.ts";

export async function deleteArticle(deps: ApiDeps, articleId: string): Promise<void> {
  const article = await deps.store.getArticle(articleId);
  if (!article) throw new NotFoundError(`article ${articleId}`);
  // Only objects in this API's bucket: the function has no rights elsewhere, and they are not ours to delete.
  for (const source of article.sources) {
    if (source.bucket === deps.objects.bucket) await deps.objects.delete(source);
  }
  await deps.store.deleteArticle(articleId);
}
