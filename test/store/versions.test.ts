// Versions of a key's article in the store, against dynalite: new content under a key keeps the article it held
// as the earlier version (readable by id, out of every list and count), records the key's history with the claim
// changes between consecutive versions, keeps the newest MAX_VERSIONS, and goes with the key when it is deleted.
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../functions/schemas/article.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { MAX_VERSIONS } from "../../functions/store/version-items.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { useDynalite } from "../support/use-dynalite.ts";

const dynalite = useDynalite();
const freshStore = async (): Promise<ClaimStore> =>
  createDynamoClaimStore({
    client: dynalite().client,
    tableName: await dynalite().newTable(),
    now: () => new Date("2025-07-08T12:00:00.000Z"),
  });

const HIRE = "The council will hire 200 new teachers next year";
const HARBOUR = "The harbour will reopen to ferries on Monday";
const TAXES = "Council taxes will not rise this year";
const v1 = makeExtraction({
  seed: "budget v1",
  title: "Council backs budget",
  claims: [
    { text: HIRE, speaker: "Jane Doe" },
    { text: HARBOUR, speaker: "Ana Lima" },
    { text: TAXES, speaker: "Jane Doe" },
  ],
});
const v2 = makeExtraction({
  seed: "budget v2",
  title: "Council backs budget",
  claims: [
    { text: "The council will hire 250 new teachers next year", speaker: "Jane Doe" },
    { text: HARBOUR, speaker: "Ana Lima" },
    { text: "The mayor will stand for a second term in May", speaker: "Max Roe" },
  ],
});
const KEY = source("incoming/budget.txt");

async function ingest(store: ClaimStore, ex: Extraction, key = KEY) {
  const pending = await store.recordPending(pendingFor(ex, key));
  await store.completeArticle(ex);
  return pending;
}

describe("a key that gets new content", () => {
  it("keeps the earlier version, links both and lists the claim changes with the newer one", async () => {
    const store = await freshStore();
    await ingest(store, v1);
    const pending = await ingest(store, v2);
    expect(pending).toMatchObject({ replacedArticleId: v1.article.id, replacedArticleDeleted: false });

    const versions = await store.listArticleVersions(v2.article.id, { limit: 10 });
    expect(versions?.nextCursor).toBeNull();
    expect(versions?.items).toEqual([
      {
        id: v2.article.id,
        version: 2,
        key: KEY.key,
        previousId: v1.article.id,
        nextId: null,
        status: "PROCESSED",
        publishedAt: v2.article.publishedAt,
        receivedAt: "2025-07-08T12:00:00.000Z",
        claimCount: 3,
        changes: {
          added: [{ claimId: v2.claims[2]!.id, text: v2.claims[2]!.text }],
          removed: [{ claimId: v1.claims[2]!.id, text: TAXES }],
          changed: [
            {
              before: { claimId: v1.claims[0]!.id, text: HIRE },
              after: { claimId: v2.claims[0]!.id, text: v2.claims[0]!.text },
            },
          ],
          counts: { added: 1, removed: 1, changed: 1 },
          complete: true,
        },
      },
      {
        id: v1.article.id,
        version: 1,
        key: KEY.key,
        previousId: null,
        nextId: v2.article.id,
        status: "PROCESSED",
        publishedAt: v1.article.publishedAt,
        receivedAt: "2025-07-08T12:00:00.000Z",
        claimCount: 3,
        changes: null,
      },
    ]);
    // Any version's id answers the same history, and pages follow cursors.
    expect(await store.listArticleVersions(v1.article.id, { limit: 10 })).toEqual(versions);
    const page1 = await store.listArticleVersions(v1.article.id, { limit: 1 });
    expect(page1?.items.map((v) => v.version)).toEqual([2]);
    const page2 = await store.listArticleVersions(v1.article.id, { limit: 1, cursor: page1!.nextCursor! });
    expect(page2).toMatchObject({ items: [{ version: 1 }], nextCursor: null });

    // The earlier version is readable, and in no list or count.
    expect(await store.getArticle(v1.article.id)).toMatchObject({ supersededBy: v2.article.id, status: "PROCESSED" });
    expect(await store.getClaim(v1.claims[2]!.id)).toMatchObject({ text: TAXES });
    expect((await store.listArticleClaims(v1.article.id, { limit: 10 }))?.items).toHaveLength(3);
    expect((await store.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([v2.article.id]);
    expect((await store.findClaims({ speaker: "Jane Doe" }, { limit: 10 })).items.map((c) => c.id)).toEqual([
      v2.claims[0]!.id,
    ]);
    expect((await store.listSpeakers({ limit: 10 })).items.map((s) => [s.name, s.claimCount])).toEqual([
      ["Ana Lima", 1],
      ["Jane Doe", 1],
      ["Max Roe", 1],
    ]);
  });

  it("answers an article never replaced as its key's only version, and null for an unknown article", async () => {
    const store = await freshStore();
    await ingest(store, v1);
    expect((await store.listArticleVersions(v1.article.id, { limit: 10 }))?.items).toMatchObject([
      { id: v1.article.id, version: 1, key: KEY.key, previousId: null, nextId: null, claimCount: 3, changes: null },
    ]);
    expect(await store.listArticleVersions("0123456789abcdef0123", { limit: 10 })).toBeNull();
  });

  it("makes content that comes back current again, as the key's next version", async () => {
    const store = await freshStore();
    await ingest(store, v1);
    await ingest(store, v2);
    await ingest(store, v1);
    const history = await store.listArticleVersions(v1.article.id, { limit: 10 });
    expect(history?.items.map((v) => [v.version, v.id, v.changes?.counts ?? null])).toEqual([
      [3, v1.article.id, { added: 1, removed: 1, changed: 1 }],
      [2, v2.article.id, { added: 1, removed: 1, changed: 1 }],
      [1, v1.article.id, null],
    ]);
    const current = await store.getArticle(v1.article.id);
    expect(current?.supersededBy).toBeUndefined();
    expect(current?.sources).toEqual([KEY]);
    expect(await store.getArticle(v2.article.id)).toMatchObject({ supersededBy: v1.article.id });
    expect((await store.findClaims({ speaker: "Jane Doe" }, { limit: 10 })).items.map((c) => c.id).sort()).toEqual([
      v1.claims[0]!.id,
      v1.claims[2]!.id,
    ]);
  });

  it(`keeps the newest ${MAX_VERSIONS} versions and deletes older ones`, async () => {
    const store = await freshStore();
    const all = Array.from({ length: MAX_VERSIONS + 2 }, (_, i) =>
      makeExtraction({
        seed: `story v${i + 1}`,
        claims: [{ text: `${HIRE} (revision ${i + 1})`, speaker: "Jane Doe" }],
      }),
    );
    const removed: string[] = [];
    for (const ex of all) removed.push(...(await ingest(store, ex)).removedVersionIds);
    expect(removed).toEqual([all[0]!.article.id, all[1]!.article.id]);
    expect(await store.getArticle(all[0]!.article.id)).toBeNull();
    const history = await store.listArticleVersions(all.at(-1)!.article.id, { limit: 50 });
    expect(history?.items.map((v) => v.version)).toEqual(
      Array.from({ length: MAX_VERSIONS }, (_, i) => MAX_VERSIONS + 2 - i),
    );
    expect(history?.items.at(-1)).toMatchObject({ id: all[2]!.article.id, previousId: null });
  });

  it("deletes the key's earlier versions with the key, but not one another key holds", async () => {
    const store = await freshStore();
    await ingest(store, v1);
    await ingest(store, v2);
    const v3 = makeExtraction({ seed: "budget v3", claims: [{ text: HIRE, speaker: "Jane Doe" }] });
    await ingest(store, v3);
    // v2's content is uploaded again elsewhere: it is current there.
    await ingest(store, v2, source("incoming/copy.txt"));
    expect(await store.removeSource(KEY)).toEqual({
      articleId: v3.article.id,
      articleDeleted: true,
      removedVersionIds: [v1.article.id],
    });
    expect(await store.getArticle(v1.article.id)).toBeNull();
    expect(await store.getArticle(v2.article.id)).toMatchObject({ sources: [source("incoming/copy.txt")] });
    expect((await store.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([v2.article.id]);
  });
});
