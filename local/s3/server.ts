// The local S3: an HTTP server that checks every request's SigV4 signature, routes it to the bucket, object or
// multipart operation it names (path-style addressing), and answers as S3 does — the operation's result, or
// S3's XML error. Objects are kept by store.ts under one data folder; creations and removals go to the
// store's listeners. Nothing a client sends can stop the server: every failure becomes an error answer.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import {
  bucketLocation,
  createBucket,
  deleteBucket,
  deleteObjects,
  headBucket,
  listBuckets,
  listObjects,
} from "./bucket-operations.ts";
import { S3Error } from "./errors.ts";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listParts,
  uploadPart,
} from "./multipart-operations.ts";
import { copyObject, deleteObject, getObject, putObject } from "./object-operations.ts";
import type { Reply } from "./reply.ts";
import { type S3Request, s3Request, targetOf } from "./request.ts";
import { verifySignature } from "./sigv4.ts";
import { checkKey, LocalS3Store } from "./store.ts";
import { escapeXml } from "./xml.ts";

export interface LocalS3Options {
  /** The data folder (created if missing). */
  directory: string;
  /** 0 takes a free port. */
  port: number;
  host?: string;
  /** The key pairs requests may be signed with. */
  credentials: { accessKeyId: string; secretAccessKey: string }[];
  /** Buckets created at start if missing. */
  buckets?: string[];
  /** Called first for every request (an access log). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  now?: () => Date;
}

export interface LocalS3Server {
  endpoint: string;
  store: LocalS3Store;
  close(): Promise<void>;
}

export async function startLocalS3Server(options: LocalS3Options): Promise<LocalS3Server> {
  const store = await LocalS3Store.open(options.directory);
  for (const bucket of options.buckets ?? []) store.createBucket(bucket);
  const secrets = Object.fromEntries(options.credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const now = options.now ?? (() => new Date());
  const server: Server = createServer((req, res) => {
    options.onRequest?.(req, res);
    // handle() answers every failure itself; this only catches a failure to answer (a socket already gone).
    handle(store, secrets, now, req, res).catch(() => res.destroy());
  });
  // Clients (the SDK's keep-alive agent) reuse idle connections without a limit of their own: closing them after
  // Node's default 5 s races a request sent on one just then (ECONNRESET). S3 keeps them open far longer.
  server.keepAliveTimeout = 60_000;
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${address}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function handle(
  store: LocalS3Store,
  secrets: Record<string, string>,
  now: () => Date,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  res.setHeader("x-amz-request-id", requestId);
  res.setHeader("x-amz-id-2", randomBytes(24).toString("base64"));
  res.setHeader("server", "AmazonS3");
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? "" : url.slice(q + 1);
  try {
    if (req.method === "OPTIONS") {
      // Browsers ask before a cross-origin request; the local stack's web app never talks to S3 directly.
      throw new S3Error("AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.");
    }
    const verified = verifySignature(
      { method: req.method ?? "GET", rawPath, rawQuery, headers: req.headersDistinct },
      secrets,
      now(),
    );
    const target = targetOf(rawPath);
    if (target.key !== undefined) checkKey(target.key);
    const reply = await route(store, s3Request(req, target, rawPath, rawQuery, verified.payload));
    await send(req, res, reply);
  } catch (err) {
    sendError(req, res, err, rawPath, requestId);
  }
}

/** Query parameters that name a sub-resource this server does not keep (ACLs, tags, policies…). */
const UNSUPPORTED = new Set([
  "accelerate",
  "acl",
  "analytics",
  "attributes",
  "cors",
  "encryption",
  "intelligent-tiering",
  "inventory",
  "legal-hold",
  "lifecycle",
  "logging",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "policy",
  "policyStatus",
  "publicAccessBlock",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "select",
  "tagging",
  "torrent",
  "versioning",
  "versions",
  "website",
]);

function route(store: LocalS3Store, req: S3Request): Promise<Reply> | Reply {
  const { method, bucket, key, query } = req;
  const unsupported = [...query.keys()].find((name) => UNSUPPORTED.has(name));
  if (unsupported) throw new S3Error("NotImplemented", `The local S3 does not keep ?${unsupported}.`);
  if (bucket === undefined) {
    if (method === "GET") return listBuckets(store);
    throw methodNotAllowed(method);
  }
  if (key === undefined) {
    switch (method) {
      case "PUT":
        return createBucket(store, req, bucket);
      case "HEAD":
        return headBucket(store, bucket);
      case "DELETE":
        return deleteBucket(store, bucket);
      case "GET":
        if (query.has("location")) return bucketLocation(store, bucket);
        if (query.has("uploads")) throw new S3Error("NotImplemented", "The local S3 does not list uploads.");
        return listObjects(store, req, bucket);
      case "POST":
        if (query.has("delete")) return deleteObjects(store, req, bucket);
        throw new S3Error("NotImplemented", "The local S3 does not take browser form uploads.");
    }
    throw methodNotAllowed(method);
  }
  const uploadId = query.has("uploadId");
  switch (method) {
    case "PUT":
      if (uploadId) {
        if (req.header("x-amz-copy-source") !== undefined) {
          throw new S3Error("NotImplemented", "The local S3 does not copy parts (UploadPartCopy).");
        }
        return uploadPart(store, req, bucket, key);
      }
      if (req.header("x-amz-copy-source") !== undefined) return copyObject(store, req, bucket, key);
      return putObject(store, req, bucket, key);
    case "GET":
    case "HEAD":
      if (uploadId && method === "GET") return listParts(store, req, bucket, key);
      return getObject(store, req, bucket, key);
    case "DELETE":
      if (uploadId) return abortMultipartUpload(store, req, bucket, key);
      return deleteObject(store, bucket, key);
    case "POST":
      if (query.has("uploads")) return createMultipartUpload(store, req, bucket, key);
      if (uploadId) return completeMultipartUpload(store, req, bucket, key);
      throw new S3Error("NotImplemented", "The local S3 does not take this POST.");
  }
  throw methodNotAllowed(method);
}

const methodNotAllowed = (method: string) =>
  new S3Error("MethodNotAllowed", `The specified method is not allowed against this resource: ${method}`);

async function send(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
  const { body } = reply;
  if (typeof body === "string") {
    res.writeHead(reply.status, { ...reply.headers, "content-length": String(Buffer.byteLength(body)) });
    res.end(req.method === "HEAD" ? undefined : body);
  } else if (body) {
    res.writeHead(reply.status, reply.headers);
    await pipeline(body, res).catch(() => res.destroy());
  } else {
    res.writeHead(reply.status, { "content-length": "0", ...reply.headers });
    res.end();
  }
  drain(req);
}

function sendError(req: IncomingMessage, res: ServerResponse, err: unknown, rawPath: string, requestId: string): void {
  const error =
    err instanceof S3Error ? err : new S3Error("InternalError", "We encountered an internal error. Please try again.");
  if (!(err instanceof S3Error)) console.error(`local S3: ${req.method} ${rawPath}:`, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const details = Object.entries(error.details)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>` +
    `${details}<Resource>${escapeXml(rawPath)}</Resource><RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(error.status, {
    "content-type": "application/xml",
    ...(req.method === "HEAD" ? {} : { "content-length": String(Buffer.byteLength(body)) }),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  drain(req);
}

/** Reads past what is left of a body that was not used (a refused upload), so the connection can be reused. */
function drain(req: IncomingMessage): void {
  if (!req.readableEnded) req.resume();
}
