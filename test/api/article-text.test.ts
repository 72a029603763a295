// GET /articles/{id}/text against dynalite and the local S3: the text the pipeline stored when it processed the article
// (the test stands in for the pipeline, with the extractor and the pipeline's own text adapter), checked against
// every claim's evidence offsets, its cost, and the 404s that say why there is no text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import { createS3ArticleTexts } from "../../functions/ingest/article-texts.ts";
import { ArticleText, ClaimPage, Problem } from "../../functions/schemas/api.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import { articleTextKey } from "../../functions/shared/article-text-key.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

// Text before the quotes that JSON and UTF-16 treat differently: accents, a dash, curly quotes, an emoji.
const ARTICLE =
  "Ports reopen after the storm\n\n" +
  "Crews cleared the harbour at Saint-Malo 🌊 overnight, the port authority said on Friday.\n\n" +
  "“Ferries to Jersey will sail again on Saturday — weather permitting,” harbour master Élodie Garnier said.\n";

async function process(body: string, key: string): Promise<Extraction> {
  const extraction = extract({ bytes: new TextEncoder().encode(body), fileName: key });
  await api.store.recordPending({
    id: extraction.article.id,
    contentHash: extraction.article.contentHash,
    source: { bucket: BUCKET, key },
  });
  await createS3ArticleTexts(api.s3.client, BUCKET).put(extraction.article.id, extraction.article.text);
  await api.store.completeArticle(extraction);
  return extraction;
}

describe("GET /articles/{id}/text", () => {
  it("answers the text every claim's evidence offsets index, in one DynamoDB call and one S3 read", async () => {
    const ex = await process(ARTICLE, "incoming/ports.txt");
    const id = ex.article.id;
    api.dynamoCalls.reset();
    const before = api.s3Requests.length;
    const res = await api.call("GET", `/articles/${id}/text`);

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("max-age=60");
    const body = ArticleText.parse(res.json);
    expect(body).toEqual({ id, text: ex.article.text });
    expect(api.dynamoCalls.calls).toEqual(["QueryCommand"]);
    expect(api.s3Requests.slice(before)).toMatchObject([
      { method: "GET", path: `/${BUCKET}/${articleTextKey(id)}`, refused: null },
    ]);

    const claims = ClaimPage.parse((await api.call("GET", `/articles/${id}/claims`)).json).items;
    expect(claims.length).toBeGreaterThan(1);
    for (const { evidence } of claims) expect(body.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  });

  it("is a 404 problem for an unknown article", async () => {
    const res = await api.call("GET", "/articles/0123456789abcdef0123/text");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(Problem.parse(res.json).detail).toBe("Article 0123456789abcdef0123 was not found.");
  });

  it("is a 404 that says why for an article still pending or failed", async () => {
    const pending = extract({ bytes: new TextEncoder().encode(ARTICLE.replace("Friday", "Sunday")) });
    const id = pending.article.id;
    await api.store.recordPending({
      id,
      contentHash: pending.article.contentHash,
      source: { bucket: BUCKET, key: "incoming/pending.txt" },
    });
    const waiting = await api.call("GET", `/articles/${id}/text`);
    expect(waiting.status).toBe(404);
    expect(Problem.parse(waiting.json).detail).toBe(
      `The text of article ${id} was not found: the article is still being processed; ask again in a few seconds.`,
    );

    await api.store.markFailed(id, "the file holds no attributed statement");
    const failed = await api.call("GET", `/articles/${id}/text`);
    expect(failed.status).toBe(404);
    expect(Problem.parse(failed.json).detail).toBe(
      `The text of article ${id} was not found: the article failed: the file holds no attributed statement.`,
    );
  });

  it("is a 404 for a processed article whose text was never stored", async () => {
    const ex = extract({ bytes: new TextEncoder().encode(ARTICLE.replace("Friday", "Monday")) });
    const id = ex.article.id;
    await api.store.recordPending({
      id,
      contentHash: ex.article.contentHash,
      source: { bucket: BUCKET, key: "incoming/old.txt" },
    });
    await api.store.completeArticle(ex);
    const res = await api.call("GET", `/articles/${id}/text`);
    expect(res.status).toBe(404);
    expect(Problem.parse(res.json).detail).toContain("it was not stored when the article was processed");
  });

  it("refuses an id that is not one with a 400 naming the path parameter", async () => {
    const res = await api.call("GET", "/articles/not-an-id/text");
    expect(res.status).toBe(400);
    expect(Problem.parse(res.json).errors?.map((e) => e.field)).toEqual(["path.id"]);
  });
});
