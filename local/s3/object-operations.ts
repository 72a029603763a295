// The object operations: PutObject, CopyObject, GetObject (ranges, conditions, response-* overrides),
// HeadObject and DeleteObject, with the headers S3 stores and returns (Content-Type, ETag, Last-Modified, the
// standard content headers and x-amz-meta-* user metadata).
import { S3Error } from "./errors.ts";
import type { ObjectMeta } from "./object-file.ts";
import { emptyReply, httpTime, isoTime, type Reply, xmlReply } from "./reply.ts";
import type { S3Request } from "./request.ts";
import type { LocalS3Store, NewObject } from "./store.ts";

/** The content headers S3 keeps with an object and returns with it. */
const STORED_HEADERS = ["cache-control", "content-disposition", "content-encoding", "content-language", "expires"];

/** The object a PUT (or a REPLACE copy, or a multipart upload) describes in its headers. */
export function newObjectFrom(req: S3Request, key: string): NewObject {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = req.header(name);
    // aws-chunked describes how this request's body was framed, not the object.
    if (name === "content-encoding" && value !== undefined) {
      value = value
        .split(",")
        .map((v) => v.trim())
        .filter((v) => v !== "aws-chunked" && v !== "")
        .join(",");
    }
    if (value) headers[name] = value;
  }
  return {
    key,
    contentType: req.header("content-type") ?? "binary/octet-stream",
    headers,
    userMetadata: req.headersStartingWith("x-amz-meta-"),
  };
}

export async function putObject(store: LocalS3Store, req: S3Request, bucket: string, key: string): Promise<Reply> {
  const meta = await store.putObject(bucket, newObjectFrom(req, key), req.body(), "ObjectCreated:Put", contentMd5(req));
  return emptyReply(200, { etag: meta.etag });
}

export async function copyObject(store: LocalS3Store, req: S3Request, bucket: string, key: string): Promise<Reply> {
  const source = copySource(req.header("x-amz-copy-source")!);
  const opened = await store.openObject(source.bucket, source.key);
  if (!opened) throw new S3Error("NoSuchKey", "The specified key does not exist.", { Key: source.key });
  const replace = (req.header("x-amz-metadata-directive") ?? "COPY").toUpperCase() === "REPLACE";
  if (!replace && source.bucket === bucket && source.key === key) {
    await opened.close();
    throw new S3Error(
      "InvalidRequest",
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  try {
    checkPreconditions(
      opened.meta,
      {
        ifMatch: req.header("x-amz-copy-source-if-match"),
        ifNoneMatch: req.header("x-amz-copy-source-if-none-match"),
        ifModifiedSince: req.header("x-amz-copy-source-if-modified-since"),
        ifUnmodifiedSince: req.header("x-amz-copy-source-if-unmodified-since"),
      },
      true,
    );
  } catch (err) {
    await opened.close();
    throw err;
  }
  const { contentType, headers, userMetadata } = replace ? newObjectFrom(req, key) : opened.meta;
  const meta = await store.putObject(
    bucket,
    { key, contentType, headers, userMetadata },
    opened.stream(),
    "ObjectCreated:Copy",
  );
  return xmlReply("CopyObjectResult", [
    ["LastModified", isoTime(meta.lastModified)],
    ["ETag", meta.etag],
  ]);
}

/** `x-amz-copy-source`: `bucket/key` or `/bucket/key`, URL-encoded, perhaps with `?versionId=`. */
function copySource(header: string): { bucket: string; key: string } {
  let text = header.startsWith("/") ? header.slice(1) : header;
  const q = text.indexOf("?");
  if (q >= 0) text = text.slice(0, q);
  const slash = text.indexOf("/");
  if (slash <= 0 || slash === text.length - 1) {
    throw new S3Error("InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
  }
  try {
    return { bucket: decodeURIComponent(text.slice(0, slash)), key: decodeURIComponent(text.slice(slash + 1)) };
  } catch {
    throw new S3Error("InvalidArgument", "Copy Source is not validly URL-encoded.");
  }
}

export async function getObject(store: LocalS3Store, req: S3Request, bucket: string, key: string): Promise<Reply> {
  const opened = await store.openObject(bucket, key);
  if (!opened) throw new S3Error("NoSuchKey", "The specified key does not exist.", { Key: key });
  const { meta } = opened;
  try {
    const notModified = checkPreconditions(
      meta,
      {
        ifMatch: req.header("if-match"),
        ifNoneMatch: req.header("if-none-match"),
        ifModifiedSince: req.header("if-modified-since"),
        ifUnmodifiedSince: req.header("if-unmodified-since"),
      },
      false,
    );
    const headers = objectHeaders(meta);
    for (const [param, name] of RESPONSE_OVERRIDES) {
      const value = req.query.get(param);
      if (value !== undefined) headers[name] = value;
    }
    if (notModified) {
      await opened.close();
      return emptyReply(304, { etag: meta.etag, "last-modified": headers["last-modified"]! });
    }
    const range = parseRange(req.header("range"), meta.size);
    if (req.method === "HEAD") {
      await opened.close();
      return { status: range ? 206 : 200, headers: rangeHeaders(headers, range, meta.size) };
    }
    const body = range ? opened.stream(range.start, range.end) : opened.stream();
    return { status: range ? 206 : 200, headers: rangeHeaders(headers, range, meta.size), body };
  } catch (err) {
    await opened.close();
    throw err;
  }
}

export function deleteObject(store: LocalS3Store, bucket: string, key: string): Reply {
  store.deleteObject(bucket, key);
  return emptyReply(204);
}

/** GetObject's query parameters that override a response header. */
const RESPONSE_OVERRIDES = [
  ["response-content-type", "content-type"],
  ["response-content-language", "content-language"],
  ["response-expires", "expires"],
  ["response-cache-control", "cache-control"],
  ["response-content-disposition", "content-disposition"],
  ["response-content-encoding", "content-encoding"],
] as const;

function objectHeaders(meta: ObjectMeta): Record<string, string> {
  const headers: Record<string, string> = {
    etag: meta.etag,
    "last-modified": httpTime(meta.lastModified),
    "content-type": meta.contentType,
    "accept-ranges": "bytes",
    ...meta.headers,
  };
  for (const [name, value] of Object.entries(meta.userMetadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

function rangeHeaders(
  headers: Record<string, string>,
  range: { start: number; end: number } | null,
  size: number,
): Record<string, string> {
  if (!range) return { ...headers, "content-length": String(size) };
  return {
    ...headers,
    "content-length": String(range.end - range.start + 1),
    "content-range": `bytes ${range.start}-${range.end}/${size}`,
  };
}

/** A single `bytes=` range; null for none (or one S3 ignores); InvalidRange when it lies past the end. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) throw invalidRange(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return null;
  }
  if (start >= size) throw invalidRange(size);
  return { start, end };
}

const invalidRange = (size: number) =>
  new S3Error("InvalidRange", "The requested range is not satisfiable", { ActualObjectSize: String(size) });

/**
 * If-Match / If-Unmodified-Since fail with PreconditionFailed; If-None-Match / If-Modified-Since answer "not
 * modified" (true), which a copy turns into PreconditionFailed too.
 */
function checkPreconditions(
  meta: ObjectMeta,
  c: {
    ifMatch?: string | undefined;
    ifNoneMatch?: string | undefined;
    ifModifiedSince?: string | undefined;
    ifUnmodifiedSince?: string | undefined;
  },
  forCopy: boolean,
): boolean {
  const modified = Math.floor(Date.parse(meta.lastModified) / 1000) * 1000;
  const etagIn = (list: string) =>
    list.split(",").some((t) => {
      const tag = t.trim();
      return tag === "*" || tag.replaceAll('"', "") === meta.etag.replaceAll('"', "");
    });
  const failed = () =>
    new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
  if (c.ifMatch !== undefined && !etagIn(c.ifMatch)) throw failed();
  if (c.ifMatch === undefined && c.ifUnmodifiedSince !== undefined && modified > Date.parse(c.ifUnmodifiedSince)) {
    throw failed();
  }
  let notModified = false;
  if (c.ifNoneMatch !== undefined) notModified = etagIn(c.ifNoneMatch);
  else if (c.ifModifiedSince !== undefined) notModified = modified <= Date.parse(c.ifModifiedSince);
  if (notModified && forCopy) throw failed();
  return notModified;
}

/** Content-MD5 as sent (base64), checked by the store against what arrives. */
export function contentMd5(req: S3Request): string | undefined {
  const value = req.header("content-md5");
  if (value !== undefined && !/^[A-Za-z0-9+/]{22}==$/.test(value)) {
    throw new S3Error("InvalidDigest", "The Content-MD5 you specified is not valid.");
  }
  return value;
}
