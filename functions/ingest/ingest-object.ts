// An object was created under the ingest prefix: read it, record its article as PENDING, extract the claims and
// store them — or record why the article FAILED. Safe to run again at any point: every store write is
// deterministic and resumable, so a redelivery after a crash half-way ends exactly like a run without one.
import { createHash } from "node:crypto";
import { articleIdFor, contentHashOf } from "../extraction/article-id.ts";
import type { ObjectSource } from "../schemas/records.ts";
import type { ObjectHead, ObjectRead } from "./article-objects.ts";
import { type IngestDeps, type IngestOutcome, ignored } from "./deps.ts";
import { releaseExportOfLastSource, restoreExportIfKept } from "./export-follows.ts";
import { classify, failureReasonOf, NO_CLAIMS, type PermanentProblem, tooLarge } from "./failures.ts";
import { forget } from "./forget-article.ts";
import type { ObjectEvent } from "./object-events.ts";
import { articleMetadataOf } from "./object-metadata.ts";

export type CreatedEvent = Extract<ObjectEvent, { action: "created" }>;

export async function ingestObject(deps: IngestDeps, event: CreatedEvent): Promise<IngestOutcome> {
  const source: ObjectSource = { bucket: event.bucket, key: event.key };
  const file = await fetchArticle(deps, source, event);
  if (file.kind === "gone") return ignored("the object was deleted before it was read; its removal has its own event");
  if (file.kind === "changed") return ignored("the object was overwritten since this event; the newer event reads it");

  const { metadata, rejected } = articleMetadataOf(file.head.metadata);
  if (rejected.length > 0)
    deps.log.warn("object metadata left out", { bucket: source.bucket, key: source.key, rejected });
  const contentHash = file.kind === "read" ? contentHashOf(file.bytes) : unreadContentHash(file.head);
  const id = articleIdFor(contentHash);
  // PENDING first: the article (and, if it fails, why) is visible whatever happens next.
  // The article the key held before loses it: when that was its last source, its export goes first.
  const released = await releaseExportOfLastSource(deps, source, id);
  let pending: Awaited<ReturnType<typeof deps.store.recordPending>>;
  try {
    pending = await deps.store.recordPending({ id, contentHash, source, metadata, sequencer: event.sequencer });
  } catch (err) {
    const classified = classify(err);
    if (classified.kind === "gone") {
      await restoreExportIfKept(deps, released);
      return ignored(classified.reason);
    }
    throw err;
  }
  if (pending.replacedArticleDeleted && pending.replacedArticleId) await forget(deps, pending.replacedArticleId);
  else await restoreExportIfKept(deps, released);
  for (const version of pending.removedVersionIds) await forget(deps, version);
  // Deleted between our read and our record, its removal may have found nothing to remove: undo the record.
  if (!(await deps.objects.head(source))) {
    const releasedNow = await releaseExportOfLastSource(deps, source);
    const { articleDeleted, removedVersionIds } = await deps.store.removeSource(source, event.sequencer);
    if (articleDeleted) await forget(deps, id);
    else await restoreExportIfKept(deps, releasedNow);
    for (const version of removedVersionIds) await forget(deps, version);
    return ignored("the object was deleted while it was being recorded; its removal has its own event");
  }
  // Only an article processed before has an export a failure must take back.
  const exported = pending.article.status === "PROCESSED";
  if (file.kind === "too-large") return fail(deps, id, tooLarge(file.head.size, deps.maxBytes), exported);

  try {
    const extraction = await deps.extract(
      {
        bytes: file.bytes,
        fileName: fileNameOf(source.key),
        contentType: file.head.contentType,
        metadata,
        ...(file.head.lastModified ? { receivedAt: file.head.lastModified } : {}),
      },
      { maxBytes: deps.maxBytes },
      deps.budget,
    );
    if (extraction.claims.length === 0) return await fail(deps, id, NO_CLAIMS, exported);
    // The text before the claims: once the article is PROCESSED, its text is there.
    await deps.texts.put(id, extraction.article.text);
    const article = await deps.store.completeArticle(extraction);
    // After the store: the export carries the completed article's version. A failure here is retried like the
    // store's writes, and the retry finds the article complete and writes the same file.
    await deps.exports.put(article, extraction.claims);
    return { result: "processed", articleId: id, claimCount: article.claimCount };
  } catch (err) {
    return settle(deps, id, err, exported);
  }
}

/**
 * The object's bytes, unless it is over the size limit: then only its headers. The notification's size decides
 * first, with a HEAD request, so an oversized body is never downloaded; the GET checks Content-Length again for
 * events without a size.
 */
async function fetchArticle(deps: IngestDeps, source: ObjectSource, event: CreatedEvent): Promise<ObjectRead> {
  if (event.size !== null && event.size > deps.maxBytes) {
    const head = await deps.objects.head(source);
    if (!head) return { kind: "gone" };
    if (event.eTag !== null && head.eTag !== event.eTag) return { kind: "changed" };
    if (head.size > deps.maxBytes) return { kind: "too-large", head };
  }
  return deps.objects.read(source, { maxBytes: deps.maxBytes, expectedETag: event.eTag });
}

/**
 * An unread object's article still needs an id, so its failure can be seen and its key listed. Its ETag and size
 * stand in for the content's sha256: the same upload under two keys is again one article.
 */
export function unreadContentHash(head: Pick<ObjectHead, "eTag" | "size">): string {
  return createHash("sha256").update(`unread S3 object\netag ${head.eTag}\nsize ${head.size}`).digest("hex");
}

/** The last segment of the key: its extension helps choose the reader when the Content-Type does not. */
function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

async function settle(deps: IngestDeps, articleId: string, err: unknown, exported: boolean): Promise<IngestOutcome> {
  const classified = classify(err);
  if (classified.kind === "permanent") return fail(deps, articleId, classified.problem, exported);
  if (classified.kind === "gone") return ignored(classified.reason, articleId);
  throw err;
}

async function fail(
  deps: IngestDeps,
  articleId: string,
  problem: PermanentProblem,
  exported: boolean,
): Promise<IngestOutcome> {
  try {
    await deps.store.markFailed(articleId, failureReasonOf(problem));
    // A failed article has no claims: what an earlier extraction exported goes.
    if (exported) await deps.exports.delete(articleId);
  } catch (err) {
    const classified = classify(err);
    if (classified.kind === "gone") return ignored(classified.reason, articleId);
    throw err;
  }
  return { result: "failed", articleId, code: problem.code, reason: problem.message };
}
