// What the local stack knows about the objects under the ingest prefix: each key with the ETag it last queued.
// Listing the bucket and comparing finds every change that produced no event — uploads and deletions while the
// stack was stopped or killed, and all changes in an external S3 (MinIO, LocalStack, AWS) that sends the local
// stack no events — so nothing uploaded is ever left out. Delivering a change twice is harmless (ingest is
// idempotent); missing one is not, so the state is saved after the changes are queued, never before.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { ObjectChange } from "./s3-notifications.ts";

export interface BucketWatchOptions {
  s3: S3Client;
  bucket: string;
  prefix: string;
  /** JSON file holding the known keys and ETags. */
  statePath: string;
}

export interface BucketWatch {
  /** A change that was queued from an event. */
  noted(change: ObjectChange): void;
  /** Lists the prefix; returns the changes not queued yet, and counts them as queued once `commit` is called. */
  reconcile(): Promise<{ changes: ObjectChange[]; commit: () => void }>;
  /** Writes the state now (on stop). */
  save(): void;
}

export function createBucketWatch(options: BucketWatchOptions): BucketWatch {
  const { s3, bucket, prefix, statePath } = options;
  const known = new Map<string, string>(Object.entries(readState(statePath)));
  /** When each key last changed through an event: a listing that started before that cannot judge the key. */
  const notedAt = new Map<string, number>();
  let saveTimer: NodeJS.Timeout | null = null;
  let clock = 0;

  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    mkdirSync(dirname(statePath), { recursive: true });
    writeFileSync(`${statePath}.next`, JSON.stringify(Object.fromEntries(known)));
    renameSync(`${statePath}.next`, statePath);
  };
  const saveSoon = () => {
    saveTimer ??= setTimeout(save, 1000);
  };

  return {
    noted(change) {
      if (!change.key.startsWith(prefix)) return;
      notedAt.set(change.key, ++clock);
      if (change.eventName.startsWith("ObjectRemoved:")) known.delete(change.key);
      else known.set(change.key, unquote(change.eTag ?? ""));
      saveSoon();
    },
    async reconcile() {
      const startedAt = clock;
      const listed = new Map<string, { eTag: string; size: number }>();
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }),
        );
        for (const o of page.Contents ?? []) {
          if (o.Key) listed.set(o.Key, { eTag: unquote(o.ETag ?? ""), size: o.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);

      const untouched = (key: string) => (notedAt.get(key) ?? 0) <= startedAt;
      const changes: ObjectChange[] = [];
      for (const [key, { eTag, size }] of listed) {
        if (known.get(key) !== eTag && untouched(key)) {
          changes.push({ bucket, key, eventName: "ObjectCreated:Put", size, eTag });
        }
      }
      for (const key of known.keys()) {
        if (!listed.has(key) && untouched(key)) changes.push({ bucket, key, eventName: "ObjectRemoved:Delete" });
      }
      return {
        changes,
        commit: () => {
          for (const change of changes) {
            if (change.eventName.startsWith("ObjectRemoved:")) known.delete(change.key);
            else known.set(change.key, change.eTag ?? "");
          }
          if (changes.length) save();
        },
      };
    },
    save,
  };
}

function readState(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  } catch {
    // A damaged state only means every object is queued once more.
    return {};
  }
}

const unquote = (eTag: string) => eTag.replaceAll('"', "");
