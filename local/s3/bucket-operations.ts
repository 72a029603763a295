// The bucket operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation,
// ListObjectsV2 and ListObjects (prefix, delimiter, continuation, start-after, encoding-type=url, which the
// AWS CLI always asks for), and DeleteObjects.
import { encodeS3EventKey } from "../s3-notifications.ts";
import { S3Error } from "./errors.ts";
import { listPage } from "./listing.ts";
import { emptyReply, isoTime, type Reply, xmlReply } from "./reply.ts";
import type { S3Request } from "./request.ts";
import { checkKey, type LocalS3Store, noSuchBucket } from "./store.ts";
import { elementBodies, elementTexts, type Node } from "./xml.ts";

const OWNER: Node = [
  "Owner",
  [
    ["ID", "local"],
    ["DisplayName", "local"],
  ],
];

export function listBuckets(store: LocalS3Store): Reply {
  return xmlReply("ListAllMyBucketsResult", [
    OWNER,
    [
      "Buckets",
      store.listBuckets().map(
        (b): Node => [
          "Bucket",
          [
            ["Name", b.name],
            ["CreationDate", isoTime(b.created)],
          ],
        ],
      ),
    ],
  ]);
}

export async function createBucket(store: LocalS3Store, req: S3Request, bucket: string): Promise<Reply> {
  // The body (a CreateBucketConfiguration naming the region) only needs to be well-formed here.
  await req.text(64 * 1024);
  if (!store.createBucket(bucket)) {
    throw new S3Error(
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      { BucketName: bucket },
    );
  }
  return emptyReply(200, { location: `/${bucket}` });
}

export function headBucket(store: LocalS3Store, bucket: string): Reply {
  if (!store.hasBucket(bucket)) throw noSuchBucket(bucket);
  return emptyReply(200, { "x-amz-bucket-region": "us-east-1" });
}

export function deleteBucket(store: LocalS3Store, bucket: string): Reply {
  store.deleteBucket(bucket);
  return emptyReply(204);
}

export function bucketLocation(store: LocalS3Store, bucket: string): Reply {
  if (!store.hasBucket(bucket)) throw noSuchBucket(bucket);
  // An empty LocationConstraint is us-east-1's.
  return xmlReply("LocationConstraint", []);
}

export function listObjects(store: LocalS3Store, req: S3Request, bucket: string): Reply {
  const v2 = req.query.get("list-type") === "2";
  const q = req.query;
  const maxKeys = q.has("max-keys") ? Number(q.get("max-keys")) : 1000;
  if (!Number.isInteger(maxKeys) || maxKeys < 0)
    throw new S3Error("InvalidArgument", "max-keys must be a non-negative integer.");
  const encoding = q.get("encoding-type");
  if (encoding !== undefined && encoding !== "url")
    throw new S3Error("InvalidArgument", "Invalid Encoding Method specified in Request");
  const encode = (text: string) => (encoding === "url" ? encodeS3EventKey(text) : text);
  const prefix = q.get("prefix") ?? "";
  const delimiter = q.get("delimiter") ?? "";
  const token = q.get("continuation-token");
  const { sorted, objects } = store.keys(bucket);
  const page = listPage(sorted, objects, {
    prefix,
    delimiter,
    maxKeys: Math.min(maxKeys, 1000),
    startAfter: v2 ? (q.get("start-after") ?? "") : (q.get("marker") ?? ""),
    marker: v2 && token !== undefined ? decodeToken(token) : "",
  });
  const contents = page.contents.map(
    (o): Node => [
      "Contents",
      [
        ["Key", encode(o.key)],
        ["LastModified", isoTime(o.lastModified)],
        ["ETag", o.etag],
        ["Size", o.size],
        v2 && q.get("fetch-owner") !== "true" ? undefined : OWNER,
        ["StorageClass", "STANDARD"],
      ],
    ],
  );
  const common = page.commonPrefixes.map((p): Node => ["CommonPrefixes", [["Prefix", encode(p)]]]);
  const next = page.isTruncated && page.last !== undefined ? page.last : undefined;
  return xmlReply("ListBucketResult", [
    ["Name", bucket],
    ["Prefix", encode(prefix)],
    ...(v2
      ? ([
          q.has("start-after") ? ["StartAfter", encode(q.get("start-after")!)] : undefined,
          token !== undefined ? ["ContinuationToken", token] : undefined,
          next !== undefined ? ["NextContinuationToken", encodeToken(next)] : undefined,
          ["KeyCount", contents.length + common.length],
        ] satisfies (Node | undefined)[])
      : ([
          ["Marker", encode(q.get("marker") ?? "")],
          next !== undefined && delimiter ? ["NextMarker", encode(next)] : undefined,
        ] satisfies (Node | undefined)[])),
    ["MaxKeys", maxKeys],
    delimiter ? ["Delimiter", encode(delimiter)] : undefined,
    encoding ? ["EncodingType", encoding] : undefined,
    ["IsTruncated", page.isTruncated],
    ...contents,
    ...common,
  ]);
}

/** Continuation tokens are opaque to clients: the page's last entry, base64url. */
const encodeToken = (last: string) => Buffer.from(last, "utf8").toString("base64url");

function decodeToken(token: string): string {
  const last = Buffer.from(token, "base64url").toString("utf8");
  if (token === "" || encodeToken(last) !== token) {
    throw new S3Error("InvalidArgument", "The continuation token provided is incorrect");
  }
  return last;
}

export async function deleteObjects(store: LocalS3Store, req: S3Request, bucket: string): Promise<Reply> {
  if (!store.hasBucket(bucket)) throw noSuchBucket(bucket);
  const xml = await req.text();
  const deleteElement = elementBodies(xml, "Delete")[0];
  if (deleteElement === undefined) throw new S3Error("MalformedXML", "The XML you provided was not well-formed.");
  const objects = elementBodies(deleteElement, "Object");
  if (objects.length === 0 || objects.length > 1000) {
    throw new S3Error("MalformedXML", "A Delete request names 1 to 1000 objects.");
  }
  const quiet = elementTexts(deleteElement, "Quiet")[0]?.trim() === "true";
  const results: Node[] = [];
  for (const object of objects) {
    const key = elementTexts(object, "Key")[0];
    if (key === undefined) throw new S3Error("MalformedXML", "Every Object of a Delete request has a Key.");
    try {
      checkKey(key);
      store.deleteObject(bucket, key);
      if (!quiet) results.push(["Deleted", [["Key", key]]]);
    } catch (err) {
      if (!(err instanceof S3Error)) throw err;
      results.push([
        "Error",
        [
          ["Key", key],
          ["Code", err.code],
          ["Message", err.message],
        ],
      ]);
    }
  }
  return xmlReply("DeleteResult", results);
}
