// `npm start` pointed at S3 and DynamoDB it did not start (as with MinIO, LocalStack or DynamoDB Local): here an
// a local S3 and a dynalite of the test's own, reached only by URL. The stack creates the bucket and the table from
// the table design, finds uploads and deletions by listing the bucket (such an S3 sends it no events) — also
// those made while it was stopped — and runs them through the same queue and handlers; what keeps failing ends
// in the dead-letter list.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, HeadBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { expectedExtraction, seedFiles } from "./support/articles.ts";
import { apiClient, putObject } from "./support/clients.ts";
import { type StackProcess, startStack } from "./support/stack-process.ts";

const BUCKET = "claimtrack-external";
const TABLE = "claimtrack-external";

describe("npm start against external S3 and DynamoDB endpoints", () => {
  let home: string;
  let s3: RunningLocalS3;
  let dynamo: RunningDynalite;
  let stack: StackProcess | undefined;
  const env = () => ({
    CLAIMTRACK_S3: s3.endpoint,
    CLAIMTRACK_DYNAMODB: dynamo.endpoint,
    CLAIMTRACK_SEEDS: "none",
    CLAIMTRACK_POLL_SECONDS: "0.3",
    CLAIMTRACK_VISIBILITY_TIMEOUT_SECONDS: "5",
    BUCKET_NAME: BUCKET,
    TABLE_NAME: TABLE,
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "claimtrack-external-"));
    s3 = await startLocalS3({ buckets: [] });
    dynamo = await startDynalite();
  }, 60_000);
  afterAll(async () => {
    await stack?.stop("SIGKILL");
    await Promise.all([s3?.stop(), dynamo?.stop()]);
    rmSync(home, { recursive: true, force: true });
  });

  it("creates the bucket and the table, ingests uploads and deletions it finds by listing, also across a stop", {
    timeout: 300_000,
  }, async () => {
    const [a, b, c] = seedFiles();
    stack = await startStack(home, env());
    expect(stack.endpoints).toMatchObject({ s3: s3.endpoint, dynamodb: dynamo.endpoint, bucket: BUCKET, table: TABLE });
    await s3.client.send(new HeadBucketCommand({ Bucket: BUCKET }));
    const api = apiClient(stack.endpoints);

    await putObject(s3.client, stack.endpoints, `incoming/${a!.name}`, a!.bytes, a!.contentType);
    await putObject(s3.client, stack.endpoints, `incoming/${b!.name}`, b!.bytes, b!.contentType);
    // Outside the ingest prefix: not an article.
    await putObject(s3.client, stack.endpoints, `elsewhere/${c!.name}`, c!.bytes, c!.contentType);
    for (const f of [a!, b!]) {
      expect((await api.settled(f.id)).claimCount).toBe(expectedExtraction(f).claims.length);
    }
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `incoming/${a!.name}` }));
    await api.gone(a!.id);

    expect(await stack.stop("SIGTERM")).toBe(0);
    // While the stack is down: one upload, one deletion.
    await putObject(s3.client, stack.endpoints, `incoming/later/${c!.name}`, c!.bytes, c!.contentType);
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `incoming/${b!.name}` }));

    stack = await startStack(home, env());
    expect(stack.output()).toContain("Queued 2 change(s) to incoming/ made while the stack was stopped.");
    const again = apiClient(stack.endpoints);
    const later = await again.settled(c!.id);
    expect(later.status).toBe("PROCESSED");
    expect(later.sources).toEqual([{ bucket: BUCKET, key: `incoming/later/${c!.name}` }]);
    await again.gone(b!.id);
    expect((await again.articles()).map((x) => x.id)).toEqual([c!.id]);
  });

  it("dead-letters an upload that keeps failing (DynamoDB unreachable) after three deliveries, naming the object", {
    timeout: 180_000,
  }, async () => {
    const [, , , d] = seedFiles();
    // Only once the queue is idle (its journal empty), so nothing else is caught by the outage.
    const journal = join(home, "queue", "ingest.jsonl");
    while (readFileSync(journal, "utf8") !== "") await new Promise((resolve) => setTimeout(resolve, 100));
    await dynamo.stop();
    await putObject(s3.client, stack!.endpoints, `incoming/doomed/${d!.name}`, d!.bytes, d!.contentType);
    const deadLetters = join(home, "queue", "dead-letter.jsonl");
    const logged = `dead-lettered after 3 deliveries: s3://${BUCKET}/incoming/doomed/${d!.name} → ${deadLetters}`;
    const deadline = Date.now() + 150_000;
    // The stack writes the file before it logs, and its output reaches us through a pipe: wait for both.
    while (!existsSync(deadLetters) || !stack!.output().includes(logged)) {
      if (Date.now() > deadline) throw new Error(`no dead letter both written and logged:\n${stack!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [entry, ...more] = readFileSync(deadLetters, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      objects: [{ bucket: BUCKET, key: `incoming/doomed/${d!.name}`, eventName: "ObjectCreated:Put" }],
      receiveCount: 3,
    });
    expect(entry.lastError).toEqual(expect.any(String));
    expect(stack!.output()).toContain(logged);
  });
});
