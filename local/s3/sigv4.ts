// Signature Version 4 as S3 checks it, on every request: the Authorization header or a presigned URL's query,
// the signed headers as received, the path exactly as sent (S3 neither normalises nor re-encodes it), the
// expiry of presigned URLs and the clock skew of signed requests. What the signature says about the payload
// (a SHA-256, UNSIGNED-PAYLOAD, or one of the aws-chunked streaming forms) is handed on, with the signing key,
// to whoever reads the body.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { S3Error } from "./errors.ts";

export interface SignedRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** The query as sent, without the "?". */
  rawQuery: string;
  /** Every header's values (lower-case names), as received. */
  headers: Record<string, string[] | undefined>;
}

/** What a verified signature vouches for about the body. */
export type Payload =
  | { kind: "unsigned" }
  | { kind: "sha256"; hex: string }
  | { kind: "chunked"; signedChunks: boolean; trailer: boolean; chain: ChunkChain };

/** What a signed aws-chunked body's chunk signatures continue from. */
export interface ChunkChain {
  seedSignature: string;
  signingKey: Buffer;
  amzDate: string;
  scope: string;
}

export interface Verified {
  accessKeyId: string;
  payload: Payload;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const MAX_SKEW_MS = 15 * 60_000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Checks the request's signature; throws S3's error for an unsigned or wrongly signed request. */
export function verifySignature(req: SignedRequest, secrets: Record<string, string>, now: Date): Verified {
  const query = parseQuery(req.rawQuery);
  const presigned = query.some(([name]) => name === "X-Amz-Algorithm");
  const auth = presigned ? fromQuery(query) : fromHeader(req);
  const secret = secrets[auth.accessKeyId];
  if (secret === undefined) {
    throw new S3Error("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  }
  const signedAt = parseAmzDate(auth.amzDate);
  if (!auth.amzDate.startsWith(auth.date)) {
    throw new S3Error("AuthorizationHeaderMalformed", "The credential's date does not match the request's date.");
  }
  if (presigned) {
    const expires = Number(query.find(([n]) => n === "X-Amz-Expires")?.[1]);
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
      throw new S3Error("AuthorizationQueryParametersError", "X-Amz-Expires must be between 1 and 604800 seconds.");
    }
    if (now.getTime() > signedAt + expires * 1000) throw new S3Error("AccessDenied", "Request has expired");
  } else if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) {
    throw new S3Error(
      "RequestTimeTooSkewed",
      "The difference between the request time and the current time is too large.",
    );
  }
  if (!auth.signedHeaders.includes("host")) {
    throw new S3Error("AccessDenied", "The host header must be signed.");
  }

  const declared = presigned
    ? (query.find(([n]) => n === "X-Amz-Content-Sha256")?.[1] ?? "UNSIGNED-PAYLOAD")
    : header(req, "x-amz-content-sha256");
  if (declared === undefined) {
    throw new S3Error("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  }
  const canonicalRequest = [
    req.method,
    req.rawPath,
    canonicalQuery(query),
    auth.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req.headers[name])}\n`).join(""),
    auth.signedHeaders.join(";"),
    declared,
  ].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [ALGORITHM, auth.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = deriveSigningKey(secret, auth.date, auth.region, auth.service);
  if (!sameHex(hmac(signingKey, stringToSign).toString("hex"), auth.signature)) {
    throw new S3Error(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    );
  }
  return {
    accessKeyId: auth.accessKeyId,
    payload: payloadOf(declared, { seedSignature: auth.signature, signingKey, amzDate: auth.amzDate, scope }),
  };
}

function payloadOf(declared: string, chain: ChunkChain): Payload {
  switch (declared) {
    case "UNSIGNED-PAYLOAD":
      return { kind: "unsigned" };
    case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
      return { kind: "chunked", signedChunks: true, trailer: false, chain };
    case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER":
      return { kind: "chunked", signedChunks: true, trailer: true, chain };
    case "STREAMING-UNSIGNED-PAYLOAD-TRAILER":
      return { kind: "chunked", signedChunks: false, trailer: true, chain };
  }
  if (/^[0-9a-f]{64}$/.test(declared)) return { kind: "sha256", hex: declared };
  throw new S3Error("InvalidArgument", `x-amz-content-sha256 must be a SHA-256 or a known payload type: ${declared}`);
}

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
}

function fromHeader(req: SignedRequest): Authorization {
  const value = header(req, "authorization");
  if (value === undefined) {
    throw new S3Error("AccessDenied", "Anonymous access is not allowed: sign the request with Signature Version 4.");
  }
  if (!value.startsWith(`${ALGORITHM} `)) {
    throw new S3Error("InvalidRequest", "The authorization mechanism you have provided is not supported.");
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDate = header(req, "x-amz-date") ?? fromHttpDate(header(req, "date"));
  return authorization(fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature"), amzDate);
}

function fromQuery(query: [string, string][]): Authorization {
  const get = (name: string) => query.find(([n]) => n === name)?.[1];
  if (get("X-Amz-Algorithm") !== ALGORITHM) {
    throw new S3Error("AuthorizationQueryParametersError", `X-Amz-Algorithm must be ${ALGORITHM}.`);
  }
  return authorization(get("X-Amz-Credential"), get("X-Amz-SignedHeaders"), get("X-Amz-Signature"), get("X-Amz-Date"));
}

function authorization(
  credential: string | undefined,
  signedHeaders: string | undefined,
  signature: string | undefined,
  amzDate: string | undefined,
): Authorization {
  const parts = (credential ?? "").split("/");
  const [accessKeyId, date, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    !accessKeyId ||
    !date ||
    !region ||
    service !== "s3" ||
    terminator !== "aws4_request" ||
    !signedHeaders ||
    !signature ||
    !amzDate ||
    Number.isNaN(parseAmzDate(amzDate))
  ) {
    throw new S3Error(
      "AuthorizationHeaderMalformed",
      "The authorization is malformed: it needs Credential=<key>/<date>/<region>/s3/aws4_request, SignedHeaders, Signature and a request date.",
    );
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature, amzDate };
}

/** The signature of one chunk of a signed aws-chunked body, continuing from the previous one. */
export function chunkSignature(chain: ChunkChain, previous: string, chunk: Buffer): string {
  const stringToSign = [
    "AWS4-HMAC-SHA256-PAYLOAD",
    chain.amzDate,
    chain.scope,
    previous,
    EMPTY_SHA256,
    sha256Hex(chunk),
  ].join("\n");
  return hmac(chain.signingKey, stringToSign).toString("hex");
}

export const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(req: SignedRequest, name: string): string | undefined {
  const values = req.headers[name];
  return values === undefined ? undefined : values.join(",");
}

/** Each value trimmed, runs of spaces folded, values joined with commas. */
function canonicalHeaderValue(values: string[] | undefined): string {
  return (values ?? []).map((v) => v.trim().replace(/ {2,}/g, " ")).join(",");
}

/** Names and values decoded as sent, then encoded the RFC 3986 way and sorted; the signature left out. */
function canonicalQuery(query: [string, string][]): string {
  return query
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** The query's name/value pairs, decoded (`+` as a space, as the SDKs and S3 read it). */
export function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq < 0 ? [decodeQuery(pair), ""] : [decodeQuery(pair.slice(0, eq)), decodeQuery(pair.slice(eq + 1))];
    });
}

function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", "%20"));
  } catch {
    throw new S3Error("InvalidURI", "Couldn't parse the specified URI.");
  }
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

/** An HTTP date header in the form x-amz-date takes. */
function fromHttpDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? undefined
    : new Date(time)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
}

function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  let key = hmac(`AWS4${secret}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  return key;
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
