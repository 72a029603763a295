// POST /uploads: a presigned PUT for files too large for an API request. The size, type and metadata are signed,
// so S3 accepts exactly the file announced, under the ingest prefix where the pipeline picks it up.
import type { UploadRequest } from "../../schemas/api.ts";
import { toObjectMetadata } from "../../shared/object-metadata.ts";
import type { PresignedPut } from "../../shared/object-storage.ts";
import { safeFileName } from "../article-content.ts";
import type { ApiDeps } from "../deps.ts";
import { PayloadTooLargeError } from "../errors.ts";

export const UPLOAD_URL_SECONDS = 15 * 60;

export async function createUpload(
  deps: ApiDeps,
  request: UploadRequest,
): Promise<PresignedPut & { source: { bucket: string; key: string } }> {
  if (request.contentLength > deps.maxArticleBytes) {
    throw new PayloadTooLargeError(request.contentLength, deps.maxArticleBytes);
  }
  const key = `${deps.ingestPrefix}uploads/${deps.newId()}/${safeFileName(request.fileName, request.contentType)}`;
  const signed = await deps.objects.presignPut({
    key,
    contentType: request.contentType,
    contentLength: request.contentLength,
    metadata: toObjectMetadata(request),
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  return { ...signed, source: { bucket: deps.objects.bucket, key } };
}
