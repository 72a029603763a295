// S3's front door for tests: an HTTP server that checks each request's Signature Version 4 the way S3 does —
// header-signed or presigned, with the payload hash, the signed headers and the expiry — and forwards only
// verified requests to the local S3 (which checks them too, with code of its own). Written from the SigV4
// specification, independently of the signer under test; the AWS SDK's own S3 client passing through it is
// the check that the gate itself is right. Every request is recorded with the gate's verdict.
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface GateRecord {
  method: string;
  /** The raw path, percent-encoded as sent, without the query. */
  path: string;
  headers: Record<string, string>;
  /** null when the signature checked out, else S3's error code. */
  refused: string | null;
}

export interface SigV4Gate {
  endpoint: string;
  requests: GateRecord[];
  close(): Promise<void>;
}

export async function startSigV4Gate(options: {
  upstream: string;
  secrets: Record<string, string>;
  now?: () => Date;
}): Promise<SigV4Gate> {
  const upstream = new URL(options.upstream);
  const now = options.now ?? (() => new Date());
  const requests: GateRecord[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const [path, rawQuery] = splitAt(req.url ?? "/", "?");
    const headers = flatHeaders(req);
    const refused = verify({ method: req.method ?? "GET", path, rawQuery, headers, body }, options.secrets, now());
    requests.push({ method: req.method ?? "GET", path, headers, refused });
    if (refused) {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0"?><Error><Code>${refused}</Code><Message>refused by the test gate</Message></Error>`);
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on("error", (err) => res.writeHead(502).end(String(err)));
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Received {
  method: string;
  path: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** null if the request is signed right, else the error code S3 would answer. */
function verify(req: Received, secrets: Record<string, string>, now: Date): string | null {
  const query = parseQuery(req.rawQuery);
  const presigned = query.some(([name]) => name === "X-Amz-Algorithm");
  const auth = presigned ? fromQuery(query) : fromHeader(req.headers.authorization, req.headers["x-amz-date"]);
  if (!auth) return "AccessDenied";
  const [accessKeyId, date, region, service, terminator] = auth.credential.split("/");
  const secret = secrets[accessKeyId ?? ""];
  if (!secret) return "InvalidAccessKeyId";
  if (service !== "s3" || terminator !== "aws4_request" || !auth.amzDate.startsWith(date ?? "-")) {
    return "AuthorizationHeaderMalformed";
  }
  const signedAt = parseAmzDate(auth.amzDate);
  if (presigned) {
    const expires = Number(query.find(([n]) => n === "X-Amz-Expires")?.[1]);
    if (!(expires > 0) || !(signedAt + expires * 1000 >= now.getTime())) return "AccessDenied";
  } else if (!(Math.abs(signedAt - now.getTime()) <= 15 * 60_000)) {
    return "RequestTimeTooSkewed";
  }
  if (!auth.signedHeaders.includes("host")) return "AccessDenied";

  let payloadHash = "UNSIGNED-PAYLOAD";
  if (!presigned) {
    payloadHash = req.headers["x-amz-content-sha256"] ?? "";
    if (!payloadHash) return "InvalidRequest";
    if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(req.body)) return "XAmzContentSHA256Mismatch";
  }
  const canonicalQuery = query
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonicalHeaders = auth.signedHeaders
    .map((name) => `${name}:${(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonicalRequest = [
    req.method,
    req.path, // S3 signs the path as sent: no normalization, no second encoding
    canonicalQuery,
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", auth.amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${secret}`, date ?? "");
  for (const part of [region ?? "", "s3", "aws4_request"]) key = hmac(key, part);
  return hmac(key, stringToSign).toString("hex") === auth.signature ? null : "SignatureDoesNotMatch";
}

interface Authorization {
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
}

function fromHeader(header: string | undefined, amzDate: string | undefined): Authorization | null {
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
    header ?? "",
  );
  if (!match || !amzDate) return null;
  return { credential: match[1]!, signedHeaders: match[2]!.split(";"), signature: match[3]!, amzDate };
}

function fromQuery(query: [string, string][]): Authorization | null {
  const get = (name: string) => query.find(([n]) => n === name)?.[1];
  const credential = get("X-Amz-Credential");
  const signedHeaders = get("X-Amz-SignedHeaders");
  const signature = get("X-Amz-Signature");
  const amzDate = get("X-Amz-Date");
  if (get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || !credential || !signedHeaders || !signature || !amzDate) {
    return null;
  }
  return { credential, signedHeaders: signedHeaders.split(";"), signature, amzDate };
}

function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, "%20"));
  return raw.split("&").map((pair) => {
    const [name, value] = splitAt(pair, "=");
    return [decode(name), decode(value)];
  });
}

/** Before and after the first `separator` ("" after when there is none). */
function splitAt(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
