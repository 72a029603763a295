// What an S3 notification record means for the pipeline: an object created or removed at a decoded key, or
// something to leave alone. Pure.
import type { S3EventRecord } from "../schemas/s3-notification.ts";

interface ObjectEventBase {
  bucket: string;
  /** Decoded: the key exactly as S3 stores it. */
  key: string;
  /** S3's event name, for logs. */
  eventName: string;
  /** Orders the events of one key; null when the sender gives none. Part of the idempotency key. */
  sequencer: string | null;
}

export type ObjectEvent =
  | (ObjectEventBase & {
      action: "created";
      /** Without quotes; null when the sender gives none. */
      eTag: string | null;
      size: number | null;
    })
  | (ObjectEventBase & { action: "removed" })
  | (ObjectEventBase & { action: "other" });

/** A key as S3 stores it, from the form notifications carry (form-encoded: `+` is a space, `%2B` a plus). */
export function decodeEventKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    throw new MalformedMessageError(`the object key "${key}" is not URL-encoded as S3 sends keys`);
  }
}

/** The form notifications carry a key in: what decodeEventKey reads back. */
export function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replaceAll("%20", "+");
}

export function objectEventOf(record: S3EventRecord): ObjectEvent {
  const { object, bucket } = record.s3;
  const base: ObjectEventBase = {
    bucket: bucket.name,
    key: decodeEventKey(object.key),
    eventName: record.eventName,
    sequencer: object.sequencer ?? null,
  };
  // ObjectCreated:Put, :Post, :Copy, :CompleteMultipartUpload — a new object (or new content) at the key.
  if (record.eventName.startsWith("ObjectCreated:")) {
    return {
      ...base,
      action: "created",
      eTag: object.eTag ? object.eTag.replace(/^"|"$/g, "") : null,
      size: object.size ?? null,
    };
  }
  // ObjectRemoved:Delete and :DeleteMarkerCreated (versioned bucket), and lifecycle expiry if it is ever routed here.
  if (record.eventName.startsWith("ObjectRemoved:") || record.eventName.startsWith("LifecycleExpiration:")) {
    return { ...base, action: "removed" };
  }
  return { ...base, action: "other" };
}

/**
 * Whether the pipeline handles objects at this place: its bucket, under its prefix. Keys ending in "/" are the
 * empty "folders" the S3 console creates, not articles.
 */
export function isIngestObject(event: Pick<ObjectEvent, "bucket" | "key">, bucket: string, prefix: string): boolean {
  return event.bucket === bucket && event.key.startsWith(prefix) && !event.key.endsWith("/");
}

/** A queue message that is not an S3 notification (or is one we cannot read): retried, then dead-lettered. */
export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedMessageError";
  }
}
