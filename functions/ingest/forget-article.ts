// What the bucket derives from an article — its text and its claims export — goes when the store deletes it.
import type { IngestDeps } from "./deps.ts";

export async function forget(deps: Pick<IngestDeps, "texts" | "exports">, articleId: string): Promise<void> {
  await deps.texts.delete(articleId);
  await deps.exports.delete(articleId);
}
