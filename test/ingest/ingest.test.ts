// Uploads that are articles end as PROCESSED articles with their claims: the handler is driven with SQS events
// wrapping S3 notification records, against the local S3 and dynalite. Also: object metadata, the reader chosen by
// content type or extension, URL-encoded keys, and the notifications that are acknowledged without work.
import { describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { toObjectMetadata } from "../../functions/shared/object-metadata.ts";
import { notificationFor, type ObjectChange } from "../../local/s3-notifications.ts";
import {
  articleIdAt,
  BUCKET,
  encodeKey,
  fixture,
  nextSequencer,
  notification,
  seed,
  startPipeline,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();

const COALITION = "up-2025-07-07-coalition-rome.txt";

describe("an uploaded article", () => {
  it("ends PROCESSED with exactly the extractor's claims, logged and counted", async () => {
    const p = await startPipeline(emulators());
    const bytes = seed(COALITION);
    const key = "incoming/coalition-rome.txt";
    const response = await p.deliver(await p.upload(key, bytes));

    expect(response).toEqual({ batchItemFailures: [] });
    const expected = extract({ bytes, fileName: "coalition-rome.txt" });
    const id = articleIdFor(contentHashOf(bytes));
    expect(await articleIdAt(p, key)).toBe(id);
    const article = await p.store.getArticle(id);
    expect(article).toMatchObject({
      status: "PROCESSED",
      failureReason: null,
      claimCount: expected.claims.length,
      sources: [{ bucket: BUCKET, key }],
      metadata: { title: expected.article.title, format: "text" },
    });
    const claims = await p.store.listArticleClaims(id, { limit: 200 });
    expect(claims?.items.map((c) => [c.id, c.text])).toEqual(expected.claims.map((c) => [c.id, c.text]));
    expect(expected.claims.length).toBeGreaterThan(5);

    const log = p.logs.find((l) => l.message === "article processed");
    expect(log).toMatchObject({ level: "info", articleId: id, key, claimCount: expected.claims.length });
    expect(log?.durationMs).toEqual(expect.any(Number));
    expect(p.metrics.totals()).toEqual({ ArticlesProcessed: 1, ClaimsExtracted: expected.claims.length });
    expect(p.metrics.published).toHaveLength(1);
  });

  it("takes outlet, URL and publication time from the object's metadata when the text lacks them", async () => {
    const p = await startPipeline(emulators());
    const body =
      "Council backs budget\n\nThe city council approved a new budget on Tuesday, Mayor Jane Doe said.\n\n" +
      '"We will hire 200 new teachers next year," Doe told reporters.\n';
    const notice = await p.upload("incoming/budget.txt", body, {
      metadata: toObjectMetadata({
        outlet: "Gazette de Genève",
        url: "https://example.org/budget",
        publishedAt: "2025-07-01T09:30:00+02:00",
      }),
    });
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const article = await p.store.getArticle((await articleIdAt(p, "incoming/budget.txt"))!);
    expect(article).toMatchObject({
      status: "PROCESSED",
      metadata: {
        title: "Council backs budget",
        outlet: "Gazette de Genève",
        url: "https://example.org/budget",
        publishedAt: "2025-07-01T09:30:00+02:00",
      },
    });
  });

  it("dates a wire story whose dateline has no year in the year the object was written", async () => {
    const p = await startPipeline(emulators());
    const today = new Date();
    const month = today.toLocaleString("en-US", { month: "long", timeZone: "UTC" });
    const body = `ACCRA, ${month} ${today.getUTCDate()} (Coast Wire) - The port authority said the new berth had opened.\n`;
    expect(await p.deliver(await p.upload("incoming/wire.txt", body))).toEqual({ batchItemFailures: [] });
    const article = await p.store.getArticle((await articleIdAt(p, "incoming/wire.txt"))!);
    expect(article?.metadata.publishedAt).toBe(today.toISOString().slice(0, 10));
  });

  it("leaves out malformed metadata, says so in the log, and still reads the article", async () => {
    const p = await startPipeline(emulators());
    const body = "Council backs budget\n\nThe city council approved a new budget on Tuesday, Mayor Jane Doe said.\n";
    const notice = await p.upload("incoming/budget-bad-meta.txt", body, {
      metadata: { "published-at": "last Tuesday", url: "not a url", outlet: "The Courier" },
    });
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const article = await p.store.getArticle((await articleIdAt(p, "incoming/budget-bad-meta.txt"))!);
    expect(article).toMatchObject({ status: "PROCESSED", metadata: { outlet: "The Courier", url: null } });
    expect(article?.metadata.publishedAt).toBeNull();
    const warning = p.logs.find((l) => l.message === "object metadata left out");
    expect(warning).toMatchObject({ level: "warn", key: "incoming/budget-bad-meta.txt" });
    expect(warning?.rejected).toEqual([expect.stringMatching(/^url: /), expect.stringMatching(/^publishedAt: /)]);
  });
});

describe("the reader is chosen by content type, then extension", () => {
  const html = seed("dev-02.html");
  const markdown = seed("dev-03.md");
  const json = seed("dev-04.json");

  it.each([
    ["HTML without an extension, typed text/html", "incoming/typed/page", html, "text/html; charset=utf-8", "html"],
    ["JSON without an extension, typed application/json", "incoming/typed/story", json, "application/json", "json"],
    ["Markdown by its .md extension under a generic type", "incoming/typed/notes.md", markdown, undefined, "markdown"],
    ["HTML by its .html extension", "incoming/typed/page.html", html, "binary/octet-stream", "html"],
  ])("%s", async (_what, key, bytes, contentType, format) => {
    const p = await startPipeline(emulators());
    const response = await p.deliver(await p.upload(key, bytes, contentType ? { contentType } : {}));
    expect(response).toEqual({ batchItemFailures: [] });
    const article = await p.store.getArticle(articleIdFor(contentHashOf(bytes)));
    expect(article).toMatchObject({ status: "PROCESSED", metadata: { format } });
    expect(article?.claimCount).toBeGreaterThan(0);
  });
});

describe("keys arrive URL-encoded", () => {
  it.each([
    [
      "spaces as + and punctuation escaped",
      "s3-object-created-encoded-key.json",
      "incoming/news/Coalition talks in Rome: what changed (2025).txt",
    ],
    [
      "every / as %2F, a + as %2B, UTF-8 escaped",
      "s3-object-created-encoded-slash.json",
      "incoming/wire/coalition+rome édition.txt",
    ],
  ])("%s", async (_what, name, key) => {
    const p = await startPipeline(emulators());
    const bytes = seed("dev-06.txt");
    const uploaded = await p.upload(key, bytes);
    // The fixture's key, as S3 encoded it; only the size and ETag come from the real upload.
    const { size, eTag } = uploaded.Records[0]!.s3.object;
    const notice = notification(name, { size, eTag, sequencer: nextSequencer() });
    expect(notice.Records[0]!.s3.object.key).not.toBe(key);
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    const id = articleIdFor(contentHashOf(bytes));
    expect(await p.store.getArticle(id)).toMatchObject({ status: "PROCESSED", sources: [{ bucket: BUCKET, key }] });
  });
});

describe("other notification shapes", () => {
  it("a multipart upload (CompleteMultipartUpload, sent from an IPv6 address)", async () => {
    const p = await startPipeline(emulators());
    const uploaded = await p.upload("incoming/long-read.html", seed("dev-02.html"), {
      fixture: "s3-object-created-multipart.json",
    });
    expect(uploaded.Records[0]!.eventName).toBe("ObjectCreated:CompleteMultipartUpload");
    expect(await p.deliver(uploaded)).toEqual({ batchItemFailures: [] });
    expect(await p.store.getArticle((await articleIdAt(p, "incoming/long-read.html"))!)).toMatchObject({
      status: "PROCESSED",
    });
  });

  it("the local S3's own notifications, turned into records as the local stack queues them", async () => {
    const p = await startPipeline(emulators());
    const seen: ObjectChange[] = [];
    const unsubscribe = emulators().s3.onChange((change) => seen.push(change));
    try {
      await p.upload("incoming/emulated/from the local S3.txt", seed("dev-05.txt"));
    } finally {
      unsubscribe();
    }
    expect(seen).toHaveLength(1);
    const record = notificationFor(seen[0]!, "incoming/");
    expect(record?.s3.object.key).toBe("incoming/emulated/from+the+local+S3.txt");
    expect(await p.deliver({ Records: [record!] })).toEqual({ batchItemFailures: [] });
    expect(await p.store.getArticle((await articleIdAt(p, "incoming/emulated/from the local S3.txt"))!)).toMatchObject({
      status: "PROCESSED",
    });
  });

  it("a copy notification without ETag or size (as some S3 stand-ins send) is read all the same", async () => {
    const p = await startPipeline(emulators());
    await p.upload("incoming/copied article.txt", seed("dev-01.txt"));
    const notice = fixture("s3rver-object-created-copy.json");
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    expect(await p.store.getArticle((await articleIdAt(p, "incoming/copied article.txt"))!)).toMatchObject({
      status: "PROCESSED",
    });
  });
});

describe("notifications acknowledged without work", () => {
  it("the s3:TestEvent S3 sends when the notification is configured", async () => {
    const p = await startPipeline(emulators());
    const response = await p.deliver(fixture("s3-test-event.json"));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await p.snapshot()).toEqual([]);
    expect(p.logs).toContainEqual(expect.objectContaining({ message: "S3 test event acknowledged", bucket: BUCKET }));
    expect(p.metrics.published).toEqual([]);
    expect(p.s3Calls.calls).toEqual([]);
  });

  it.each([
    ["outside the ingest prefix", BUCKET, "drafts/not-yet.txt"],
    ["in another bucket", "someone-elses-bucket", "incoming/theirs.txt"],
    ["a console folder marker", BUCKET, "incoming/2025/"],
  ])("an object %s", async (_what, bucket, key) => {
    const p = await startPipeline(emulators());
    const notice = notification("s3-object-created-put.json", { key: encodeKey(key), sequencer: nextSequencer() });
    notice.Records[0]!.s3.bucket.name = bucket;
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    expect(await p.snapshot()).toEqual([]);
    expect(p.s3Calls.calls).toEqual([]);
    expect(p.logs).toContainEqual(expect.objectContaining({ message: "event ignored", key }));
  });

  it("an event type the pipeline does not handle (ObjectRestore:Completed)", async () => {
    const p = await startPipeline(emulators());
    const notice = notification("s3-object-restore-completed.json", { sequencer: nextSequencer() });
    expect(await p.deliver(notice)).toEqual({ batchItemFailures: [] });
    expect(await p.snapshot()).toEqual([]);
    expect(p.logs).toContainEqual(
      expect.objectContaining({ message: "event ignored", reason: "ObjectRestore:Completed events are not handled" }),
    );
  });
});
