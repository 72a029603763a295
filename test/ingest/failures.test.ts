// Whatever is uploaded and whatever fails, nothing is lost: permanent problems become FAILED articles with a
// reason a person can act on (the message is acknowledged), transient ones are reported for retry — record by
// record, so one bad article never fails its batch-mates — and what keeps failing would reach the dead-letter
// queue carrying its bucket and key.
import { describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { unreadContentHash } from "../../functions/ingest/ingest-object.ts";
import { IngestMessageBody } from "../../functions/schemas/s3-notification.ts";
import { toObjectMetadata } from "../../functions/shared/object-metadata.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { failAfter } from "../support/sdk-spy.ts";
import { throttleKey, unreachableKey } from "./faults.ts";
import {
  articleIdAt,
  BUCKET,
  fixture,
  lambdaContext,
  notification,
  seed,
  sqsEvent,
  sqsMessage,
  startPipeline,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();

const text = (s: string) => new TextEncoder().encode(s);

describe("permanent problems: a FAILED article that says why, and the message acknowledged", () => {
  const CASES: [string, string, Uint8Array, string | undefined, string, RegExp][] = [
    ["an empty file", "incoming/bad/empty.txt", new Uint8Array(0), undefined, "EMPTY", /empty/],
    ["a PDF", "incoming/bad/report.txt", text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), undefined, "BINARY", /PDF/],
    [
      "a PNG",
      "incoming/bad/photo",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      undefined,
      "BINARY",
      /PNG/,
    ],
    [
      "a type that is no article",
      "incoming/bad/table",
      text("a,b\n1,2\n"),
      "text/csv",
      "UNSUPPORTED_TYPE",
      /text\/csv/,
    ],
    ["an .rtf file", "incoming/bad/letter.rtf", text("{\\rtf1 hello}"), undefined, "UNSUPPORTED_TYPE", /\.rtf/],
    [
      "an unknown charset",
      "incoming/bad/latin.txt",
      new Uint8Array([...text("Some text "), 0xe9, 0x20, 0x61]),
      "text/plain; charset=x-made-up",
      "UNDECODABLE",
      /encoding/,
    ],
    ["invalid JSON", "incoming/bad/story.json", text('{"title": "x", body: }'), undefined, "MALFORMED", /JSON/],
    [
      "a page that is all furniture",
      "incoming/bad/furniture.txt",
      text("Share this article\n\nSubscribe to our newsletter\n\n© 2025 Example News\n"),
      undefined,
      "NO_TEXT",
      /no article text/,
    ],
    [
      "text without claims",
      "incoming/bad/questions.txt",
      text("Recipes for the weekend\n\nWhat will you cook?\n\nWhy not pancakes?\n"),
      undefined,
      "NO_CLAIMS",
      /no claims/,
    ],
  ];

  it.each(CASES)("%s", async (_what, key, bytes, contentType, code, message) => {
    const p = await startPipeline(emulators());
    const notice = await p.upload(key, bytes, {
      contentType,
      metadata: toObjectMetadata({ title: "Uploaded by the night desk" }),
    });
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });

    const id = articleIdFor(contentHashOf(bytes));
    expect(await articleIdAt(p, key)).toBe(id);
    const article = await p.store.getArticle(id);
    expect(article).toMatchObject({
      status: "FAILED",
      claimCount: 0,
      sources: [{ bucket: BUCKET, key }],
      // The uploader's metadata shows which upload failed.
      metadata: { title: "Uploaded by the night desk" },
    });
    expect(article?.failureReason).toMatch(new RegExp(`^${code}: `));
    expect(article?.failureReason).toMatch(message);
    expect(article?.failureReason).not.toContain("\n");
    expect((await p.store.listArticleClaims(id, { limit: 10 }))?.items).toEqual([]);
    expect(p.logs).toContainEqual(expect.objectContaining({ level: "warn", message: "article failed", code, key }));
    expect(p.metrics.totals()).toEqual({ ArticlesFailed: 1 });
  });

  it("an object over the size limit is refused from its size: HEAD only, its body never downloaded", async () => {
    const p = await startPipeline(emulators(), { maxArticleBytes: 1000 });
    const bytes = seed("dev-01.txt");
    const notice = await p.upload("incoming/big/dev-01.txt", bytes);
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    // The second HEAD checks, once the article is recorded, that the object was not deleted meanwhile.
    expect(p.s3Calls.calls).toEqual(["HeadObjectCommand", "HeadObjectCommand"]);

    const { eTag } = notice.Records[0]!.s3.object;
    const id = articleIdFor(unreadContentHash({ eTag: eTag!, size: bytes.length }));
    const article = await p.store.getArticle(id);
    expect(article).toMatchObject({ status: "FAILED", sources: [{ bucket: BUCKET, key: "incoming/big/dev-01.txt" }] });
    expect(article?.failureReason).toBe(
      `TOO_LARGE: the file is ${bytes.length} bytes, over the 1000-byte limit; split it or upload the article's text only`,
    );

    // The same upload under a second key is the same (failed) article, listing both keys.
    expect(await p.deliver(await p.upload("incoming/big/again.txt", bytes))).toEqual({ batchItemFailures: [] });
    expect((await p.store.getArticle(id))?.sources.map((s) => s.key).sort()).toEqual([
      "incoming/big/again.txt",
      "incoming/big/dev-01.txt",
    ]);
  });

  it("without a size in the notification, the GET's Content-Length refuses it", async () => {
    const p = await startPipeline(emulators(), { maxArticleBytes: 1000 });
    await p.upload("incoming/copied article.txt", seed("dev-01.txt"));
    expect(await p.deliver(fixture("s3rver-object-created-copy.json"))).toEqual({ batchItemFailures: [] });
    expect(p.s3Calls.calls).toEqual(["GetObjectCommand", "HeadObjectCommand"]);
    const article = await p.store.getArticle((await articleIdAt(p, "incoming/copied article.txt"))!);
    expect(article?.failureReason).toMatch(/^TOO_LARGE: /);
  });

  it("an article deleted while it was processed is left deleted", async () => {
    const p = await startPipeline(emulators(), ({ tableName, dynamoClient }) => {
      const real = createDynamoClaimStore({ client: dynamoClient, tableName });
      const racing: ClaimStore = {
        ...real,
        async completeArticle(extraction) {
          await real.deleteArticle(extraction.article.id); // DELETE /articles/{id} got there first
          return real.completeArticle(extraction);
        },
      };
      return { store: racing };
    });
    expect(await p.deliver(await p.upload("incoming/raced.txt", seed("dev-06.txt")))).toEqual({
      batchItemFailures: [],
    });
    expect(await p.snapshot()).toEqual([]);
    expect(p.logs).toContainEqual(
      expect.objectContaining({
        message: "event ignored",
        reason: "the article was deleted while it was being processed",
      }),
    );
  });
});

describe("messages that are not S3 notifications", () => {
  it("are reported for retry (then the dead-letter queue), logged, and never fail their batch-mates", async () => {
    const p = await startPipeline(emulators());
    const good = sqsMessage(await p.upload("incoming/amid-junk.txt", seed("dev-06.txt")));
    const notJson = sqsMessage("this is not JSON");
    const notS3 = sqsMessage({ hello: "world" });
    const badKey = sqsMessage(notification("s3-object-created-put.json", { key: "incoming/%E0%A4%A.txt" }));
    const response = await p.handler(sqsEvent(notJson, good, notS3, badKey), lambdaContext());

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [notJson.messageId, notS3.messageId, badKey.messageId].sort(),
    );
    expect((await p.store.getArticle((await articleIdAt(p, "incoming/amid-junk.txt"))!))?.status).toBe("PROCESSED");
    const errors = p.logs.filter((l) => l.level === "error");
    expect(errors.map((e) => e.messageId).sort()).toEqual(
      response.batchItemFailures.map((f) => f.itemIdentifier).sort(),
    );
    expect(errors.find((e) => e.messageId === badKey.messageId)?.error).toMatchObject({
      name: "MalformedMessageError",
    });
    expect(errors.find((e) => e.messageId === notJson.messageId)?.body).toBe("this is not JSON");
  });
});

describe("transient problems are retried", () => {
  it("a batch of good, bad and transiently failing records reports exactly the transient ones", async () => {
    const p = await startPipeline(emulators());
    const good = sqsMessage(await p.upload("incoming/mixed/good.txt", seed("dev-01.txt")));
    const bad = sqsMessage(await p.upload("incoming/mixed/empty.txt", ""));
    const unreachable = sqsMessage(await p.upload("incoming/mixed/unreachable.txt", seed("dev-05.txt")));
    const throttled = sqsMessage(await p.upload("incoming/mixed/throttled.md", seed("dev-03.md")));
    const test = sqsMessage(fixture("s3-test-event.json"));
    const network = await unreachableKey(p.s3Client, "incoming/mixed/unreachable.txt");
    const throttle = throttleKey(p.s3Client, "incoming/mixed/throttled.md");

    const first = await p.handler(sqsEvent(good, bad, unreachable, test, throttled), lambdaContext());
    expect(first.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [unreachable.messageId, throttled.messageId].sort(),
    );
    expect(network.hits).toBeGreaterThan(0);
    expect(throttle.hits).toBeGreaterThan(0);
    expect((await p.store.getArticle((await articleIdAt(p, "incoming/mixed/good.txt"))!))?.status).toBe("PROCESSED");
    expect((await p.store.getArticle((await articleIdAt(p, "incoming/mixed/empty.txt"))!))?.status).toBe("FAILED");
    // Nothing was read, so nothing was recorded for them yet: the retry records them.
    expect(await articleIdAt(p, "incoming/mixed/unreachable.txt")).toBeNull();
    expect(p.logs.filter((l) => l.level === "error").map((l) => [l.key, l.receiveCount])).toEqual(
      expect.arrayContaining([
        ["incoming/mixed/unreachable.txt", 1],
        ["incoming/mixed/throttled.md", 1],
      ]),
    );
    expect(p.metrics.totals()).toMatchObject({ ArticlesProcessed: 1, ArticlesFailed: 1, MessagesRetried: 2 });

    network.heal();
    throttle.heal();
    const retry = await p.handler(
      sqsEvent({ ...unreachable, attributes: { ...unreachable.attributes, ApproximateReceiveCount: "2" } }, throttled),
      lambdaContext(),
    );
    expect(retry).toEqual({ batchItemFailures: [] });
    for (const key of ["incoming/mixed/unreachable.txt", "incoming/mixed/throttled.md"]) {
      expect((await p.store.getArticle((await articleIdAt(p, key))!))?.status).toBe("PROCESSED");
    }
  });

  it("DynamoDB failing mid-write leaves the article PENDING; the redelivery completes it", async () => {
    const p = await startPipeline(emulators());
    const bytes = seed("dev-04.json");
    const notice = await p.upload("incoming/store-trouble.json", bytes);
    const outage = failAfter(p.dynamoClient, "BatchWriteItemCommand", 0);
    const first = await p.deliver(notice);
    expect(first.batchItemFailures).toHaveLength(1);
    const id = articleIdFor(contentHashOf(bytes));
    expect((await p.store.getArticle(id))?.status).toBe("PENDING");

    outage.heal();
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const expected = extract({ bytes, fileName: "store-trouble.json" });
    expect(await p.store.getArticle(id)).toMatchObject({ status: "PROCESSED", claimCount: expected.claims.length });
  });

  it("an unexpected extractor error is retried (the article stays PENDING), not recorded as the article's fault", async () => {
    let calls = 0;
    const p = await startPipeline(emulators(), {
      extract: (input, options) => {
        if (++calls === 1) throw new TypeError("inheritedCue is not defined");
        return extract(input, options);
      },
    });
    const bytes = seed("dev-02.html");
    const notice = await p.upload("incoming/bug.html", bytes);
    expect((await p.deliver(notice)).batchItemFailures).toHaveLength(1);
    const id = articleIdFor(contentHashOf(bytes));
    expect(await p.store.getArticle(id)).toMatchObject({ status: "PENDING", failureReason: null });
    expect(p.logs).toContainEqual(
      expect.objectContaining({ level: "error", key: "incoming/bug.html", error: expect.any(TypeError) }),
    );
    // After the fix, a redrive of the dead-letter queue completes it.
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    expect((await p.store.getArticle(id))?.status).toBe("PROCESSED");
  });

  it("a record failing on every receive is reported each time; what SQS dead-letters carries bucket and key", async () => {
    const MAX_RECEIVE_COUNT = 3; // the redrive policy
    const p = await startPipeline(emulators());
    const key = "incoming/always throttled/dev 06.txt";
    const notice = await p.upload(key, seed("dev-06.txt"));
    throttleKey(p.s3Client, key);
    const message = sqsMessage(notice);

    for (let receive = 1; receive <= MAX_RECEIVE_COUNT; receive++) {
      const delivery = { ...message, attributes: { ...message.attributes, ApproximateReceiveCount: String(receive) } };
      const response = await p.handler(sqsEvent(delivery), lambdaContext());
      // Reported as failed: SQS keeps the message and counts the receive; after the last, it moves it as it is.
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
      expect(p.logs.at(-1)).toMatchObject({
        level: "error",
        message: "the message will be retried",
        receiveCount: receive,
        bucket: BUCKET,
        key,
        error: expect.objectContaining({ name: "SlowDown" }),
      });
    }
    // The dead-lettered message is the original: whoever redrives or inspects it finds the object.
    const body = IngestMessageBody.parse(JSON.parse(message.body));
    expect("Records" in body && body.Records[0]!.s3).toMatchObject({
      bucket: { name: BUCKET },
      object: { key: "incoming%2Falways+throttled%2Fdev+06.txt" },
    });
    expect(await articleIdAt(p, key)).toBeNull();
    expect(p.metrics.totals()).toEqual({ MessagesRetried: MAX_RECEIVE_COUNT });
  });
});
