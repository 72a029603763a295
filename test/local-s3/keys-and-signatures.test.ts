// The local S3 with the AWS SDK, as a client that does anything S3 allows: keys of any UTF-8 up to 1,024 bytes
// (`..` segments, long segments, spaces, `%`, `+`, unicode) stored inside the data folder and listed back as
// they were put; longer keys refused with KeyTooLongError; every request's signature checked — unsigned,
// wrongly signed, tampered, expired — for header-signed, presigned and aws-chunked streaming requests; and
// flexible checksums (x-amz-checksum-*) in a header or a streamed upload's trailer verified against the bytes.
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectChange } from "../../local/s3-notifications.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { NodeSha256 } from "./support/node-sha256.ts";

const BUCKET = "keys-test";
const home = mkdtempSync(join(tmpdir(), "claimtrack-s3-keys-"));
let s3: RunningLocalS3;
const changes: ObjectChange[] = [];

beforeAll(async () => {
  s3 = await startLocalS3({ buckets: [BUCKET], directory: join(home, "s3") });
  s3.onChange((change) => changes.push(change));
});
afterAll(async () => {
  await s3.stop();
  rmSync(home, { recursive: true, force: true });
});

const put = (Key: string, Body: string | Uint8Array = `body of ${Key}`) =>
  s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
const text = async (Key: string) =>
  (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).Body!.transformToString();
const exists = (Key: string) =>
  s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key })).then(
    () => true,
    (err: { $metadata?: { httpStatusCode?: number } }) => {
      if (err.$metadata?.httpStatusCode === 404) return false;
      throw err;
    },
  );
async function listAll(Prefix?: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix, ContinuationToken: token, MaxKeys: 7 }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => statSync(join(dir, p)).isFile());
}

const HOSTILE_KEYS = [
  "incoming/../../../../x",
  "../escape.txt",
  "incoming/./a//b/../c.txt",
  `incoming/${"long segment ".repeat(40)}.txt`,
  `incoming/${"a".repeat(1000)}`,
  " leading and trailing spaces ",
  "incoming/100% sure + plus & ampersand?.txt",
  "incoming/日本語の記事/ニュース.txt",
  "incoming/emoji 🎉 and ü.txt",
  "incoming/back\\slash and 'quotes' \"double\".txt",
  "incoming/tab\tand\nnewline.txt",
  "incoming/<xml> &amp; entities.txt",
];

describe("keys", () => {
  it("any key S3 allows is stored, read and listed back exactly, and only inside the data folder", async () => {
    for (const key of HOSTILE_KEYS) await put(key);
    for (const key of HOSTILE_KEYS) expect(await text(key), key).toBe(`body of ${key}`);
    const listed = await listAll();
    expect(listed).toEqual([...HOSTILE_KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    // Nothing was written beside the data folder, and no key became a path inside it.
    expect(readdirSync(home)).toEqual(["s3"]);
    for (const file of filesUnder(join(home, "s3"))) {
      expect(relative(join(home, "s3"), join(home, "s3", file)).startsWith("..")).toBe(false);
      expect(file).toMatch(/^(keys-test\/(bucket\.json|objects\/[0-9a-f]{2}\/[0-9a-f]{64})|keys-test\/tmp)$/);
    }
  });

  it("takes 1,024 bytes of UTF-8 and refuses 1,025 with KeyTooLongError, storing nothing", async () => {
    const longest = `incoming/${"ü".repeat(507)}x`; // 9 + 1014 + 1 bytes
    expect(Buffer.byteLength(longest)).toBe(1024);
    await put(longest, "the longest key");
    expect(await text(longest)).toBe("the longest key");
    expect(await listAll("incoming/ü")).toEqual([longest]);

    const tooLong = `${longest}y`;
    const before = changes.length;
    await expect(put(tooLong)).rejects.toMatchObject({ name: "KeyTooLongError", $metadata: { httpStatusCode: 400 } });
    await expect(s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: tooLong }))).rejects.toMatchObject({
      name: "KeyTooLongError",
    });
    expect(changes.length).toBe(before);
    expect(await listAll("incoming/ü")).toEqual([longest]);
  });
});

describe("signatures", () => {
  const client = (secretAccessKey: string, accessKeyId = "S3RVER") =>
    new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });

  it("refuses unsigned requests with AccessDenied, in S3's XML", async () => {
    await put("incoming/private.txt");
    for (const [method, path] of [
      ["GET", `/${BUCKET}/incoming/private.txt`],
      ["PUT", `/${BUCKET}/incoming/unsigned.txt`],
      ["DELETE", `/${BUCKET}/incoming/private.txt`],
      ["GET", `/${BUCKET}?list-type=2`],
      ["GET", "/"],
    ] as const) {
      const res = await fetch(`${s3.endpoint}${path}`, { method, ...(method === "PUT" ? { body: "x" } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code>/);
    }
    expect(await exists("incoming/private.txt")).toBe(true);
    expect(await exists("incoming/unsigned.txt")).toBe(false);
  });

  it("refuses a wrong secret, an unknown key id and a signature from another request", async () => {
    await expect(
      client("wrong").send(new GetObjectCommand({ Bucket: BUCKET, Key: "incoming/private.txt" })),
    ).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      client("S3RVER", "SOMEONE").send(new PutObjectCommand({ Bucket: BUCKET, Key: "incoming/x.txt", Body: "x" })),
    ).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
    // A signed request replayed against another key.
    const signed = await signedRequest("GET", "/keys-test/incoming/private.txt");
    const res = await fetch(`${s3.endpoint}/${BUCKET}/incoming/other.txt`, { headers: signed.headers });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(await exists("incoming/x.txt")).toBe(false);
  });

  it("refuses a body that is not the one signed, and stores nothing", async () => {
    const signed = await signedRequest("PUT", "/keys-test/incoming/tampered.txt", "the signed body");
    const res = await fetch(`${s3.endpoint}/${BUCKET}/incoming/tampered.txt`, {
      method: "PUT",
      headers: signed.headers,
      body: "another body!!!",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("<Code>XAmzContentSHA256Mismatch</Code>");
    expect(await exists("incoming/tampered.txt")).toBe(false);
    expect(filesUnder(join(home, "s3", BUCKET, "tmp"))).toEqual([]);
  });

  it("takes presigned PUTs and GETs, and refuses them expired or for another key", async () => {
    const sdk = s3.client;
    const putUrl = await getSignedUrl(sdk, new PutObjectCommand({ Bucket: BUCKET, Key: "incoming/pre signed ü.txt" }), {
      expiresIn: 60,
    });
    expect((await fetch(putUrl, { method: "PUT", body: "presigned body" })).status).toBe(200);
    const getUrl = await getSignedUrl(sdk, new GetObjectCommand({ Bucket: BUCKET, Key: "incoming/pre signed ü.txt" }), {
      expiresIn: 60,
    });
    expect(await (await fetch(getUrl)).text()).toBe("presigned body");

    const expired = await getSignedUrl(sdk, new GetObjectCommand({ Bucket: BUCKET, Key: "incoming/private.txt" }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 60_000),
    });
    const late = await fetch(expired);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("<Code>AccessDenied</Code><Message>Request has expired</Message>");

    const other = getUrl.replace("pre%20signed", "pre%20signer");
    const wrong = await fetch(other);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("stores aws-chunked streaming uploads without their framing (the SDK's checksum trailer)", async () => {
    const streaming = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_SUPPORTED",
      maxAttempts: 1,
    });
    const body = Buffer.alloc(300_000, "streamed article text. ");
    const seen: string[] = [];
    streaming.middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        seen.push(headers["x-amz-content-sha256"] ?? "");
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await streaming.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "incoming/streamed.txt",
        Body: Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]),
        ContentLength: body.length,
      }),
    );
    expect(seen).toEqual(["STREAMING-UNSIGNED-PAYLOAD-TRAILER"]);
    const got = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "incoming/streamed.txt" }));
    expect(got.ContentEncoding).toBeUndefined();
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it("checks every chunk signature of a signed aws-chunked upload", async () => {
    const chunks = [Buffer.alloc(65_536, "a"), Buffer.alloc(1000, "b")];
    const ok = await signedChunkedPut("incoming/chunked.txt", chunks, false);
    expect(ok.status).toBe(200);
    expect(await text("incoming/chunked.txt")).toBe(Buffer.concat(chunks).toString());

    const bad = await signedChunkedPut("incoming/chunked-bad.txt", chunks, true);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(await exists("incoming/chunked-bad.txt")).toBe(false);
  });
});

describe("checksums", () => {
  // Check values of the string "123456789" from the CRC catalogue, so the server's CRCs are tested against
  // published figures, not against themselves.
  const CHECK = Buffer.from("123456789");
  const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");

  it("verifies a checksum header of every algorithm the SDK sends", async () => {
    for (const [algorithm, hex] of [
      ["crc32", "cbf43926"],
      ["crc32c", "e3069283"],
      ["crc64nvme", "ae8b14860a799888"],
      ["sha1", createHash("sha1").update(CHECK).digest("hex")],
      ["sha256", createHash("sha256").update(CHECK).digest("hex")],
    ] as const) {
      const key = `incoming/checked-${algorithm}.txt`;
      const header = { [`x-amz-checksum-${algorithm}`]: b64(hex) };
      const ok = await signedRequest("PUT", `/${BUCKET}/${key}`, CHECK.toString(), header);
      expect((await fetch(`${s3.endpoint}/${BUCKET}/${key}`, { method: "PUT", ...ok, body: CHECK })).status).toBe(200);
      const wrongKey = `incoming/wrong-${algorithm}.txt`;
      const other = Buffer.from("12345678X");
      const bad = await signedRequest("PUT", `/${BUCKET}/${wrongKey}`, other.toString(), header);
      const res = await fetch(`${s3.endpoint}/${BUCKET}/${wrongKey}`, { method: "PUT", ...bad, body: other });
      expect(res.status, algorithm).toBe(400);
      expect(await res.text()).toContain("<Code>BadDigest</Code>");
      expect(await exists(wrongKey)).toBe(false);
    }
  });

  it("verifies the SDK's own checksums, in a header and in a streamed upload's trailer", async () => {
    for (const ChecksumAlgorithm of ["CRC32", "CRC32C", "SHA1", "SHA256"] as const) {
      await s3.client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `incoming/sdk-${ChecksumAlgorithm}.txt`,
          Body: "an article",
          ChecksumAlgorithm,
        }),
      );
      expect(await text(`incoming/sdk-${ChecksumAlgorithm}.txt`)).toBe("an article");
    }
  });

  it("refuses an unsigned streamed upload whose bytes do not match its trailer, storing nothing", async () => {
    const put = async (key: string, data: Buffer, checksumOf: Buffer) => {
      const signed = await signedRequest("PUT", `/${BUCKET}/${key}`, undefined, {
        "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
        "content-encoding": "aws-chunked",
        "x-amz-decoded-content-length": String(data.length),
        "x-amz-trailer": "x-amz-checksum-sha256",
      });
      signed.headers["x-amz-content-sha256"] = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
      const trailer = `x-amz-checksum-sha256:${createHash("sha256").update(checksumOf).digest("base64")}`;
      const body = Buffer.concat([
        Buffer.from(`${data.length.toString(16)}\r\n`),
        data,
        Buffer.from(`\r\n0\r\n${trailer}\r\n\r\n`),
      ]);
      return fetch(`${s3.endpoint}/${BUCKET}/${key}`, {
        method: "PUT",
        headers: { ...signed.headers, "content-length": String(body.length) },
        body,
      });
    };
    const data = Buffer.alloc(70_000, "streamed text ");
    expect((await put("incoming/trailer-ok.txt", data, data)).status).toBe(200);
    expect(await text("incoming/trailer-ok.txt")).toBe(data.toString());
    const flipped = Buffer.from(data).fill("X", 500, 501);
    const bad = await put("incoming/trailer-bad.txt", flipped, data);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("<Code>BadDigest</Code>");
    expect(await exists("incoming/trailer-bad.txt")).toBe(false);
  });
});

const signer = new SignatureV4({
  service: "s3",
  region: "us-east-1",
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  sha256: NodeSha256,
  uriEscapePath: false,
  applyChecksum: false,
});

async function signedRequest(method: string, path: string, body?: string, extra: Record<string, string> = {}) {
  const host = new URL(s3.endpoint).host;
  const payloadHash = createHash("sha256")
    .update(body ?? "")
    .digest("hex");
  const signed = await signer.sign({
    method,
    protocol: "http:",
    hostname: host.split(":")[0]!,
    port: Number(host.split(":")[1]),
    path,
    query: {},
    headers: { host, "x-amz-content-sha256": payloadHash, ...extra },
  });
  return { headers: signed.headers as Record<string, string> };
}

/**
 * A PUT framed as STREAMING-AWS4-HMAC-SHA256-PAYLOAD, each chunk signed here from the SigV4 specification
 * (independently of the server); `corrupt` flips a byte of the last chunk after it was signed.
 */
async function signedChunkedPut(key: string, chunks: Buffer[], corrupt: boolean): Promise<Response> {
  const decoded = chunks.reduce((n, c) => n + c.length, 0);
  const signed = await signedRequest("PUT", `/${BUCKET}/${key}`, undefined, {
    "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
    "content-encoding": "aws-chunked",
    "x-amz-decoded-content-length": String(decoded),
  });
  signed.headers["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  const auth = signed.headers.authorization!;
  const amzDate = signed.headers["x-amz-date"]!;
  const scope = /Credential=[^/]+\/([^,]+),/.exec(auth)![1]!;
  const date = scope.split("/")[0]!;
  let key4 = hmac(`AWS4S3RVER`, date);
  for (const part of ["us-east-1", "s3", "aws4_request"]) key4 = hmac(key4, part);
  let previous = /Signature=([0-9a-f]+)/.exec(auth)![1]!;
  const framed: Buffer[] = [];
  for (const chunk of [...chunks, Buffer.alloc(0)]) {
    const toSign = [
      "AWS4-HMAC-SHA256-PAYLOAD",
      amzDate,
      scope,
      previous,
      createHash("sha256").update("").digest("hex"),
      createHash("sha256").update(chunk).digest("hex"),
    ].join("\n");
    previous = hmac(key4, toSign).toString("hex");
    const data = corrupt && chunk === chunks.at(-1) ? Buffer.from(chunk).fill("c", 0, 1) : chunk;
    framed.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), data, Buffer.from("\r\n"));
  }
  const body = Buffer.concat(framed);
  return fetch(`${s3.endpoint}/${BUCKET}/${key}`, {
    method: "PUT",
    headers: { ...signed.headers, "content-length": String(body.length) },
    body,
  });
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
