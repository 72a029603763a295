// A local S3 killed (SIGKILL) in the middle of writes starts again on the same data folder, and what a client
// then sees is only whole objects: a new object cut off mid-body does not exist, an overwrite cut off leaves the
// old object intact, no temporary file is left, and a multipart upload's stored parts survive to be completed.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalS3Server } from "../../local/s3/server.ts";
import { LOCAL_S3_CREDENTIALS } from "../../local/s3-service.ts";
import { localS3Client } from "../support/local-s3.ts";
import { completeUpload, createUpload, uploadPart } from "./support/multipart.ts";
import { NodeSha256 } from "./support/node-sha256.ts";

const BUCKET = "crash-test";
const SERVE = join(import.meta.dirname, "support", "serve.ts");
const home = mkdtempSync(join(tmpdir(), "claimtrack-s3-crash-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(home, { recursive: true, force: true });
});

async function startServer(directory: string): Promise<{ endpoint: string; child: ChildProcess; client: S3Client }> {
  const child = spawn(process.execPath, [SERVE, directory], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`the local S3 exited with ${code} before it was ready`)));
  });
  const client = localS3Client(endpoint);
  return { endpoint, child, client };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/**
 * Starts a correctly signed PUT of `size` bytes (UNSIGNED-PAYLOAD, so the server streams it straight to disk),
 * sends `sent` of them, and resolves once the server has received them (it answers nothing yet).
 */
async function startPartialPut(endpoint: string, key: string, size: number, sent: number): Promise<() => void> {
  const url = new URL(`${endpoint}/${BUCKET}/${key}`);
  const signer = new SignatureV4({
    service: "s3",
    region: "us-east-1",
    credentials: LOCAL_S3_CREDENTIALS,
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD", "content-length": String(size) },
  });
  const req = request({
    host: url.hostname,
    port: url.port,
    method: "PUT",
    path: url.pathname + url.search,
    headers: signed.headers,
  });
  req.on("error", () => {});
  await new Promise<void>((resolve) => req.write(Buffer.alloc(sent, "h"), () => resolve()));
  // Give the server a moment to write what arrived.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return () => req.destroy();
}

const exists = (client: S3Client, Key: string) =>
  client.send(new HeadObjectCommand({ Bucket: BUCKET, Key })).then(
    () => true,
    (err: { $metadata?: { httpStatusCode?: number } }) => {
      if (err.$metadata?.httpStatusCode === 404) return false;
      throw err;
    },
  );

describe("a local S3 killed mid-write", () => {
  it("restarts, shows no half object, keeps the old version of an interrupted overwrite", {
    timeout: 60_000,
  }, async () => {
    const directory = join(home, "s3");
    const first = await startServer(directory);
    await first.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "incoming/kept.txt", Body: "the old text" }));
    const abandon = [
      await startPartialPut(first.endpoint, "incoming/new.txt", 4_000_000, 1_000_000),
      await startPartialPut(first.endpoint, "incoming/kept.txt", 4_000_000, 1_000_000),
      await startPartialPut(first.endpoint, `incoming/${"long name ".repeat(90)}`, 4_000_000, 2_000_000),
    ];
    // The bodies are on their way to disk: the temporary files exist.
    expect(readdirSync(join(directory, BUCKET, "tmp")).length).toBe(3);
    await killed(first.child);
    for (const stop of abandon) stop();
    first.client.destroy();

    const second = await startServer(directory);
    try {
      expect(await exists(second.client, "incoming/new.txt")).toBe(false);
      const kept = await second.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "incoming/kept.txt" }));
      expect(await kept.Body!.transformToString()).toBe("the old text");
      const listed = await second.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(["incoming/kept.txt"]);
      expect(readdirSync(join(directory, BUCKET, "tmp"))).toEqual([]);
      // And it works as before.
      await second.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "incoming/new.txt", Body: "whole" }));
      expect(await exists(second.client, "incoming/new.txt")).toBe(true);
    } finally {
      await killed(second.child);
      second.client.destroy();
    }
  });

  it("keeps a multipart upload's stored parts across a kill, so the upload can be completed", {
    timeout: 60_000,
  }, async () => {
    const directory = join(home, "s3-multipart");
    const first = await startServer(directory);
    const Key = "incoming/large.txt";
    const part1 = Buffer.alloc(5 * 1024 * 1024, "1");
    const upload = await createUpload(first.client, BUCKET, Key);
    const e1 = await uploadPart(first.client, upload, 1, part1);
    const abandon = await startPartialPut(
      first.endpoint,
      `${Key}?partNumber=2&uploadId=${upload.uploadId}`,
      3_000_000,
      1_000_000,
    );
    await killed(first.child);
    abandon();
    first.client.destroy();

    const second = await startServer(directory);
    try {
      expect(await exists(second.client, Key)).toBe(false);
      const e2 = await uploadPart(second.client, upload, 2, "end");
      await completeUpload(second.client, upload, [e1, e2]);
      const got = await second.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      expect(
        Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([part1, Buffer.from("end")])),
      ).toBe(true);
    } finally {
      await killed(second.child);
      second.client.destroy();
    }
  });

  it("refuses, naming it, a bucket folder holding files it did not write (rather than serve it as empty)", async () => {
    const directory = join(home, "s3-foreign");
    mkdirSync(join(directory, BUCKET, "incoming"), { recursive: true });
    writeFileSync(join(directory, BUCKET, "incoming", "article.txt"), "written by another tool");
    await expect(
      startLocalS3Server({ directory, port: 0, credentials: [LOCAL_S3_CREDENTIALS], buckets: [BUCKET] }),
    ).rejects.toThrow(`${join(directory, BUCKET)} holds files that are not the local S3's (no bucket.json)`);
  });
});
