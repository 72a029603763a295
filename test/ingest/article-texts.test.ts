// A processed article's text is kept in the bucket under text/<id>.txt — the string its claims' evidence offsets
// index — so the API can serve it without extracting again; it goes when the article goes.
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { articleTextKey } from "../../functions/shared/article-text-key.ts";
import { IngestEnv, loadEnv } from "../../functions/shared/env.ts";
import { BUCKET, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();

const ARTICLE =
  "Zürich weighs a tram line\n\n" +
  "The canton will fund the new tram line to Örlikon next year, transport director Anna Brändli said on Monday.\n\n" +
  "“We expect the first trams in 2027 — not earlier,” Brändli told reporters.\n";

async function storedText(key: string): Promise<string | null> {
  try {
    const res = await emulators().s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return await res.Body!.transformToString("utf-8");
  } catch (err) {
    if ((err as { name?: string }).name === "NoSuchKey") return null;
    throw err;
  }
}

describe("an article's text", () => {
  it("is stored when the article is processed, and every claim's evidence offsets index it", async () => {
    const p = await startPipeline(emulators());
    await p.deliver(await p.upload("incoming/tram.txt", ARTICLE));
    const id = articleIdFor(contentHashOf(new TextEncoder().encode(ARTICLE)));
    expect((await p.store.getArticle(id))?.status).toBe("PROCESSED");

    const text = await storedText(articleTextKey(id));
    expect(text).toContain("Örlikon");
    const claims = (await p.store.listArticleClaims(id, { limit: 200 }))!.items;
    expect(claims.length).toBeGreaterThan(0);
    for (const { evidence } of claims) expect(text!.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    const head = await emulators().s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: articleTextKey(id) }));
    expect(head.ContentType).toBe("text/plain; charset=utf-8");
  });

  it("is not stored for an article that failed", async () => {
    const p = await startPipeline(emulators());
    const body = "Nothing in this note is attributed to anyone at all\n";
    await p.deliver(await p.upload("incoming/no-claims.txt", body));
    const id = articleIdFor(contentHashOf(new TextEncoder().encode(body)));
    expect((await p.store.getArticle(id))?.status).toBe("FAILED");
    expect(await storedText(articleTextKey(id))).toBeNull();
  });

  it("is deleted with the article when its last object is removed, and kept while another holds it", async () => {
    const p = await startPipeline(emulators());
    const body = ARTICLE.replace("Monday", "Tuesday");
    await p.deliver(await p.upload("incoming/a/tram.txt", body), await p.upload("incoming/b/tram.txt", body));
    const id = articleIdFor(contentHashOf(new TextEncoder().encode(body)));
    expect(await storedText(articleTextKey(id))).not.toBeNull();

    await p.deliver(await p.remove("incoming/a/tram.txt"));
    expect(await storedText(articleTextKey(id))).not.toBeNull();
    await p.deliver(await p.remove("incoming/b/tram.txt"));
    expect(await p.store.getArticle(id)).toBeNull();
    expect(await storedText(articleTextKey(id))).toBeNull();
  });

  it("stays with the earlier version when its only object is overwritten, and goes with the key", async () => {
    const p = await startPipeline(emulators());
    const first = ARTICLE.replace("Monday", "Wednesday");
    await p.deliver(await p.upload("incoming/tram.txt", first));
    const firstId = articleIdFor(contentHashOf(new TextEncoder().encode(first)));
    expect(await storedText(articleTextKey(firstId))).not.toBeNull();

    await p.deliver(await p.upload("incoming/tram.txt", ARTICLE.replace("Monday", "Thursday")));
    expect(await p.store.getArticle(firstId)).toMatchObject({ supersededBy: expect.any(String) });
    expect(await storedText(articleTextKey(firstId))).not.toBeNull();
    await p.deliver(await p.remove("incoming/tram.txt"));
    expect(await p.store.getArticle(firstId)).toBeNull();
    expect(await storedText(articleTextKey(firstId))).toBeNull();
  });
});

it("an ingest prefix that overlaps the text prefix stops the function at start-up", () => {
  const env = { TABLE_NAME: "t", BUCKET_NAME: "bucket" };
  for (const prefix of ["text/", "text/incoming/"]) {
    expect(() => loadEnv(IngestEnv, { ...env, INGEST_PREFIX: prefix })).toThrow(
      "INGEST_PREFIX: must not overlap text/",
    );
  }
  expect(loadEnv(IngestEnv, { ...env, INGEST_PREFIX: "texts/" }).INGEST_PREFIX).toBe("texts/");
});
