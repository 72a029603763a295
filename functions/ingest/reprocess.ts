// Re-extraction of what is stored, with the engine that runs now: each article to redo is re-read from its source
// objects through the ingest pipeline, as if each object had just been uploaded — so claims, indexes, counts, the
// text and the export are rewritten by the same idempotent, crash-safe writes as any upload. Pure over the store's
// reader; the callers (scripts/reprocess.ts) deliver the messages: on the ingest queue when deployed, to the
// ingest handler in-process locally.
//
// A re-run event is an S3 notification record named `ObjectCreated:Reprocess` (S3 never sends that name) carrying
// the order of the event that last recorded the object: a later upload or delete of the key wins over it (the
// store refuses an older event), and without an ETag the pipeline reads the object as it is now.
import type { ObjectSource } from "../schemas/records.ts";
import type { S3EventNotification } from "../schemas/s3-notification.ts";
import type { ArticleReader } from "../store/claim-store.ts";
import { encodeEventKey } from "./object-events.ts";

export const REPROCESS_EVENT = "ObjectCreated:Reprocess";

export interface ReprocessTarget {
  articleId: string;
  source: ObjectSource;
  /** The stored order of the event that recorded the source; null when that event carried none. */
  sequencer: string | null;
}

export interface ReprocessSelection {
  /** The engine that runs now: articles it already extracted are left alone (unless `all`). */
  version: string;
  /** Every article, whatever engine extracted it. */
  all?: boolean;
  /** FAILED articles too (a newer engine may read what an older one could not). */
  failed?: boolean;
  /** Where an interrupted run stopped (the `cursor` of its last finished page). */
  cursor?: string | undefined;
  pageSize?: number;
}

export interface ReprocessPage {
  targets: ReprocessTarget[];
  /** Articles of the page, selected or not. */
  scanned: number;
  /** Where the next page starts; null after the last one. A run resumed from it redoes nothing before it. */
  cursor: string | null;
}

type Reader = Pick<ArticleReader, "listArticles" | "getArticle" | "findSourceRecord">;

/** The articles to re-extract, a page of the articles feed at a time (newest first), with their sources. */
export async function* reprocessTargets(store: Reader, selection: ReprocessSelection): AsyncGenerator<ReprocessPage> {
  let cursor = selection.cursor;
  do {
    const page = await store.listArticles({ limit: selection.pageSize ?? 100, cursor });
    const targets: ReprocessTarget[] = [];
    for (const summary of page.items) {
      if (!selected(summary, selection)) continue;
      const article = await store.getArticle(summary.id);
      for (const source of article?.sources ?? []) {
        const record = await store.findSourceRecord(source);
        // The key holds other content now: its own event (re)makes that article.
        if (record?.articleId !== summary.id) continue;
        targets.push({ articleId: summary.id, source, sequencer: record.sequencer });
      }
    }
    cursor = page.nextCursor ?? undefined;
    yield { targets, scanned: page.items.length, cursor: page.nextCursor };
  } while (cursor);
}

function selected(
  article: { status: string; extractorVersion: string | null },
  { version, all, failed }: ReprocessSelection,
): boolean {
  if (all) return true;
  if (article.status === "FAILED") return failed === true;
  return article.extractorVersion !== version;
}

/** The notification that makes the pipeline run the source's object again. */
export function reprocessNotification(target: ReprocessTarget): S3EventNotification {
  return {
    Records: [
      {
        eventSource: "aws:s3",
        eventName: REPROCESS_EVENT,
        s3: {
          bucket: { name: target.source.bucket },
          object: {
            key: encodeEventKey(target.source.key),
            ...(target.sequencer ? { sequencer: target.sequencer } : {}),
          },
        },
      },
    ],
  };
}
