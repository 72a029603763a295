// The bucket, behind a small interface: the API stores submitted articles, deletes them and hands out upload
// URLs. The S3 adapter takes its client from the caller (tests pass one for s3rver).
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
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
  put(input: PutObjectInput): Promise<ObjectSource>;
  delete(source: ObjectSource): Promise<void>;
  presignPut(
    input: Omit<PutObjectInput, "body"> & { contentLength: number; expiresInSeconds: number },
  ): Promise<PresignedPut>;
}

export function createS3ObjectStorage(s3: S3Client, bucket: string, now: () => Date = () => new Date()): ObjectStorage {
  return {
    bucket,
    async put({ key, body, contentType, metadata }) {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }),
      );
      return { bucket, key };
    },
    async delete(source) {
      await s3.send(new DeleteObjectCommand({ Bucket: source.bucket, Key: source.key }));
    },
    async presignPut({ key, contentType, contentLength, metadata = {}, expiresInSeconds }) {
      const headers: Record<string, string> = { "content-type": contentType, "content-length": String(contentLength) };
      for (const [name, value] of Object.entries(metadata)) headers[`x-amz-meta-${name}`] = value;
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: contentLength,
        Metadata: metadata,
      });
      // Sign every header we hand out, so S3 refuses a PUT with another size, type or metadata.
      const url = await getSignedUrl(s3, command, {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(Object.keys(headers)),
        unhoistableHeaders: new Set(Object.keys(headers).filter((h) => h.startsWith("x-amz-meta-"))),
      });
      return { url, headers, expiresAt: new Date(now().getTime() + expiresInSeconds * 1000) };
    },
  };
}
