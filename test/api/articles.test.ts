// /articles against dynalite and the local S3: submit (JSON and raw files), read, list, the claims of an article,
// delete — with every response checked against the schemas the OpenAPI document is generated from. Submitting
// and deleting only touch the bucket: the ingest pipeline, notified by S3, makes every write to the table, so
// here the test stands in for it through the store where a step needs its result.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { AcceptedArticle, ArticlePage, ClaimPage, Problem } from "../../functions/schemas/api.ts";
import { ArticleRecord } from "../../functions/schemas/records.ts";
import { fromObjectMetadata } from "../../functions/shared/object-metadata.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ maxArticleBytes: 4096 });
});
afterAll(async () => {
  await api.stop();
});

const jsonHeaders = { "Content-Type": "application/json" };

async function objectText(key: string) {
  const res = await api.s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { text: await res.Body!.transformToString(), contentType: res.ContentType, metadata: res.Metadata };
}

describe("POST /articles", () => {
  it("stores a JSON article under the ingest prefix and answers 202 PENDING with its Location", async () => {
    const body = {
      body: "The council approved the budget on Monday, the mayor said.",
      title: "Budget approved",
      publishedAt: "2025-07-07T10:00:00+02:00",
      authors: ["A. Writer"],
      outlet: "Zürcher Bote",
      url: "https://example.org/budget",
    };
    api.dynamoCalls.reset();
    const res = await api.call("POST", "/articles", { headers: jsonHeaders, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    const accepted = AcceptedArticle.parse(res.json);
    expect(res.headers.location).toBe(`/test/articles/${accepted.id}`);
    expect(accepted.status).toBe("PENDING");
    expect(accepted.source).toEqual({ bucket: BUCKET, key: `incoming/${accepted.id}.json` });
    // The object is the whole submission: the table is the pipeline's to write.
    expect(api.dynamoCalls.calls).toEqual([]);
    expect(api.s3Requests.at(-1)).toMatchObject({ method: "PUT", refused: null });

    const stored = await objectText(accepted.source.key);
    expect(JSON.parse(stored.text)).toEqual(body);
    expect(accepted.id).toBe(articleIdFor(contentHashOf(new TextEncoder().encode(stored.text))));
    expect(stored.contentType).toBe("application/json");
    expect(fromObjectMetadata(stored.metadata)).toEqual({
      title: "Budget approved",
      publishedAt: "2025-07-07T10:00:00+02:00",
      outlet: "Zürcher Bote",
      url: "https://example.org/budget",
    });

    // Until the pipeline has picked the object up, the article is not there yet.
    expect((await api.call("GET", `/articles/${accepted.id}`)).status).toBe(404);
    await api.store.recordPending({
      id: accepted.id,
      contentHash: contentHashOf(new TextEncoder().encode(stored.text)),
      source: accepted.source,
    });
    const got = await api.call("GET", res.headers.location!.replace(/^\/test/, ""));
    expect(got.status).toBe(200);
    expect(ArticleRecord.parse(got.json)).toMatchObject({
      id: accepted.id,
      status: "PENDING",
      sources: [accepted.source],
    });
  });

  it("gives the same article for the same JSON article whatever its key order and spacing", async () => {
    const a = await api.call("POST", "/articles", {
      headers: jsonHeaders,
      body: JSON.stringify({ title: "Same", body: "Same text, said the spokesperson." }),
    });
    const b = await api.call("POST", "/articles", {
      headers: jsonHeaders,
      body: `{ "body": "Same text, said the spokesperson.",\n "title": "Same" }`,
    });
    expect(a.status).toBe(202);
    expect(b.json).toEqual(a.json);
  });

  it("stores a raw file with its content type, metadata from the query string", async () => {
    const html = "<html><head><title>Ä page</title></head><body><p>The minister said so.</p></body></html>";
    const res = await api.call("POST", "/articles?outlet=Le%20Monde&title=%C3%89t%C3%A9", {
      headers: { "content-type": "text/html; charset=utf-8" },
      body: html,
    });
    expect(res.status).toBe(202);
    const stored = await objectText(res.json.source.key);
    expect(res.json.source.key).toBe(`incoming/${res.json.id}.html`);
    expect(stored.text).toBe(html);
    expect(stored.contentType).toBe("text/html; charset=utf-8");
    expect(fromObjectMetadata(stored.metadata)).toEqual({ outlet: "Le Monde", title: "Été" });
    expect(res.json.id).toBe(articleIdFor(contentHashOf(new TextEncoder().encode(html))));
  });

  it("accepts a binary-encoded (base64) body as API Gateway delivers binary media types", async () => {
    const bytes = new TextEncoder().encode("Plain text article, the official said.");
    const res = await api.call("POST", "/articles", { headers: { "Content-Type": "text/plain" }, body: bytes });
    expect(res.status).toBe(202);
    expect(res.json.id).toBe(articleIdFor(contentHashOf(bytes)));
  });

  it("writes nothing to the table for content the pipeline already processed: it answers PENDING and re-stores it", async () => {
    const ex = makeExtraction({ seed: "known", claims: [{ speaker: "A" }] });
    const text = ex.article.text;
    const first = await api.call("POST", "/articles", { headers: { "Content-Type": "text/plain" }, body: text });
    // The ingest pipeline processed it meanwhile (here: completed through the store directly).
    await api.store.recordPending(
      pendingFor({ ...ex, article: { ...ex.article, id: first.json.id } }, first.json.source),
    );
    await api.store.completeArticle({ ...ex, article: { ...ex.article, id: first.json.id }, claims: [] });
    const before = await api.db.dumpTable();
    api.dynamoCalls.reset();
    const again = await api.call("POST", "/articles", { headers: { "Content-Type": "text/plain" }, body: text });
    expect(again.status).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(api.dynamoCalls.calls).toEqual([]);
    expect(await api.db.dumpTable()).toEqual(before);
    expect((await api.call("GET", `/articles/${first.json.id}`)).json).toMatchObject({
      status: "PROCESSED",
      extractorVersion: ex.extractorVersion,
    });
  });

  it.each([
    ["malformed JSON", "application/json", "{ not json", "body"],
    ["a JSON article without a body", "application/json", JSON.stringify({ title: "x" }), "body.body"],
    ["an empty JSON body text", "application/json", JSON.stringify({ body: "  " }), "body.body"],
    ["an unknown field", "application/json", JSON.stringify({ body: "x", tittle: "y" }), "body.tittle"],
    ["a bad url", "application/json", JSON.stringify({ body: "x", url: "ftp://x" }), "body.url"],
    [
      "a bad publication time",
      "application/json",
      JSON.stringify({ body: "x", publishedAt: "July 7" }),
      "body.publishedAt",
    ],
    ["an empty file", "text/plain", "   \n", "body"],
  ])("refuses %s with a 400 naming the field", async (_name, type, body, field) => {
    const res = await api.call("POST", "/articles", { headers: { "Content-Type": type }, body });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    const problem = Problem.parse(res.json);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(problem.detail).toContain(field);
  });

  it("refuses an article over the size limit with 413 and stores nothing", async () => {
    const res = await api.call("POST", "/articles", {
      headers: { "Content-Type": "text/plain" },
      body: "x".repeat(5000),
    });
    expect(res.status).toBe(413);
    expect(Problem.parse(res.json).detail).toMatch(/5000 bytes, over the 4096-byte limit/);
    const id = articleIdFor(contentHashOf(new TextEncoder().encode("x".repeat(5000))));
    await expect(
      api.s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `incoming/${id}.txt` })),
    ).rejects.toThrow();
  });

  it.each([["application/pdf"], ["image/png"], [""]])("refuses content type %j with 415", async (type) => {
    const res = await api.call("POST", "/articles", {
      headers: type ? { "Content-Type": type } : {},
      body: "%PDF-1.4",
    });
    expect(res.status).toBe(415);
    expect(Problem.parse(res.json).detail).toMatch(/not supported; send one of text\/plain/);
  });
});

describe("reading articles", () => {
  const ids: string[] = [];
  beforeAll(async () => {
    for (const [seed, publishedAt] of [
      ["read-1", "2020-01-01"],
      ["read-2", "2020-01-02"],
      ["read-3", "2020-01-03"],
    ] as const) {
      const ex = makeExtraction({
        seed,
        publishedAt,
        claims: [{ speaker: "Reader" }, { speaker: null }, { speaker: "Reader", entities: ["X"] }],
      });
      await api.store.recordPending(pendingFor(ex, source(`incoming/${seed}.txt`, BUCKET)));
      await api.store.completeArticle(ex);
      ids.push(ex.article.id);
    }
  });

  it("lists articles newest first across pages", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.call("GET", `/articles?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const page = ArticlePage.parse(res.json);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    // The articles submitted above were received now, so they sort before 2020's.
    expect(seen.slice(-3)).toEqual([ids[2], ids[1], ids[0]]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("lists an article's claims in reading order across pages", async () => {
    const first = await api.call("GET", `/articles/${ids[0]}/claims?limit=2`);
    const page1 = ClaimPage.parse(first.json);
    expect(page1.items.map((c) => c.ordinal)).toEqual([0, 1]);
    const second = await api.call("GET", `/articles/${ids[0]}/claims?limit=2&cursor=${page1.nextCursor}`);
    const page2 = ClaimPage.parse(second.json);
    expect(page2).toEqual({ items: [expect.objectContaining({ ordinal: 2, articleId: ids[0] })], nextCursor: null });
  });

  it("answers 404 for an unknown article, and 400 for a malformed id", async () => {
    for (const path of ["/articles/00000000000000000000", "/articles/00000000000000000000/claims"]) {
      const res = await api.call("GET", path);
      expect(res.status).toBe(404);
      expect(Problem.parse(res.json)).toMatchObject({ status: 404, title: "Not Found", instance: path });
    }
    const bad = await api.call("GET", "/articles/not-an-id");
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ field: "path.id", message: "expected an article id: 20 lowercase hex digits" }]);
  });
});

describe("DELETE /articles/{id}", () => {
  /** Posts a text and records it as the pipeline would on the object's upload event. */
  async function posted(text: string) {
    const res = await api.call("POST", "/articles", { headers: { "Content-Type": "text/plain" }, body: text });
    const contentHash = contentHashOf(new TextEncoder().encode(text));
    await api.store.recordPending({ id: res.json.id, contentHash, source: res.json.source });
    return { id: res.json.id as string, source: res.json.source as { bucket: string; key: string }, contentHash };
  }
  const exists = (key: string) =>
    api.s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => true,
      () => false,
    );

  it("deletes every object of the article, answers 202, and leaves the records to the pipeline", async () => {
    const { id, source: first, contentHash } = await posted("To be deleted, the clerk said.");
    // The same content uploaded under a second key: one article, two objects.
    const second = { bucket: BUCKET, key: "incoming/copies/deleted copy.txt" };
    await api.s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: second.key, Body: "To be deleted, the clerk said." }),
    );
    await api.store.recordPending({ id, contentHash, source: second });
    const before = await api.db.dumpTable();

    api.dynamoCalls.reset();
    const res = await api.call("DELETE", `/articles/${id}`);
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect(res.headers.location).toBe(`/test/articles/${id}`);
    expect(await exists(first.key)).toBe(false);
    expect(await exists(second.key)).toBe(false);
    expect(api.s3Requests.slice(-2).map((r) => [r.method, r.refused])).toEqual([
      ["DELETE", null],
      ["DELETE", null],
    ]);
    // One read (the article with its sources); no write: the ObjectRemoved notifications make the pipeline
    // remove the article.
    expect(api.dynamoCalls.calls).toEqual(["QueryCommand"]);
    expect(await api.db.dumpTable()).toEqual(before);
    expect((await api.call("GET", `/articles/${id}`)).status).toBe(200);

    // What the pipeline does with those notifications; then the article is gone for the API too.
    await api.store.removeSource(first);
    await api.store.removeSource(second);
    expect((await api.call("GET", `/articles/${id}`)).status).toBe(404);
    expect((await api.call("DELETE", `/articles/${id}`)).status).toBe(404);
  });

  it("refuses with 409, deleting nothing, an article with an object outside the bucket's ingest prefix", async () => {
    const { id, source: ours, contentHash } = await posted("Partly elsewhere, the archivist said.");
    await api.store.recordPending({ id, contentHash, source: { bucket: "another-bucket", key: "incoming/x.txt" } });
    const res = await api.call("DELETE", `/articles/${id}`);
    expect(res.status).toBe(409);
    expect(Problem.parse(res.json).detail).toContain("s3://another-bucket/incoming/x.txt");
    expect(await exists(ours.key)).toBe(true);
  });

  it("answers 404 for an unknown article without touching the bucket", async () => {
    const before = api.s3Requests.length;
    expect((await api.call("DELETE", "/articles/00000000000000000000")).status).toBe(404);
    expect(api.s3Requests.length).toBe(before);
  });
});
