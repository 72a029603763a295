// GET /articles/{id}/versions against dynalite: a key that got three contents in turn answers its history,
// newest first, with the claim changes between consecutive versions; the earlier versions stay readable, out of
// the lists; errors are problem+json.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleRecord } from "../../functions/schemas/records.ts";
import { ArticleVersionPage } from "../../functions/schemas/versions.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

const story = (seed: string, texts: string[]) =>
  makeExtraction({ seed, title: "Ferry route approved", claims: texts.map((text) => ({ text, speaker: "Ana Lima" })) });
const v1 = story("ferry v1", ["The first ferry will sail in April", "Tickets will cost 4 euros"]);
const v2 = story("ferry v2", ["The first ferry will sail in May", "Tickets will cost 4 euros"]);
const v3 = story("ferry v3", ["The first ferry will sail in May", "A second boat will join in the autumn"]);

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
  for (const ex of [v1, v2, v3]) {
    await api.store.recordPending(pendingFor(ex, source("incoming/ferry.txt", BUCKET)));
    await api.store.completeArticle(ex);
  }
});
afterAll(async () => {
  await api.stop();
});

describe("GET /articles/{id}/versions", () => {
  it("gives the key's versions, newest first, with the changes from each predecessor", async () => {
    const res = await api.call("GET", `/articles/${v1.article.id}/versions`);
    expect(res.status).toBe(200);
    const page = ArticleVersionPage.parse(res.json);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((v) => [v.version, v.id, v.previousId, v.nextId])).toEqual([
      [3, v3.article.id, v2.article.id, null],
      [2, v2.article.id, v1.article.id, v3.article.id],
      [1, v1.article.id, null, v2.article.id],
    ]);
    expect(page.items.every((v) => v.key === "incoming/ferry.txt" && v.claimCount === 2)).toBe(true);
    expect(page.items[1]!.changes).toMatchObject({
      added: [],
      removed: [],
      changed: [
        {
          before: { claimId: v1.claims[0]!.id, text: "The first ferry will sail in April" },
          after: { claimId: v2.claims[0]!.id, text: "The first ferry will sail in May" },
        },
      ],
    });
    expect(page.items[0]!.changes).toMatchObject({
      added: [{ claimId: v3.claims[1]!.id }],
      removed: [{ claimId: v2.claims[1]!.id, text: "Tickets will cost 4 euros" }],
      changed: [],
      counts: { added: 1, removed: 1, changed: 0 },
      complete: true,
    });
    expect(page.items[2]!.changes).toBeNull();
  });

  it("pages with cursors", async () => {
    const first = await api.call("GET", `/articles/${v3.article.id}/versions?limit=2`);
    expect(first.json.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const rest = await api.call(
      "GET",
      `/articles/${v3.article.id}/versions?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
    );
    expect(rest.json).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
  });

  it("keeps earlier versions readable by id and out of the lists", async () => {
    const old = ArticleRecord.parse((await api.call("GET", `/articles/${v1.article.id}`)).json);
    expect(old).toMatchObject({ supersededBy: v2.article.id, sources: [] });
    expect((await api.call("GET", `/claims/${v1.claims[0]!.id}`)).status).toBe(200);
    const articles = (await api.call("GET", "/articles")).json.items.map((a: { id: string }) => a.id);
    expect(articles).toEqual([v3.article.id]);
    const claims = (await api.call("GET", "/claims?speaker=Ana%20Lima")).json.items;
    expect(claims.map((c: { articleId: string }) => c.articleId)).toEqual([v3.article.id, v3.article.id]);
  });

  it("answers 404 problem+json for an unknown article and 400 for a malformed id or cursor", async () => {
    const missing = await api.call("GET", "/articles/0123456789abcdef0123/versions");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json).toMatchObject({ status: 404 });
    const malformed = await api.call("GET", "/articles/nope/versions");
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].field).toBe("path.id");
    const forged = await api.call("GET", `/articles/${v1.article.id}/versions?cursor=abc`);
    expect(forged.status).toBe(400);
  });
});
