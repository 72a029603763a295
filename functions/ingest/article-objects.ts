// The uploaded files, behind a small interface: the ingest use cases ask for an object's headers or its bytes
// and learn whether it is still the object their event was about. The S3 adapter takes its client from the
// caller (tests pass one for the local S3). Reads only: the ingest function may read the ingest prefix, nothing more.
import { GetObjectCommand, type GetObjectCommandOutput, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { ObjectSource } from "../schemas/records.ts";

export interface ObjectHead {
  /** Without quotes. */
  eTag: string;
  size: number;
  /** Undefined when the uploader gave none (see `uploaderContentType`). */
  contentType: string | undefined;
  /** User metadata, keys without the x-amz-meta- prefix. */
  metadata: Record<string, string>;
  /** When the object was written (S3's LastModified), ISO 8601. */
  lastModified: string | undefined;
}

export type ObjectRead =
  | { kind: "read"; head: ObjectHead; bytes: Uint8Array }
  /** Refused from its Content-Length: the body was not downloaded. */
  | { kind: "too-large"; head: ObjectHead }
  /** The key holds other content than the event was about: that content has an event of its own. */
  | { kind: "changed" }
  /** Nothing at the key any more: its removal has an event of its own. */
  | { kind: "gone" };

export interface ArticleObjects {
  /** The object's headers as it is now; null when there is none. */
  head(source: ObjectSource): Promise<ObjectHead | null>;
  /**
   * The object's bytes, if it still holds `expectedETag` (when given) and is at most `maxBytes` long. Errors other
   * than those outcomes (throttling, network, access) are thrown: they are worth retrying.
   */
  read(source: ObjectSource, options: { maxBytes: number; expectedETag: string | null }): Promise<ObjectRead>;
}

const unquote = (eTag: string | undefined) => (eTag ?? "").replace(/^"|"$/g, "");

/**
 * S3 stores `binary/octet-stream` (SDKs send `application/octet-stream`) when an uploader names no type: that says
 * nothing about the file, so the reader is chosen by the extension (and a `.rtf` is refused as such) instead.
 */
function uploaderContentType(type: string | undefined): string | undefined {
  const media = type?.split(";")[0]?.trim().toLowerCase();
  return !media || media === "binary/octet-stream" || media === "application/octet-stream" ? undefined : type;
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function headOf(res: {
  ETag?: string | undefined;
  ContentLength?: number | undefined;
  ContentType?: string | undefined;
  Metadata?: Record<string, string> | undefined;
  LastModified?: Date | undefined;
}): ObjectHead {
  return {
    eTag: unquote(res.ETag),
    size: res.ContentLength ?? 0,
    contentType: uploaderContentType(res.ContentType),
    metadata: res.Metadata ?? {},
    lastModified: res.LastModified?.toISOString(),
  };
}

export function createS3ArticleObjects(s3: S3Client): ArticleObjects {
  return {
    async head({ bucket, key }) {
      try {
        return headOf(await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
      } catch (err) {
        if (statusOf(err) === 404) return null;
        throw err;
      }
    },

    async read({ bucket, key }, { maxBytes, expectedETag }) {
      let res: GetObjectCommandOutput;
      try {
        // If-Match makes S3 answer 412 without a body when the key was overwritten since the event.
        res = await s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: expectedETag ? `"${expectedETag}"` : undefined }),
        );
      } catch (err) {
        const status = statusOf(err);
        if (status === 404) return { kind: "gone" };
        if (status === 412) return { kind: "changed" };
        throw err;
      }
      const head = headOf(res);
      // Checked here too, for stores that ignore If-Match.
      const changed = expectedETag !== null && head.eTag !== expectedETag;
      if (changed || head.size > maxBytes) {
        // Only the headers were read: drop the connection instead of downloading the body.
        (res.Body as { destroy?: () => void } | undefined)?.destroy?.();
        return changed ? { kind: "changed" } : { kind: "too-large", head };
      }
      const bytes = res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
      // A body longer than announced is refused all the same (the extractor checks the length again).
      return { kind: "read", head: { ...head, size: bytes.length }, bytes };
    },
  };
}
