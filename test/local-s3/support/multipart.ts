// Multipart uploads step by step with the SDK, for tests that look between the steps (before completing,
// across a restart, with a wrong ETag).
import {
  CompleteMultipartUploadCommand,
  type CompleteMultipartUploadCommandOutput,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

export interface Upload {
  bucket: string;
  key: string;
  uploadId: string;
}

export async function createUpload(
  client: S3Client,
  bucket: string,
  key: string,
  contentType?: string,
): Promise<Upload> {
  const { UploadId } = await client.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
  );
  return { bucket, key, uploadId: UploadId! };
}

/** Uploads one part; returns its ETag. */
export async function uploadPart(client: S3Client, u: Upload, partNumber: number, body: string | Buffer) {
  const part = await client.send(
    new UploadPartCommand({ Bucket: u.bucket, Key: u.key, UploadId: u.uploadId, PartNumber: partNumber, Body: body }),
  );
  return part.ETag!;
}

/** Completes the upload with these ETags, numbered from 1. */
export function completeUpload(
  client: S3Client,
  u: Upload,
  etags: string[],
): Promise<CompleteMultipartUploadCommandOutput> {
  return client.send(
    new CompleteMultipartUploadCommand({
      Bucket: u.bucket,
      Key: u.key,
      UploadId: u.uploadId,
      MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
    }),
  );
}
