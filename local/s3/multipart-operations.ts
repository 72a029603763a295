// Multipart uploads, as the AWS CLI uses them for large files: CreateMultipartUpload, UploadPart,
// CompleteMultipartUpload (S3's part checks: parts that exist with the ETags named, ascending, each but the
// last at least 5 MiB), AbortMultipartUpload and ListParts. The object appears only when the upload completes.
import { S3Error } from "./errors.ts";
import { contentMd5, newObjectFrom } from "./object-operations.ts";
import { emptyReply, isoTime, type Reply, xmlReply } from "./reply.ts";
import type { S3Request } from "./request.ts";
import type { LocalS3Store } from "./store.ts";
import { elementBodies, elementTexts, type Node } from "./xml.ts";

export function createMultipartUpload(store: LocalS3Store, req: S3Request, bucket: string, key: string): Reply {
  const uploadId = store.createMultipartUpload(bucket, newObjectFrom(req, key));
  return xmlReply("InitiateMultipartUploadResult", [
    ["Bucket", bucket],
    ["Key", key],
    ["UploadId", uploadId],
  ]);
}

export async function uploadPart(store: LocalS3Store, req: S3Request, bucket: string, key: string): Promise<Reply> {
  const partNumber = Number(req.query.get("partNumber"));
  const etag = await store.uploadPart(bucket, key, req.query.get("uploadId")!, partNumber, req.body(), contentMd5(req));
  return emptyReply(200, { etag });
}

export async function completeMultipartUpload(
  store: LocalS3Store,
  req: S3Request,
  bucket: string,
  key: string,
): Promise<Reply> {
  const xml = await req.text();
  const root = elementBodies(xml, "CompleteMultipartUpload")[0];
  if (root === undefined) throw new S3Error("MalformedXML", "The XML you provided was not well-formed.");
  const parts = elementBodies(root, "Part").map((part) => {
    const partNumber = Number(elementTexts(part, "PartNumber")[0]);
    const etag = elementTexts(part, "ETag")[0];
    if (!Number.isInteger(partNumber) || etag === undefined) {
      throw new S3Error("MalformedXML", "Every Part names its PartNumber and ETag.");
    }
    return { partNumber, etag };
  });
  const meta = await store.completeMultipartUpload(bucket, key, req.query.get("uploadId")!, parts);
  return xmlReply("CompleteMultipartUploadResult", [
    ["Location", `/${bucket}/${key}`],
    ["Bucket", bucket],
    ["Key", key],
    ["ETag", meta.etag],
  ]);
}

export async function abortMultipartUpload(
  store: LocalS3Store,
  req: S3Request,
  bucket: string,
  key: string,
): Promise<Reply> {
  await store.abortMultipartUpload(bucket, key, req.query.get("uploadId")!);
  return emptyReply(204);
}

export async function listParts(store: LocalS3Store, req: S3Request, bucket: string, key: string): Promise<Reply> {
  const uploadId = req.query.get("uploadId")!;
  const parts = await store.listParts(bucket, key, uploadId);
  return xmlReply("ListPartsResult", [
    ["Bucket", bucket],
    ["Key", key],
    ["UploadId", uploadId],
    ["StorageClass", "STANDARD"],
    ["IsTruncated", false],
    ...parts.map(
      (p): Node => [
        "Part",
        [
          ["PartNumber", p.partNumber],
          ["LastModified", isoTime(p.lastModified)],
          ["ETag", p.etag],
          ["Size", p.size],
        ],
      ],
    ),
  ]);
}
