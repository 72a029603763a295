// The body of an ingest queue message: an S3 event notification (or the test event S3 sends when a notification
// is configured). Only the fields the pipeline relies on are checked, and loosely: S3 adds fields over time, and
// stand-ins leave some out. Unknown fields are dropped.
import * as z from "zod";

/** The object an event is about. `key` is URL-encoded as S3 sends it (`+` for spaces, `%2F` for "/"). */
export const S3EventObject = z.object({
  key: z.string().min(1),
  /** Bytes; absent on removals. */
  size: z.number().int().nonnegative().optional(),
  /** Absent on removals (and on copies, from some emulators). */
  eTag: z.string().min(1).optional(),
  versionId: z.string().optional(),
  /** Orders the events of one key; absent from some emulators. */
  sequencer: z.string().optional(),
});
export type S3EventObject = z.infer<typeof S3EventObject>;

export const S3EventRecord = z.object({
  eventSource: z.literal("aws:s3"),
  /** `ObjectCreated:Put`, `ObjectRemoved:DeleteMarkerCreated`, … */
  eventName: z.string().min(1),
  eventTime: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(3).max(63) }),
    object: S3EventObject,
  }),
});
export type S3EventRecord = z.infer<typeof S3EventRecord>;

export const S3EventNotification = z.object({
  Records: z.array(S3EventRecord).min(1),
});
export type S3EventNotification = z.infer<typeof S3EventNotification>;

/** Sent once when a bucket notification is configured; carries no object. */
export const S3TestEvent = z.object({
  Service: z.literal("Amazon S3"),
  Event: z.literal("s3:TestEvent"),
  Bucket: z.string().optional(),
  Time: z.string().optional(),
});
export type S3TestEvent = z.infer<typeof S3TestEvent>;

/** What an ingest queue message holds (its body, JSON-decoded). */
export const IngestMessageBody = z.union([S3EventNotification, S3TestEvent]);
export type IngestMessageBody = z.infer<typeof IngestMessageBody>;
