// The bucket, behind a small interface: the API stores submitted articles, deletes them, hands out upload
// URLs and reads the articles' texts. The S3 adapter (functions/api/s3/s3-object-storage.ts) signs plain HTTPS requests; tests run it against the local S3.
import type { ObjectSource } from "../schemas/records.ts";

export interface PutObjectInput {
  key: string;
  body: Uint8Array;
  contentType: string;
  /** User metadata, without the x-amz-meta- prefix (see object-metadata.ts). */
  metadata?: Record<string, string>;
}

export interface PresignedPut {
  url: string;
  /** Headers the PUT must send exactly, because they are signed. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface ObjectStorage {
  readonly bucket: string;
  /** The object's bytes; null when there is no object at the key. */
  get(key: string): Promise<Uint8Array | null>;
  put(input: PutObjectInput): Promise<ObjectSource>;
  /** Deleting a key that does not exist succeeds, as in S3. */
  delete(source: ObjectSource): Promise<void>;
  presignPut(
    input: Omit<PutObjectInput, "body"> & { contentLength: number; expiresInSeconds: number },
  ): Promise<PresignedPut>;
}

/** The storage refused a request or could not be reached, for a reason retrying will not fix (logged, a 500). */
export class ObjectStorageError extends Error {
  /** The HTTP status, 0 when no response came. */
  readonly status: number;
  /** S3's error code (`AccessDenied`, `NoSuchBucket`), or the network error's. */
  readonly code: string;
  constructor(operation: string, status: number, code: string, message: string) {
    super(`${operation} failed: ${status ? `${status} ` : ""}${code}: ${message}`);
    this.name = "ObjectStorageError";
    this.status = status;
    this.code = code;
  }
}

/** The storage kept answering "slow down", 5xx or nothing at all after every retry: the caller may retry later. */
export class ObjectStorageBusyError extends ObjectStorageError {
  constructor(operation: string, status: number, code: string, message: string, attempts: number) {
    super(operation, status, code, `${message} (after ${attempts} attempts)`);
    this.name = "ObjectStorageBusyError";
  }
}
