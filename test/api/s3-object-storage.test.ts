// The API's S3 adapter over real HTTP: the local S3 stores the objects, behind a gate that checks every signature
// the way S3 does and records what it saw. The AWS SDK's own S3 client passing the gate shows
// the gate is right; the adapter passing it shows the adapter signs right — keys with any characters, metadata,
// session tokens and presigned PUTs that accept exactly the announced file. Faults come from a real server too.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketAddress, objectPath } from "../../functions/api/s3/s3-address.ts";
import { createS3ObjectStorage, type S3ObjectStorageOptions } from "../../functions/api/s3/s3-object-storage.ts";
import { fromObjectMetadata, toObjectMetadata } from "../../functions/shared/object-metadata.ts";
import { ObjectStorageBusyError, ObjectStorageError } from "../../functions/shared/object-storage.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { type SigV4Gate, startSigV4Gate } from "./sigv4-gate.ts";

const BUCKET = "adapter-test";
const KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

let localS3: RunningLocalS3;
let gate: SigV4Gate;
let sdk: S3Client;
beforeAll(async () => {
  localS3 = await startLocalS3({ buckets: [BUCKET] });
  gate = await startSigV4Gate({ upstream: localS3.endpoint, secrets: { S3RVER: "S3RVER" } });
  sdk = new S3Client({
    endpoint: gate.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: KEYS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
});
afterAll(async () => {
  sdk.destroy();
  await gate.close();
  await localS3.stop();
});

const storage = (options: Partial<S3ObjectStorageOptions> = {}) =>
  createS3ObjectStorage({
    bucket: BUCKET,
    region: "us-east-1",
    endpoint: gate.endpoint,
    credentials: KEYS,
    ...options,
  });
const bytes = (text: string) => new TextEncoder().encode(text);
const lastVerdict = () => gate.requests.at(-1)?.refused;

async function read(key: string) {
  const res = await localS3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { text: await res.Body!.transformToString(), contentType: res.ContentType, metadata: res.Metadata };
}

describe("the signature gate", () => {
  it("lets the AWS SDK's own requests and presigned URLs through, and refuses a wrong secret", async () => {
    await sdk.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: "gate/sdk (1).txt", Body: "sdk", ContentType: "text/plain" }),
    );
    expect(lastVerdict()).toBeNull();
    await sdk.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "gate/sdk (1).txt" }));
    const url = await getSignedUrl(sdk, new GetObjectCommand({ Bucket: BUCKET, Key: "gate/sdk (1).txt" }), {
      expiresIn: 60,
    });
    expect(await (await fetch(url)).text()).toBe("sdk");
    expect(lastVerdict()).toBeNull();

    const forged = new S3Client({
      endpoint: gate.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { ...KEYS, secretAccessKey: "forged" },
      maxAttempts: 1,
    });
    await expect(forged.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "gate/sdk (1).txt" }))).rejects.toThrow();
    expect(lastVerdict()).toBe("SignatureDoesNotMatch");
    forged.destroy();
  });
});

describe("put and delete", () => {
  it.each([
    ["a plain key", "incoming/plain.txt"],
    ["spaces, plus and RFC 3986 reserved characters", "incoming/a b+c!'()*~;=,&$@.txt"],
    ["non-ASCII and a percent sign", "incoming/Zürich 100%/Été.md"],
    ["an encoded-looking key", "incoming/c%20d%2Fe.txt"],
  ])("stores and deletes %s with a valid signature", async (_name, key) => {
    const objects = storage();
    const metadata = toObjectMetadata({ title: "Été à Zürich", outlet: "Le Monde" });
    const source = await objects.put({ key, body: bytes(`text of ${key}`), contentType: "text/markdown", metadata });
    expect(source).toEqual({ bucket: BUCKET, key });
    expect(lastVerdict()).toBeNull();
    const stored = await read(key);
    expect(stored.text).toBe(`text of ${key}`);
    expect(stored.contentType).toBe("text/markdown");
    expect(fromObjectMetadata(stored.metadata)).toEqual({ title: "Été à Zürich", outlet: "Le Monde" });

    await objects.delete(source);
    expect(lastVerdict()).toBeNull();
    await expect(localS3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toThrow();
  });

  it("sends dot segments as they are, never resolved (they are part of an S3 key)", async () => {
    await storage().put({ key: "incoming/x/../y.txt", body: bytes("dots"), contentType: "text/plain" });
    expect(gate.requests.at(-1)).toMatchObject({ path: `/${BUCKET}/incoming/x/../y.txt`, refused: null });
  });

  it("deletes a key that does not exist without complaint, as S3 does", async () => {
    await expect(storage().delete({ bucket: BUCKET, key: "incoming/never-there.txt" })).resolves.toBeUndefined();
  });

  it("refuses to delete from another bucket without sending anything", async () => {
    const before = gate.requests.length;
    await expect(storage().delete({ bucket: "someone-else", key: "incoming/x.txt" })).rejects.toThrow(
      ObjectStorageError,
    );
    expect(gate.requests.length).toBe(before);
  });

  it("signs with session credentials from a provider, as Lambda's role gives them", async () => {
    let calls = 0;
    const objects = storage({
      credentials: async () => {
        calls++;
        return { ...KEYS, sessionToken: "session-token-from-the-role" };
      },
    });
    await objects.put({ key: "incoming/session.txt", body: bytes("s"), contentType: "text/plain" });
    expect(gate.requests.at(-1)?.headers["x-amz-security-token"]).toBe("session-token-from-the-role");
    expect(lastVerdict()).toBeNull();
    expect(calls).toBe(1);
  });

  it("reports a refusal with S3's code and does not retry it", async () => {
    const before = gate.requests.length;
    const wrong = storage({ credentials: { ...KEYS, secretAccessKey: "wrong" } });
    const err = await wrong
      .put({ key: "incoming/denied.txt", body: bytes("x"), contentType: "text/plain" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ObjectStorageError);
    expect(err).not.toBeInstanceOf(ObjectStorageBusyError);
    expect(err).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(gate.requests.length - before).toBe(1);
    const missing = await createS3ObjectStorage({
      bucket: "no-such-bucket",
      region: "us-east-1",
      endpoint: gate.endpoint,
      credentials: KEYS,
    })
      .put({ key: "incoming/x.txt", body: bytes("x"), contentType: "text/plain" })
      .catch((e) => e);
    expect(missing).toMatchObject({ status: 404, code: "NoSuchBucket" });
  });
});

describe("presigned PUT", () => {
  const announce = (objects = storage()) =>
    objects.presignPut({
      key: "incoming/uploads/1/Große Datei.txt",
      contentType: "text/plain",
      contentLength: 5,
      metadata: toObjectMetadata({ title: "Große Datei" }),
      expiresInSeconds: 900,
    });

  it("accepts exactly the announced file: its size, type and metadata are signed", async () => {
    const ticket = await announce();
    const url = new URL(ticket.url);
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host;x-amz-meta-title");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900");
    expect(ticket.headers).toEqual({
      "content-type": "text/plain",
      "content-length": "5",
      "x-amz-meta-title": toObjectMetadata({ title: "Große Datei" }).title,
    });

    const other = await fetch(ticket.url, {
      method: "PUT",
      headers: { ...ticket.headers, "content-type": "text/html" },
      body: "hello",
    });
    expect(other.status).toBe(403);
    expect(lastVerdict()).toBe("SignatureDoesNotMatch");
    const retitled = await fetch(ticket.url, {
      method: "PUT",
      headers: { ...ticket.headers, "x-amz-meta-title": "Other" },
      body: "hello",
    });
    expect(retitled.status).toBe(403);

    const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: "hello" });
    expect(put.status, await put.text()).toBe(200);
    const stored = await read("incoming/uploads/1/Große Datei.txt");
    expect(stored.text).toBe("hello");
    expect(fromObjectMetadata(stored.metadata)).toEqual({ title: "Große Datei" });
  });

  it("carries the session token and expires when it says", async () => {
    const signedAt = new Date(Date.now() - 901_000);
    const ticket = await announce(storage({ credentials: { ...KEYS, sessionToken: "tok" }, now: () => signedAt }));
    expect(new URL(ticket.url).searchParams.get("X-Amz-Security-Token")).toBe("tok");
    expect(ticket.expiresAt.getTime()).toBe(signedAt.getTime() + 900_000);
    const late = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: "hello" });
    expect(late.status).toBe(403);
    expect(lastVerdict()).toBe("AccessDenied");
  });
});

describe("transient failures", () => {
  /** A real HTTP server that answers each request as the next scripted step says, then forwards to the gate. */
  async function flakyS3(script: ("slow down" | "internal error" | "silence")[]) {
    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      const step = script[seen.length];
      seen.push(step ?? "forward");
      if (step === "silence") return req.resume(); // accepts the request and never answers
      if (step === "slow down" || step === "internal error") {
        const [status, code] = step === "slow down" ? [503, "SlowDown"] : [500, "InternalError"];
        res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": "REQ123" });
        req.resume();
        res.end(`<Error><Code>${code}</Code><Message>Please reduce your request rate.</Message></Error>`);
        return;
      }
      // Forwarded unchanged, Host included: the signature covers it.
      const target = new URL(gate.endpoint);
      const forward = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      seen,
      objects: storage({ endpoint, retryBaseMs: 1, idleTimeoutMs: 300 }),
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it("retries throttling and server errors, then succeeds", async () => {
    const flaky = await flakyS3(["slow down", "internal error"]);
    await flaky.objects.put({ key: "incoming/retried.txt", body: bytes("third time"), contentType: "text/plain" });
    expect(flaky.seen).toEqual(["slow down", "internal error", "forward"]);
    expect((await read("incoming/retried.txt")).text).toBe("third time");
    await flaky.close();
  });

  it("gives up after three attempts with a busy error naming S3's code and request id", async () => {
    const flaky = await flakyS3(["slow down", "slow down", "slow down", "slow down"]);
    const err = await flaky.objects.delete({ bucket: BUCKET, key: "incoming/x.txt" }).catch((e) => e);
    expect(err).toBeInstanceOf(ObjectStorageBusyError);
    expect(err.message).toMatch(/DeleteObject failed: 503 SlowDown: .*request id REQ123.*after 3 attempts/);
    expect(flaky.seen).toHaveLength(3);
    await flaky.close();
  });

  it("treats a server that never answers as transient", async () => {
    const flaky = await flakyS3(["silence", "silence", "silence"]);
    const err = await flaky.objects
      .put({ key: "incoming/silence.txt", body: bytes("x"), contentType: "text/plain" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ObjectStorageBusyError);
    expect(err).toMatchObject({ status: 0, code: "ETIMEDOUT" });
    expect(flaky.seen).toHaveLength(3);
    await flaky.close();
  });
});

describe("addresses on AWS", () => {
  it("uses virtual-hosted URLs, path style for dotted bucket names, and the China regions' domain", () => {
    const key = "incoming/a b/é.txt";
    const hosted = bucketAddress("claimtrack-articles", "eu-west-1");
    expect(hosted).toMatchObject({ protocol: "https:", host: "claimtrack-articles.s3.eu-west-1.amazonaws.com" });
    expect(objectPath(hosted, key)).toBe("/incoming/a%20b/%C3%A9.txt");
    const dotted = bucketAddress("news.example.org", "us-east-1");
    expect(dotted.host).toBe("s3.us-east-1.amazonaws.com");
    expect(objectPath(dotted, key)).toBe("/news.example.org/incoming/a%20b/%C3%A9.txt");
    expect(bucketAddress("b-1", "cn-north-1").host).toBe("b-1.s3.cn-north-1.amazonaws.com.cn");
    const proxied = bucketAddress("b-1", "us-east-1", "https://storage.example.org:8443/s3/");
    expect(proxied).toMatchObject({ protocol: "https:", port: 8443, host: "storage.example.org:8443" });
    expect(objectPath(proxied, "k")).toBe("/s3/b-1/k");
    expect(() => bucketAddress("b-1", "us-east-1", "ftp://x")).toThrow(/not an http\(s\) URL/);
  });

  it("presigns the URL the SDK's presigner gives for the same request, signature aside", async () => {
    const credentials = { ...KEYS, sessionToken: "tok" };
    const ours = await createS3ObjectStorage({
      bucket: "claimtrack-articles",
      region: "eu-west-1",
      credentials,
    }).presignPut({
      key: "incoming/uploads/1/a b.txt",
      contentType: "text/plain",
      contentLength: 3,
      expiresInSeconds: 60,
    });
    const client = new S3Client({ region: "eu-west-1", credentials });
    const theirs = new URL(
      await getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: "claimtrack-articles", Key: "incoming/uploads/1/a b.txt" }),
        {
          expiresIn: 60,
        },
      ),
    );
    client.destroy();
    const url = new URL(ours.url);
    expect(url.origin + url.pathname).toBe(theirs.origin + theirs.pathname);
    for (const name of ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Expires", "X-Amz-Security-Token"]) {
      expect(url.searchParams.get(name), name).toBe(theirs.searchParams.get(name));
    }
    // No checksum of the (absent) body: the SDK's presigner (3.729+, default checksums) signs
    // x-amz-checksum-crc32=AAAAAA==, the CRC of an empty body, and S3 refuses any real file PUT to such a URL.
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
  });
});
