// The API's bucket as signed HTTP requests: GetObject, PutObject, DeleteObject and presigned PUT URLs are all the
// API does in S3, and SigV4 (@smithy/signature-v4, the SDK's own signer) plus one HTTP exchange does each of
// them. This keeps the S3 client (~150 KB of serializers, checksums and middleware) out of the API bundle.
// Transient failures (5xx, SlowDown, network errors, silence) are retried with jittered back-off, as the SDK would.
import { SignatureV4 } from "@smithy/signature-v4";
import { type ObjectStorage, ObjectStorageBusyError, ObjectStorageError } from "../../shared/object-storage.ts";
import { type HttpRequest, type HttpResponse, sendHttp } from "./http-request.ts";
import { type BucketAddress, bucketAddress, objectPath, queryString } from "./s3-address.ts";
import { Sha256 } from "./sha256.ts";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

/** Where the bucket lives and who signs: on Lambda the region and credentials come from the environment. */
export interface S3Connection {
  region: string;
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  /** An S3-compatible endpoint (the local S3, MinIO, a proxy), addressed path-style; AWS's regional endpoint if unset. */
  endpoint?: string | undefined;
}

export interface S3ObjectStorageOptions extends S3Connection {
  bucket: string;
  /** Tries per request, the first included (the SDK's default is 3). */
  maxAttempts?: number;
  /** A request fails when its connection stays silent this long; a slow transfer that still moves goes on. */
  idleTimeoutMs?: number;
  /** The first retry waits up to this long, each further one twice as long (at most 2 s). */
  retryBaseMs?: number;
  now?: () => Date;
}

const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const MAX_BACKOFF_MS = 2000;

export function createS3ObjectStorage(options: S3ObjectStorageOptions): ObjectStorage {
  const { bucket, region, maxAttempts = 3, idleTimeoutMs = 5000, retryBaseMs = 100 } = options;
  const now = options.now ?? (() => new Date());
  const address = bucketAddress(bucket, region, options.endpoint);
  const signer = new SignatureV4({
    service: "s3",
    region,
    credentials: options.credentials,
    sha256: Sha256,
    // S3 signs the path as sent (each key segment encoded once), unlike other services.
    uriEscapePath: false,
  });

  const send = async (operation: string, request: HttpRequest): Promise<HttpResponse> => {
    for (let attempt = 1; ; attempt++) {
      // Signed per attempt: the signature carries the time.
      const signed = await signer.sign(toSignable(request), { signingDate: now() });
      const failure = await sendHttp({ ...request, headers: signed.headers }, idleTimeoutMs).then(
        (res) => (res.status < 300 ? res : refusal(res)),
        (err: NodeJS.ErrnoException) => ({
          status: 0,
          code: err.code ?? "NetworkError",
          message: err.message,
          retry: true,
        }),
      );
      if ("body" in failure) return failure;
      if (!failure.retry) throw new ObjectStorageError(operation, failure.status, failure.code, failure.message);
      if (attempt >= maxAttempts) {
        throw new ObjectStorageBusyError(operation, failure.status, failure.code, failure.message, attempt);
      }
      // "Full jitter": spreads the retries of many callers hit by the same throttling.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** (attempt - 1)));
    }
  };

  return {
    bucket,
    async get(key) {
      try {
        const res = await send("GetObject", { ...requestFor(address, "GET", key), headers: { host: address.host } });
        return new Uint8Array(res.body);
      } catch (err) {
        if (err instanceof ObjectStorageError && err.status === 404) return null;
        throw err;
      }
    },
    async put({ key, body, contentType, metadata = {} }) {
      const headers = { ...objectHeaders(contentType, body.length, metadata), host: address.host };
      await send("PutObject", { ...requestFor(address, "PUT", key), headers, body });
      return { bucket, key };
    },
    async delete(source) {
      if (source.bucket !== bucket) {
        throw new ObjectStorageError("DeleteObject", 0, "WrongBucket", `${source.bucket} is not ${bucket}`);
      }
      await send("DeleteObject", { ...requestFor(address, "DELETE", source.key), headers: { host: address.host } });
    },
    async presignPut({ key, contentType, contentLength, metadata = {}, expiresInSeconds }) {
      // Every header handed out is signed, so S3 refuses a PUT with another size, type or metadata. Metadata
      // stays in headers (not hoisted into the query) so the client sends it as the object's metadata.
      const headers = objectHeaders(contentType, contentLength, metadata);
      const signingDate = now();
      const request = requestFor(address, "PUT", key);
      const presigned = await signer.presign(
        toSignable({
          ...request,
          // A presigned URL's body is not signed; the hash header is hoisted into the query like S3's own SDK does.
          headers: { ...headers, host: address.host, "x-amz-content-sha256": UNSIGNED_PAYLOAD },
        }),
        {
          expiresIn: expiresInSeconds,
          signingDate,
          unhoistableHeaders: new Set(Object.keys(headers).filter((h) => h.startsWith("x-amz-meta-"))),
        },
      );
      const query = queryString(presigned.query as Record<string, string>);
      return {
        url: `${address.protocol}//${address.host}${request.path}?${query}`,
        headers,
        expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000),
      };
    },
  };
}

function objectHeaders(contentType: string, length: number, metadata: Record<string, string>) {
  const headers: Record<string, string> = { "content-type": contentType, "content-length": String(length) };
  for (const [name, value] of Object.entries(metadata)) headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  return headers;
}

function requestFor(address: BucketAddress, method: string, key: string): Omit<HttpRequest, "headers"> {
  return {
    method,
    protocol: address.protocol,
    hostname: address.hostname,
    port: address.port,
    path: objectPath(address, key),
  };
}

/** The request in the shape the signer clones. */
function toSignable(request: Omit<HttpRequest, "headers"> & { headers: Record<string, string> }) {
  return { ...request, query: {}, headers: { ...request.headers } };
}

/** S3's error document (`<Error><Code>SlowDown</Code><Message>…</Message>…`), and whether a retry may help. */
function refusal(res: HttpResponse) {
  const text = res.body.toString("utf8");
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `HTTP${res.status}`;
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? "no error document";
  const requestId = res.headers["x-amz-request-id"];
  return {
    status: res.status,
    code,
    message: requestId ? `${message} (request id ${requestId})` : message,
    retry: res.status >= 500 || res.status === 429 || code === "SlowDown" || code === "RequestTimeout",
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
