// Every upload ends in exactly one article with exactly its claims, however often and in whatever order its
// notifications arrive: duplicate deliveries, the same file uploaded twice, the same content under two keys, a
// key overwritten, objects removed (also out of order), and an article submitted through the API.
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import type { APIGatewayProxyResult } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { createApiHandler } from "../../functions/api/create-api-handler.ts";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { silentLog } from "../../functions/shared/logger.ts";
import { restEvent } from "../support/rest-event.ts";
import {
  articleIdAt,
  BUCKET,
  encodeKey,
  lambdaContext,
  nextSequencer,
  notification,
  seed,
  sqsEvent,
  sqsMessage,
  startPipeline,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();

/** Attributes that hold when, how often or by which event something was written, not what was written. */
const VOLATILE = ["receivedAt", "updatedAt", "processedAt", "addedAt", "version", "sequencer"];
const idOf = (bytes: Uint8Array) => articleIdFor(contentHashOf(bytes));

describe("duplicates", () => {
  it("the same event delivered twice: one article; the duplicate is answered without reading the object", async () => {
    const p = await startPipeline(emulators());
    const notice = await p.upload("incoming/dup/dev-01.txt", seed("dev-01.txt"));
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const once = await p.snapshot();
    p.s3Calls.reset();

    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    expect(p.s3Calls.calls).toEqual([]);
    expect(await p.snapshot()).toEqual(once);
    const logs = p.logs.filter((l) => l.message === "article processed");
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ duplicateOf: "an event already handled", articleId: idOf(seed("dev-01.txt")) });
    // Counted once.
    expect(p.metrics.totals().ArticlesProcessed).toBe(1);
  });

  it("the same event twice in one batch: one is handled, the other retried and then answered", async () => {
    const p = await startPipeline(emulators());
    const notice = await p.upload("incoming/dup/dev-02.html", seed("dev-02.html"));
    const [a, b] = [sqsMessage(notice), sqsMessage(notice)];
    const first = await p.handler(sqsEvent(a, b), lambdaContext());
    // Processed in parallel: the second finds the first in progress and is retried, unless it came after.
    expect(first.batchItemFailures.length).toBeLessThanOrEqual(1);
    const retried = [a, b].filter((m) => first.batchItemFailures.some((f) => f.itemIdentifier === m.messageId));
    if (retried.length)
      expect(await p.handler(sqsEvent(...retried), lambdaContext())).toEqual({ batchItemFailures: [] });

    const id = idOf(seed("dev-02.html"));
    const expected = extract({ bytes: seed("dev-02.html"), fileName: "dev-02.html" });
    expect(await p.store.getArticle(id)).toMatchObject({ status: "PROCESSED", claimCount: expected.claims.length });
    expect(p.metrics.totals().ArticlesProcessed).toBe(1);
  });

  it("the same file uploaded twice to the same key: processed again, the table unchanged", async () => {
    const p = await startPipeline(emulators());
    const bytes = seed("dev-03.md");
    expect(await p.deliver(await p.upload("incoming/dup/notes.md", bytes))).toEqual({ batchItemFailures: [] });
    const once = await p.snapshot(VOLATILE);
    expect(await p.deliver(await p.upload("incoming/dup/notes.md", bytes))).toEqual({ batchItemFailures: [] });
    expect(await p.snapshot(VOLATILE)).toEqual(once);
  });
});

describe("keys and contents", () => {
  it("the same content under two keys is one article listing both; removing both removes it", async () => {
    const p = await startPipeline(emulators());
    const bytes = seed("dev-05.txt");
    const id = idOf(bytes);
    await p.deliver(await p.upload("incoming/twice/a.txt", bytes));
    const single = await p.snapshot(VOLATILE);
    await p.deliver(await p.upload("incoming/twice/b.txt", bytes));

    const article = await p.store.getArticle(id);
    // (Listed in the order recorded; the test clock gives both the same time.)
    expect(article?.sources.map((s) => s.key).sort()).toEqual(["incoming/twice/a.txt", "incoming/twice/b.txt"]);
    // Claims and speaker counts once: only the second source's items were added.
    const both = await p.snapshot(VOLATILE);
    const added = both.filter((i) => !single.some((s) => s.pk === i.pk && s.sk === i.sk));
    expect(added.map((i) => i.type).sort()).toEqual(["source", "source-listing"]);

    expect(await p.deliver(await p.remove("incoming/twice/a.txt"))).toEqual({ batchItemFailures: [] });
    expect((await p.store.getArticle(id))?.sources).toEqual([{ bucket: BUCKET, key: "incoming/twice/b.txt" }]);
    expect(await p.deliver(await p.remove("incoming/twice/b.txt", "s3-object-removed-delete-marker.json"))).toEqual({
      batchItemFailures: [],
    });
    expect(await p.snapshot()).toEqual([]);
    expect(p.metrics.totals().ArticlesRemoved).toBe(1);
  });

  it("a key overwritten with new content gets the new claims; the old article stays as its earlier version", async () => {
    const p = await startPipeline(emulators());
    const [oldBytes, newBytes] = [seed("dev-05.txt"), seed("dev-06.txt")];
    await p.deliver(await p.upload("incoming/overwrite.txt", oldBytes));
    expect((await p.store.getArticle(idOf(oldBytes)))?.status).toBe("PROCESSED");

    expect(await p.deliver(await p.upload("incoming/overwrite.txt", newBytes))).toEqual({ batchItemFailures: [] });
    expect(await p.store.getArticle(idOf(oldBytes))).toMatchObject({ supersededBy: idOf(newBytes), sources: [] });
    expect(await articleIdAt(p, "incoming/overwrite.txt")).toBe(idOf(newBytes));

    // Exactly what uploading only the new content leaves, besides the earlier version and the key's history.
    const fresh = await startPipeline(emulators());
    await fresh.deliver(await fresh.upload("incoming/overwrite-fresh.txt", newBytes));
    const strip = (items: Record<string, unknown>[]) =>
      JSON.parse(JSON.stringify(items).replaceAll("incoming/overwrite-fresh.txt", "incoming/overwrite.txt"));
    const withoutSourceIds = (items: Record<string, unknown>[]) =>
      items
        .filter((i) => i.type !== "source" && i.type !== "source-listing" && i.type !== "version")
        .filter((i) => i.pk !== `ARTICLE#${idOf(oldBytes)}`)
        .map(({ chain: _chain, ...rest }) => rest);
    expect(withoutSourceIds(await p.snapshot(VOLATILE))).toEqual(
      strip(withoutSourceIds(await fresh.snapshot(VOLATILE))),
    );
  });

  it("overwrite events out of order: the older event finds newer content and leaves it to its own event", async () => {
    const p = await startPipeline(emulators());
    const [oldBytes, newBytes] = [seed("dev-01.txt"), seed("dev-04.json")];
    const older = await p.upload("incoming/race.txt", oldBytes);
    const newer = await p.upload("incoming/race.txt", newBytes);
    expect(await p.deliver(newer)).toEqual({ batchItemFailures: [] });
    expect(await p.deliver(older)).toEqual({ batchItemFailures: [] });
    expect(await articleIdAt(p, "incoming/race.txt")).toBe(idOf(newBytes));
    expect(await p.store.getArticle(idOf(oldBytes))).toBeNull();
    expect(p.logs).toContainEqual(
      expect.objectContaining({
        message: "event ignored",
        reason: "the object was overwritten since this event; the newer event reads it",
      }),
    );
  });

  it("deleted, then the same bytes uploaded again: the article comes back", async () => {
    const p = await startPipeline(emulators());
    const bytes = seed("dev-06.txt");
    await p.deliver(await p.upload("incoming/again.txt", bytes));
    await p.deliver(await p.remove("incoming/again.txt"));
    expect(await p.store.getArticle(idOf(bytes))).toBeNull();
    expect(await p.deliver(await p.upload("incoming/again.txt", bytes))).toEqual({ batchItemFailures: [] });
    expect((await p.store.getArticle(idOf(bytes)))?.status).toBe("PROCESSED");
  });

  it("a removal that arrives after a newer upload to the key leaves the newer article alone", async () => {
    const p = await startPipeline(emulators());
    const [first, second] = [seed("dev-01.txt"), seed("dev-03.md")];
    await p.deliver(await p.upload("incoming/late-delete.md", first));
    const removal = await p.remove("incoming/late-delete.md");
    const upload = await p.upload("incoming/late-delete.md", second);
    expect(await p.deliver(upload)).toEqual({ batchItemFailures: [] });
    expect(await p.deliver(removal)).toEqual({ batchItemFailures: [] });
    expect(await articleIdAt(p, "incoming/late-delete.md")).toBe(idOf(second));
    expect((await p.store.getArticle(idOf(second)))?.status).toBe("PROCESSED");
    expect(await p.store.getArticle(idOf(first))).toMatchObject({ supersededBy: idOf(second) });
  });

  it("a removal of an object the store never knew changes nothing", async () => {
    const p = await startPipeline(emulators());
    await p.upload("incoming/unknown.txt", "never ingested");
    expect(await p.deliver(await p.remove("incoming/unknown.txt"))).toEqual({ batchItemFailures: [] });
    expect(await p.snapshot()).toEqual([]);
    expect(p.logs).toContainEqual(expect.objectContaining({ message: "source removed", articleId: null }));
  });
});

describe("POST /articles", () => {
  it("the article the API stored is the one the pipeline records and completes", async () => {
    const p = await startPipeline(emulators());
    const api = createApiHandler({
      dynamo: emulators().db.client,
      // The API signs its own S3 requests (no SDK client): the local S3's endpoint and key pair.
      s3: {
        endpoint: emulators().s3.endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      },
      tableName: p.tableName,
      bucket: BUCKET,
      ingestPrefix: "incoming/",
      maxArticleBytes: 5 * 1024 * 1024,
      corsAllowOrigin: "*",
      logger: silentLog,
    });
    const bytes = seed("dev-05.txt");
    const posted = (await api(
      restEvent({
        method: "POST",
        path: "/articles",
        headers: { "content-type": "text/plain" },
        body: bytes.toString("utf8"),
      }),
      lambdaContext(),
    )) as APIGatewayProxyResult;
    expect(posted.statusCode).toBe(202);
    const { id, source } = JSON.parse(posted.body) as { id: string; source: { key: string } };
    // The API only stored the object: the pipeline records the article when the notification arrives.
    expect(await p.store.getArticle(id)).toBeNull();

    // The notification for the object the API stored.
    const head = await emulators().s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: source.key }));
    const notice = notification("s3-object-created-put.json", {
      key: encodeKey(source.key),
      size: head.ContentLength!,
      eTag: head.ETag!.replaceAll('"', ""),
      sequencer: nextSequencer(),
    });
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const article = await p.store.getArticle(id);
    const expected = extract({ bytes, fileName: "article.txt" });
    expect(article).toMatchObject({ status: "PROCESSED", claimCount: expected.claims.length });
    expect(article?.sources).toEqual([{ bucket: BUCKET, key: source.key }]);
    expect(expected.claims.length).toBeGreaterThan(0);
  });
});
