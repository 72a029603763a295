// Speaker counts are exact under any interleaving: many ingest handlers at once on one table, the same bytes
// under many keys, keys overwritten and deleted while their first upload is processed, every message delivered
// more than once — and afterwards `GET /speakers` equals a recount of the stored claims, nothing is left of
// articles that no longer exist, and every key still holding an object has its article.
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import type { SQSRecord } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { createIngestHandler, type IngestHandler } from "../../functions/ingest/create-ingest-handler.ts";
import { silentLog } from "../../functions/shared/logger.ts";
import { countMismatches, leftovers, listedSpeakers, tallyClaims } from "../support/speaker-tally.ts";
import {
  BUCKET,
  lambdaContext,
  type Notification,
  type Pipeline,
  PREFIX,
  recordingMetrics,
  seed,
  sqsEvent,
  sqsMessage,
  startPipeline,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();
const HANDLERS = 8;

/** Deterministic shuffles, so a failure can be replayed. */
function random(seedValue: number) {
  let s = seedValue >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const shuffle = <T>(items: T[], rnd: () => number) => {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

/** Handlers of their own (own clients) on the pipeline's table, as concurrent Lambda instances are. */
function handlersOn(p: Pipeline): IngestHandler[] {
  const { db, s3 } = emulators();
  return Array.from({ length: HANDLERS }, () =>
    createIngestHandler({
      s3: s3.newClient(),
      dynamo: db.newClient(),
      tableName: p.tableName,
      bucket: BUCKET,
      ingestPrefix: PREFIX,
      maxArticleBytes: 5 * 1024 * 1024,
      logger: silentLog,
      metrics: recordingMetrics(),
    }),
  );
}

/**
 * Delivers every notification `copies` times, all at once, each delivery to one of the handlers; a failed
 * message is delivered again (as the queue would after its visibility timeout) until none fails.
 */
async function deliverConcurrently(
  handlers: IngestHandler[],
  notices: Notification[],
  rnd: () => number,
  copies = 2,
): Promise<void> {
  let queue: SQSRecord[] = shuffle(
    notices.flatMap((n) => Array.from({ length: copies }, () => sqsMessage(n))),
    rnd,
  );
  for (let round = 1; queue.length > 0; round++) {
    if (round > 30) throw new Error(`${queue.length} messages still failing after 30 rounds`);
    const failed: SQSRecord[] = [];
    await Promise.all(
      queue.map(async (message, i) => {
        const handler = handlers[(i + round) % handlers.length]!;
        const res = await handler(sqsEvent(message), lambdaContext());
        if (res.batchItemFailures.length > 0) failed.push(message);
      }),
    );
    queue = failed;
    if (queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What must hold whatever the interleaving; returns the table's items for further checks. */
async function expectConsistent(p: Pipeline, keys: string[]) {
  const items = await p.snapshot();
  expect(countMismatches(await listedSpeakers(p.store), tallyClaims(items))).toEqual([]);
  expect(leftovers(items)).toEqual([]);
  // Every key that still holds an object has its article, PROCESSED, listing that key; no other article exists.
  const holding = new Map<string, string[]>();
  for (const key of keys) {
    const head = await p.s3Client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).catch(() => null);
    if (!head) {
      expect(await p.store.findArticleIdBySource({ bucket: BUCKET, key }), key).toBeNull();
      continue;
    }
    const id = await p.store.findArticleIdBySource({ bucket: BUCKET, key });
    expect(id, `the article of ${key}`).not.toBeNull();
    holding.set(id!, [...(holding.get(id!) ?? []), key]);
  }
  const articles = items.filter((i) => i.sk === "#ARTICLE");
  expect(articles.map((a) => a.id).sort()).toEqual([...holding.keys()].sort());
  for (const [id, held] of holding) {
    const article = await p.store.getArticle(id);
    expect(article?.status, id).toBe("PROCESSED");
    expect(article!.sources.map((s) => s.key).sort()).toEqual(held.sort());
    const claims = items.filter((i) => i.type === "claim" && i.pk === `ARTICLE#${id}`);
    expect(claims).toHaveLength(article!.claimCount);
  }
  return items;
}

const X = seed("dev-01.txt");
const Y = seed("dev-02.html");
const Z = seed("up-2025-07-07-coalition-rome.txt");
const idOf = (bytes: Uint8Array) => articleIdFor(contentHashOf(bytes));

describe("the same bytes under many keys at once", () => {
  it.each([5, 10, 60])("%i keys: one article, each speaker counted once", async (n) => {
    const p = await startPipeline(emulators());
    const keys = Array.from({ length: n }, (_, i) => `${PREFIX}same-${n}/copy-${i}.txt`);
    const notices = await Promise.all(keys.map((key) => p.upload(key, X)));
    await deliverConcurrently(handlersOn(p), notices, random(n));
    const items = await expectConsistent(p, keys);
    expect(items.filter((i) => i.sk === "#ARTICLE").map((i) => i.id)).toEqual([idOf(X)]);
    expect((await listedSpeakers(p.store)).get("volodymyr zelensky")).toEqual({ claimCount: 11, articleCount: 1 });
  });
});

describe("overwrites and deletions while the first uploads are processed", () => {
  it.each([1, 2, 3])("round %i: the counts equal a recount and nothing of a gone article is left", async (round) => {
    const rnd = random(round * 7919);
    const p = await startPipeline(emulators());
    const keys = Array.from({ length: 10 }, (_, i) => `${PREFIX}mix-${round}/k${i}.txt`);
    const contents = [X, Y, Z];
    const handlers = handlersOn(p);
    // Every key gets X; while those are processed, some keys get other content, some are deleted, some both.
    const created = await Promise.all(keys.map((key) => p.upload(key, X)));
    const deliveries: Promise<void>[] = [deliverConcurrently(handlers, created, rnd, 2)];
    const changes = (async () => {
      for (const key of shuffle(keys, rnd).slice(0, 7)) {
        await new Promise((resolve) => setTimeout(resolve, rnd() * 150));
        const r = rnd();
        const notices: Notification[] = [];
        if (r < 0.4) notices.push(await p.upload(key, contents[1 + Math.floor(rnd() * 2)]!));
        else if (r < 0.8) notices.push(await p.remove(key));
        else {
          notices.push(await p.upload(key, contents[Math.floor(rnd() * 3)]!));
          notices.push(await p.remove(key));
        }
        deliveries.push(deliverConcurrently(handlers, notices, rnd, 2));
      }
    })();
    await changes;
    await Promise.all(deliveries);
    await expectConsistent(p, keys);
  });

  it("every key deleted while it is processed: no article, no speaker, nothing left", async () => {
    const p = await startPipeline(emulators());
    const keys = Array.from({ length: 10 }, (_, i) => `${PREFIX}gone/k${i}.txt`);
    const handlers = handlersOn(p);
    const created = await Promise.all(keys.map((key, i) => p.upload(key, [X, Y, Z][i % 3]!)));
    const processing = deliverConcurrently(handlers, created, random(41), 2);
    const removed: Notification[] = [];
    // One after the other (the local S3 stand-in fails concurrent deletions in one folder), while processing.
    for (const key of keys) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      removed.push(await p.remove(key));
    }
    await Promise.all([processing, deliverConcurrently(handlers, removed, random(42), 3)]);
    const items = await expectConsistent(p, keys);
    expect(items).toEqual([]);
    expect((await p.store.listSpeakers({ limit: 10 })).items).toEqual([]);
  });

  it("deleting an article's keys after it was processed, concurrently with a re-upload of another key", async () => {
    const p = await startPipeline(emulators());
    const keys = Array.from({ length: 6 }, (_, i) => `${PREFIX}late/k${i}.txt`);
    await deliverConcurrently(handlersOn(p), await Promise.all(keys.map((k) => p.upload(k, Z))), random(5), 1);
    const removals: Notification[] = [];
    for (const key of keys.slice(0, 5)) removals.push(await p.remove(key));
    const again = await p.upload(keys[5]!, Z);
    await deliverConcurrently(handlersOn(p), [...removals, again], random(6), 2);
    await expectConsistent(p, keys);
    expect((await listedSpeakers(p.store)).get("volodymyr zelensky")).toEqual({ claimCount: 8, articleCount: 1 });
  });
});
