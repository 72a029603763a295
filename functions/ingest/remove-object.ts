// An object under the ingest prefix was removed: its article loses that source, and is deleted with all its
// claims when no other object holds the same content.
import type { ObjectSource } from "../schemas/records.ts";
import { type IngestDeps, type IngestOutcome, ignored } from "./deps.ts";
import { releaseExportOfLastSource, restoreExportIfKept } from "./export-follows.ts";
import { forget } from "./forget-article.ts";
import type { ObjectEvent } from "./object-events.ts";

export type RemovedEvent = Extract<ObjectEvent, { action: "removed" }>;

export async function removeObject(deps: IngestDeps, event: RemovedEvent): Promise<IngestOutcome> {
  const source: ObjectSource = { bucket: event.bucket, key: event.key };
  // S3 does not order notifications: a removal can arrive after a later upload to the same key. Then the key
  // holds that newer object, whose own event records it; removing its source here would lose it.
  if (await deps.objects.head(source)) return ignored("the key holds a newer object than the one removed");
  const released = await releaseExportOfLastSource(deps, source);
  const { articleId, articleDeleted, removedVersionIds } = await deps.store.removeSource(source, event.sequencer);
  if (articleDeleted && articleId) await forget(deps, articleId);
  else await restoreExportIfKept(deps, released);
  // Deleting a story deletes its history: the key's earlier versions and their texts.
  for (const version of removedVersionIds) await forget(deps, version);
  return { result: "removed", articleId, articleDeleted };
}
