// S3 event notifications as the deployed bucket sends them to the ingest queue: one record per message, keys
// URL-encoded the way S3 encodes them (`+` for spaces), only objects under the ingest prefix, only creations
// and removals. The local S3 reports its changes with raw keys and no prefix filter; objects found by listing an
// external bucket have no event at all. Both end here as the same records.
import type { S3EventRecord } from "../functions/schemas/s3-notification.ts";
import { isDerivedKey } from "../functions/shared/derived-prefixes.ts";
import { LOCAL_REGION } from "./queue/sqs-event.ts";

export interface ObjectChange {
  bucket: string;
  /** The key as stored (not encoded). */
  key: string;
  /** `ObjectCreated:Put`, `ObjectCreated:Post`, `ObjectCreated:Copy`, `ObjectCreated:CompleteMultipartUpload`, `ObjectRemoved:Delete`… */
  eventName: string;
  size?: number | undefined;
  eTag?: string | undefined;
}

/**
 * A record as S3 sends it: what the ingest function's schema reads (so the compiler checks the two agree), plus
 * the fields S3 always adds.
 */
export type S3NotificationRecord = S3EventRecord & {
  eventVersion: string;
  awsRegion: string;
  eventTime: string;
  userIdentity: { principalId: string };
  s3: {
    s3SchemaVersion: string;
    configurationId: string;
    bucket: { arn: string; ownerIdentity: { principalId: string } };
    object: { sequencer: string };
  };
};

let sequence = 0;

/** The notification record S3 would send for a change; null when the deployed bucket would send none. */
export function notificationFor(change: ObjectChange, ingestPrefix: string): S3NotificationRecord | null {
  if (!change.key.startsWith(ingestPrefix)) return null;
  if (!/^Object(Created|Removed):/.test(change.eventName)) return null;
  const object: S3EventRecord["s3"]["object"] & { sequencer: string } = {
    key: encodeS3EventKey(change.key),
    // Increasing, as S3's sequencer is for changes of one key.
    sequencer: (Date.now() * 1000 + (sequence++ % 1000)).toString(16).toUpperCase().padStart(16, "0"),
  };
  if (change.eventName.startsWith("ObjectCreated:")) {
    if (change.size !== undefined) object.size = change.size;
    if (change.eTag) object.eTag = change.eTag.replaceAll('"', "");
  }
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: LOCAL_REGION,
    eventTime: new Date().toISOString(),
    eventName: change.eventName,
    userIdentity: { principalId: "AWS:LOCAL" },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: "ingest",
      bucket: { name: change.bucket, arn: `arn:aws:s3:::${change.bucket}`, ownerIdentity: { principalId: "LOCAL" } },
      object,
    },
  };
}

/**
 * What to tell the user about an object created outside the ingest prefix (and outside what the ingest
 * function writes itself: texts and the claims export): it is not an article, and it would otherwise be ignored without a word. `count` is
 * the number of such uploads since the stack started, this one included.
 */
export function strayUploadWarning(change: ObjectChange, ingestPrefix: string, count: number): string | null {
  if (!change.eventName.startsWith("ObjectCreated:")) return null;
  if (change.key.startsWith(ingestPrefix) || isDerivedKey(change.key)) return null;
  const name = change.key.split("/").pop() || change.key;
  return (
    `s3://${change.bucket}/${change.key} is outside ${ingestPrefix}, so it is not ingested ` +
    `(${count} such upload${count === 1 ? "" : "s"} since start): upload it as s3://${change.bucket}/${ingestPrefix}${name}`
  );
}

/** The SQS message body S3 delivers: one record. */
export function notificationMessage(record: S3NotificationRecord): string {
  return JSON.stringify({ Records: [record] });
}

/** S3 encodes keys in notifications like an HTML form: `+` for a space, `%XX` for the rest, `/` kept. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replaceAll("%2F", "/").replaceAll("%20", "+");
}
