// The local S3's operations as the AWS SDK sees them — the headers S3 returns (ETag, Content-Type,
// Last-Modified, x-amz-meta-*), ranges, copies, listings paged by continuation token and start-after against a
// model of S3's order, multipart uploads — and its event stream: exactly one creation or removal per object
// changed, however many requests race (60 keys of one folder deleted at once, one by one and in batches).
import { createHash } from "node:crypto";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ObjectChange } from "../../local/s3-notifications.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { completeUpload, createUpload, uploadPart } from "./support/multipart.ts";

const BUCKET = "ops-test";
let s3: RunningLocalS3;
let changes: ObjectChange[] = [];

beforeAll(async () => {
  s3 = await startLocalS3({ buckets: [BUCKET] });
  s3.onChange((change) => changes.push(change));
});
afterAll(() => s3.stop());
beforeEach(() => {
  changes = [];
});

const md5 = (data: string | Buffer) => `"${createHash("md5").update(data).digest("hex")}"`;

describe("objects", () => {
  it("returns what was put: ETag (MD5), Content-Type, user metadata, content headers, Last-Modified", async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const put = await s3.client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "a/article.html",
        Body: "<p>hello</p>",
        ContentType: "text/html; charset=utf-8",
        CacheControl: "no-cache",
        ContentDisposition: 'attachment; filename="a.html"',
        Metadata: { source: "wire", "published-at": "2025-01-02" },
      }),
    );
    expect(put.ETag).toBe(md5("<p>hello</p>"));
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "a/article.html" }));
    expect(head).toMatchObject({
      ETag: md5("<p>hello</p>"),
      ContentType: "text/html; charset=utf-8",
      ContentLength: 12,
      CacheControl: "no-cache",
      ContentDisposition: 'attachment; filename="a.html"',
      Metadata: { source: "wire", "published-at": "2025-01-02" },
    });
    expect(head.LastModified!.getTime()).toBeGreaterThanOrEqual(before);
    expect(head.LastModified!.getTime()).toBeLessThanOrEqual(Date.now());

    expect(changes.map((c) => [c.eventName, c.key, c.size, c.eTag])).toEqual([
      ["ObjectCreated:Put", "a/article.html", 12, md5("<p>hello</p>")],
    ]);
  });

  it("serves byte ranges and conditions as S3 does", async () => {
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "r/digits", Body: "0123456789" }));
    const range = async (Range: string) => {
      const res = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "r/digits", Range }));
      return [await res.Body!.transformToString(), res.ContentRange];
    };
    expect(await range("bytes=2-4")).toEqual(["234", "bytes 2-4/10"]);
    expect(await range("bytes=7-")).toEqual(["789", "bytes 7-9/10"]);
    expect(await range("bytes=-3")).toEqual(["789", "bytes 7-9/10"]);
    expect(await range("bytes=5-100")).toEqual(["56789", "bytes 5-9/10"]);
    await expect(range("bytes=10-")).rejects.toMatchObject({ $metadata: { httpStatusCode: 416 } });
    await expect(
      s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "r/digits", IfMatch: '"not-it"' })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
    await expect(
      s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "r/digits", IfNoneMatch: md5("0123456789") })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 304 } });
    await expect(s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "r/none" }))).rejects.toMatchObject({
      name: "NoSuchKey",
    });
    await expect(s3.client.send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "x" }))).rejects.toMatchObject({
      name: "NoSuchBucket",
    });
  });

  it("copies with the source's metadata, or with new metadata on REPLACE", async () => {
    await s3.client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "c/src",
        Body: "copied",
        ContentType: "text/plain",
        Metadata: { a: "1" },
      }),
    );
    const copied = await s3.client.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: "c/dst 1", CopySource: `${BUCKET}/c/src` }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(md5("copied"));
    await s3.client.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: "c/dst 2",
        CopySource: `${BUCKET}/c/src`,
        MetadataDirective: "REPLACE",
        ContentType: "text/markdown",
        Metadata: { b: "2" },
      }),
    );
    const one = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "c/dst 1" }));
    expect([await one.Body!.transformToString(), one.ContentType, one.Metadata]).toEqual([
      "copied",
      "text/plain",
      { a: "1" },
    ]);
    const two = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "c/dst 2" }));
    expect([two.ContentType, two.Metadata]).toEqual(["text/markdown", { b: "2" }]);
    expect(changes.map((c) => c.eventName)).toEqual(["ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:Copy"]);
  });

  it("assembles multipart uploads, invisible until complete, with S3's multipart ETag and part checks", async () => {
    const part1 = Buffer.alloc(5 * 1024 * 1024, "p");
    const part2 = Buffer.from("the end");
    const big = await createUpload(s3.client, BUCKET, "m/big.txt", "text/plain");
    const e1 = await uploadPart(s3.client, big, 1, part1);
    const e2 = await uploadPart(s3.client, big, 2, part2);
    await expect(s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "m/big.txt" }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    await expect(completeUpload(s3.client, big, ['"0123"', e2])).rejects.toMatchObject({ name: "InvalidPart" });
    const done = await completeUpload(s3.client, big, [e1, e2]);
    const expected = createHash("md5")
      .update(Buffer.concat([createHash("md5").update(part1).digest(), createHash("md5").update(part2).digest()]))
      .digest("hex");
    expect(done.ETag).toBe(`"${expected}-2"`);
    const got = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "m/big.txt" }));
    expect(got.ContentType).toBe("text/plain");
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([part1, part2]))).toBe(true);
    expect(changes.map((c) => [c.eventName, c.size])).toEqual([
      ["ObjectCreated:CompleteMultipartUpload", part1.length + part2.length],
    ]);

    const small = await createUpload(s3.client, BUCKET, "m/small.txt");
    const tiny = [await uploadPart(s3.client, small, 1, "tiny"), await uploadPart(s3.client, small, 2, "tiny")];
    await expect(completeUpload(s3.client, small, tiny)).rejects.toMatchObject({ name: "EntityTooSmall" });
  });
});

describe("listings", () => {
  const keys = [
    "l/a.txt",
    "l/b/1.txt",
    "l/b/2.txt",
    "l/b/c/3.txt",
    "l/b+c.txt",
    "l/b c.txt",
    "l/ü.txt",
    "l/\u{1F389}.txt",
    "l/\uFF5E.txt",
    "l/z/",
    "l/z/inner",
    ...Array.from({ length: 23 }, (_, i) => `l/many/${String(i).padStart(2, "0")}`),
  ];
  beforeAll(async () => {
    for (const Key of keys) await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }));
  });

  /** S3's answer, from first principles: UTF-8 byte order, prefix, roll-up at the delimiter, start-after. */
  function model(prefix: string, delimiter: string, startAfter: string): string[] {
    const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const entries: string[] = [];
    for (const key of [...keys].sort(byBytes)) {
      if (!key.startsWith(prefix) || byBytes(key, startAfter) <= 0) continue;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      const entry = cut < 0 ? key : key.slice(0, cut + delimiter.length);
      if (!entries.includes(entry)) entries.push(entry);
    }
    return entries;
  }

  async function pages(prefix: string, delimiter: string, startAfter: string, maxKeys: number) {
    const entries: string[] = [];
    let token: string | undefined;
    let count = 0;
    do {
      const page = await s3.client.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: prefix,
          Delimiter: delimiter || undefined,
          StartAfter: startAfter || undefined,
          ContinuationToken: token,
          MaxKeys: maxKeys,
        }),
      );
      const here = [...(page.Contents ?? []).map((o) => o.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!)];
      expect(page.KeyCount).toBe(here.length);
      expect(here.length).toBeLessThanOrEqual(maxKeys);
      entries.push(...here.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      if (++count > 100) throw new Error("listing does not end");
    } while (token);
    return entries;
  }

  it.each([
    ["l/", "", "", 1000],
    ["l/", "", "", 4],
    ["l/", "/", "", 1000],
    ["l/", "/", "", 1],
    ["l/", "/", "", 3],
    ["l/b", "/", "", 2],
    ["l/many/", "", "l/many/10", 5],
    ["l/", "/", "l/b/2.txt", 2],
    ["l/b/", "/", "", 1],
    ["l/", "z", "", 2],
    ["l/nothing", "", "", 5],
  ])(
    "prefix %j, delimiter %j, start-after %j, %i per page: S3's entries, each once",
    async (prefix, delimiter, after, max) => {
      expect(await pages(prefix, delimiter, after, max)).toEqual(model(prefix, delimiter, after));
    },
  );
});

describe("events under concurrency", () => {
  const folder = (name: string) => Array.from({ length: 60 }, (_, i) => `incoming/${name}/article-${i}.txt`);
  const putAll = (keys: string[]) =>
    Promise.all(keys.map((Key) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }))));

  it("60 keys of one folder put at once: 60 creations; deleted at once, twice over: 60 removals", async () => {
    const keys = folder("one-by-one");
    await putAll(keys);
    expect(
      changes
        .filter((c) => c.eventName === "ObjectCreated:Put")
        .map((c) => c.key)
        .sort(),
    ).toEqual([...keys].sort());
    changes = [];
    await Promise.all(
      [...keys, ...keys].map((Key) => s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }))),
    );
    expect(changes.every((c) => c.eventName === "ObjectRemoved:Delete")).toBe(true);
    expect(changes.map((c) => c.key).sort()).toEqual([...keys].sort());
    const left = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "incoming/one-by-one/" }));
    expect(left.KeyCount).toBe(0);
  });

  it("60 keys deleted by overlapping DeleteObjects batches at once: one removal each", async () => {
    const keys = folder("batches");
    await putAll(keys);
    changes = [];
    const batches = [keys.slice(0, 30), keys.slice(20, 50), keys.slice(40), keys.filter((_, i) => i % 3 === 0)];
    const results = await Promise.all(
      batches.map((batch) =>
        s3.client.send(
          new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: batch.map((Key) => ({ Key })) } }),
        ),
      ),
    );
    // S3 reports every key of a batch as deleted, whether or not this batch was the one that removed it.
    expect(results.map((r) => r.Deleted?.length)).toEqual(batches.map((b) => b.length));
    expect(changes.map((c) => c.key).sort()).toEqual([...keys].sort());
  });
});
