// A request as the operations see it: bucket and key decoded from the path (path-style addressing, the way the
// stack's clients are configured), the query decoded, the headers, and the body as its verified signature
// describes it.
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { requestedChecksum } from "./checksums.ts";
import { S3Error } from "./errors.ts";
import { payloadStream } from "./payload.ts";
import { type Payload, parseQuery } from "./sigv4.ts";

export interface S3Request {
  method: string;
  /** As sent, for error documents. */
  rawPath: string;
  bucket: string | undefined;
  key: string | undefined;
  query: Map<string, string>;
  header(name: string): string | undefined;
  /** The headers whose names start with `prefix`, prefix removed. */
  headersStartingWith(prefix: string): Record<string, string>;
  /** An object's content, checked against the signature and any checksum sent as it is read. */
  body(): Readable;
  /** The whole body as text (for the small XML bodies), up to `limit` bytes. */
  text(limit?: number): Promise<string>;
}

export interface Target {
  bucket: string | undefined;
  key: string | undefined;
}

/** Bucket and key of a path-style path: `/bucket/key…`, each percent-decoded once. */
export function targetOf(rawPath: string): Target {
  const path = rawPath.startsWith("/") ? rawPath.slice(1) : rawPath;
  if (path === "") return { bucket: undefined, key: undefined };
  const slash = path.indexOf("/");
  const bucket = decodePath(slash < 0 ? path : path.slice(0, slash));
  const rest = slash < 0 ? "" : path.slice(slash + 1);
  return { bucket, key: rest === "" ? undefined : decodePath(rest) };
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new S3Error("InvalidURI", "Couldn't parse the specified URI.");
  }
}

export function s3Request(
  req: IncomingMessage,
  target: Target,
  rawPath: string,
  rawQuery: string,
  payload: Payload,
): S3Request {
  const header = (name: string) => {
    const value = req.headersDistinct[name];
    return value === undefined ? undefined : value.join(",");
  };
  const decodedLength = header("x-amz-decoded-content-length");
  let body: Readable | undefined;
  // An object's checksum applies to an object's bytes (PutObject, UploadPart), never to an XML request body
  // (CompleteMultipartUpload's x-amz-checksum-* is the whole object's).
  const open = (checked: boolean) => {
    body ??= payloadStream(
      req,
      payload,
      decodedLength === undefined ? undefined : Number(decodedLength),
      checked ? requestedChecksum(header) : undefined,
    );
    return body;
  };
  return {
    method: req.method ?? "GET",
    rawPath,
    ...target,
    query: new Map(parseQuery(rawQuery)),
    header,
    headersStartingWith(prefix) {
      const out: Record<string, string> = {};
      for (const [name, values] of Object.entries(req.headersDistinct)) {
        if (name.startsWith(prefix) && values) out[name.slice(prefix.length)] = values.join(",");
      }
      return out;
    },
    body: () => open(true),
    async text(limit = 2 * 1024 * 1024) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of open(false)) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new S3Error("MalformedXML", `The request body is over ${limit} bytes.`);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
