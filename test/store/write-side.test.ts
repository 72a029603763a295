// The store's write side against dynalite: PENDING → PROCESSED/FAILED, idempotent re-writes, replacement of a
// source's content, removal, deletion — and that nothing is ever left behind (checked with a Scan of the table,
// which only tests do).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION } from "../../functions/extraction/version.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { ArticleNotFoundError, InvalidRecordError } from "../../functions/store/errors.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { countCalls } from "../support/sdk-spy.ts";

let db: RunningDynalite;
let store: ClaimStore;
let currentTable = "";

beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

/** Every test gets a fresh table on the shared server, so none sees another's items. */
async function freshStore(): Promise<ClaimStore> {
  currentTable = await db.newTable();
  return createDynamoClaimStore({ client: db.client, tableName: currentTable });
}

const allItems = () => db.dumpTable(currentTable);

const itemsOfArticle = async (id: string) => (await allItems()).filter((i) => i.pk === `ARTICLE#${id}`);

beforeEach(async () => {
  store = await freshStore();
});

const speechOf = (seed: string) =>
  makeExtraction({
    seed,
    claims: [
      { speaker: "Keir Starmer", entities: ["NATO", "Ukraine"], time: ["2025-07-01", "2025-07-31"] },
      { speaker: "keir  STARMER", certainty: "probable" },
      { speaker: "Volodymyr Zelenskyy", entities: ["Ukraine"] },
      { speaker: null, certainty: "possible", time: ["2025-07-07", "2025-07-07"] },
    ],
  });

describe("recording an article", () => {
  it("records a PENDING article with its source at once", async () => {
    const ex = speechOf("a");
    const result = await store.recordPending({ ...pendingFor(ex, source("incoming/a.txt")), metadata: { title: "T" } });
    expect(result.created).toBe(true);
    expect(result.replacedArticleId).toBeNull();
    expect(result.article).toMatchObject({
      id: ex.article.id,
      status: "PENDING",
      failureReason: null,
      claimCount: 0,
      version: 1,
      extractorVersion: null,
      sources: [source("incoming/a.txt")],
      metadata: { title: "T", format: null },
    });
    expect(await store.findArticleIdBySource(source("incoming/a.txt"))).toBe(ex.article.id);
  });

  it("changes nothing when the same content is recorded again for the same source", async () => {
    const ex = speechOf("a");
    const first = await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    const before = await allItems();
    const again = await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    expect(again.created).toBe(false);
    expect(again.article).toEqual(first.article);
    expect(await allItems()).toEqual(before);
  });

  it("lists a second key with the same content as a second source of one article", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    await store.completeArticle(ex);
    const second = await store.recordPending(pendingFor(ex, source("incoming/copy of a.txt")));
    expect(second.created).toBe(false);
    expect(second.article.status).toBe("PROCESSED");
    expect(second.article.sources).toEqual([source("incoming/a.txt"), source("incoming/copy of a.txt")]);
  });
});

describe("completing an article", () => {
  it("stores every claim, then marks the article PROCESSED with the extractor's metadata", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    const done = await store.completeArticle(ex);
    expect(done).toMatchObject({ status: "PROCESSED", claimCount: 4, version: 2, extractorVersion: EXTRACTOR_VERSION });
    expect(done.metadata).toEqual({
      title: ex.article.title,
      publishedAt: ex.article.publishedAt,
      authors: [],
      outlet: "Test Courier",
      url: null,
      format: "text",
    });
    const page = await store.listArticleClaims(ex.article.id, { limit: 50 });
    expect(page?.items).toEqual(
      ex.claims.map((c) => ({ ...c, articleId: ex.article.id, publishedAt: ex.article.publishedAt })),
    );
  });

  it("writes nothing when the same extraction is completed again", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    const first = await store.completeArticle(ex);
    const before = await allItems();
    const spyClient = db.newClient();
    const calls = countCalls(spyClient);
    const spied = createDynamoClaimStore({ client: spyClient, tableName: currentTable });
    const again = await spied.completeArticle(ex);
    expect(again).toEqual(first);
    expect(calls.calls.filter((c) => /Put|Update|Delete|BatchWrite/.test(c))).toEqual([]);
    expect(await allItems()).toEqual(before);
  });

  it("records a newer extractor's version even when it finds the same claims", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    await store.completeArticle({ ...ex, extractorVersion: "2000.01.01" });
    expect((await store.getArticle(ex.article.id))?.extractorVersion).toBe("2000.01.01");
    const redone = await store.completeArticle(ex);
    expect(redone).toMatchObject({ status: "PROCESSED", extractorVersion: EXTRACTOR_VERSION });
    expect((await store.listArticleClaims(ex.article.id, { limit: 10 }))?.items).toHaveLength(4);
  });

  it("replaces the claims of an earlier extraction of the same content, leaving none of the old ones", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    await store.completeArticle(ex);
    // A better extractor finds fewer claims, with other entities and speakers.
    const redo = {
      ...ex,
      claims: [{ ...ex.claims[0]!, entities: [{ name: "EU", type: "organization" as const }], time: null }],
    };
    const done = await store.completeArticle(redo);
    expect(done.claimCount).toBe(1);
    const items = await itemsOfArticle(ex.article.id);
    expect(items.map((i) => i.sk).sort()).toEqual([
      "#ARTICLE",
      expect.stringMatching(/^#SOURCE#/),
      "CLAIM#000000",
      "ENTITY#000000#eu",
      "SPEAKER#keir starmer",
      // Tracking: the packed claims, and one candidate-index item per blocking key of the new claims only.
      "TRACK",
      "TRACKKEY##:0",
      "TRACKKEY#$starmer",
      "TRACKKEY#@eu",
    ]);
    expect((await store.listSpeakers({ limit: 10 })).items).toMatchObject([
      { name: "Keir Starmer", claimCount: 1, articleCount: 1 },
    ]);
  });

  it("refuses claims whose ids do not locate them, and claims too large to store", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    const wrongId = { ...ex, claims: [{ ...ex.claims[0]!, id: "someone-else-c0000" }] };
    await expect(store.completeArticle(wrongId)).rejects.toBeInstanceOf(InvalidRecordError);
    const huge = "x".repeat(70_000);
    const big = { ...ex, claims: [{ ...ex.claims[0]!, text: huge }] };
    await expect(store.completeArticle(big)).rejects.toThrow(/takes \d+ bytes/);
    expect((await store.getArticle(ex.article.id))?.status).toBe("PENDING");
    expect((await itemsOfArticle(ex.article.id)).filter((i) => String(i.sk).startsWith("CLAIM"))).toEqual([]);
  });

  it("throws ArticleNotFoundError for an article never recorded, and writes nothing", async () => {
    await expect(store.completeArticle(speechOf("ghost"))).rejects.toBeInstanceOf(ArticleNotFoundError);
    expect(await allItems()).toEqual([]);
  });
});

describe("failing an article", () => {
  it("marks it FAILED with its reason and removes claims an earlier run stored", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    await store.completeArticle(ex);
    const failed = await store.markFailed(ex.article.id, "the file is empty\n  (0 bytes)");
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "the file is empty (0 bytes)", claimCount: 0 });
    expect(await store.listArticleClaims(ex.article.id, { limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect((await store.listSpeakers({ limit: 10 })).items).toEqual([]);
    expect((await allItems()).filter((i) => i.type === "speaker")).toEqual([]);
  });
});

describe("replacing, removing and deleting", () => {
  it("replaces a key's article when the key gets new content, keeping the old one as an earlier version", async () => {
    const old = speechOf("old");
    await store.recordPending(pendingFor(old, source("incoming/a.txt")));
    await store.completeArticle(old);
    const fresh = speechOf("new");
    const result = await store.recordPending(pendingFor(fresh, source("incoming/a.txt")));
    expect(result).toMatchObject({ created: true, replacedArticleId: old.article.id, replacedArticleDeleted: false });
    await store.completeArticle(fresh);
    // Readable by id, out of every list: its claims are in no index and no count.
    expect(await store.getArticle(old.article.id)).toMatchObject({ supersededBy: fresh.article.id, sources: [] });
    expect(await store.getClaim(old.claims[0]!.id)).toMatchObject({ id: old.claims[0]!.id });
    expect((await store.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([fresh.article.id]);
    expect((await store.findClaims({}, { limit: 50 })).items.every((c) => c.articleId === fresh.article.id)).toBe(true);
    expect((await itemsOfArticle(old.article.id)).map((i) => i.type).sort()).toEqual([
      "article",
      ...old.claims.map(() => "claim-archived"),
    ]);
    expect(await store.findArticleIdBySource(source("incoming/a.txt"))).toBe(fresh.article.id);
    expect((await store.listSpeakers({ limit: 10 })).items).toMatchObject([
      { name: "Keir Starmer", claimCount: 2, articleCount: 1 },
      { name: "Volodymyr Zelenskyy", claimCount: 1, articleCount: 1 },
    ]);
    // Deleting the key deletes its history too.
    const removed = await store.removeSource(source("incoming/a.txt"));
    expect(removed).toEqual({ articleId: fresh.article.id, articleDeleted: true, removedVersionIds: [old.article.id] });
    expect(await allItems()).toEqual([]);
  });

  it("keeps an article that loses one of two keys, and deletes it with the last", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    await store.recordPending(pendingFor(ex, source("incoming/b.txt")));
    await store.completeArticle(ex);
    expect(await store.removeSource(source("incoming/a.txt"))).toEqual({
      articleId: ex.article.id,
      articleDeleted: false,
      removedVersionIds: [],
    });
    expect((await store.getArticle(ex.article.id))?.sources).toEqual([source("incoming/b.txt")]);
    expect(await store.removeSource(source("incoming/b.txt"))).toEqual({
      articleId: ex.article.id,
      articleDeleted: true,
      removedVersionIds: [],
    });
    expect(await allItems()).toEqual([]);
    expect(await store.removeSource(source("incoming/b.txt"))).toEqual({
      articleId: null,
      articleDeleted: false,
      removedVersionIds: [],
    });
  });

  it("deletes an article with every record of it and gives back what it deleted", async () => {
    const a = speechOf("a");
    const b = speechOf("b");
    for (const [ex, key] of [
      [a, "incoming/a.txt"],
      [b, "incoming/b.txt"],
    ] as const) {
      await store.recordPending(pendingFor(ex, source(key)));
      await store.completeArticle(ex);
    }
    const deleted = await store.deleteArticle(a.article.id);
    expect(deleted).toMatchObject({ id: a.article.id, sources: [source("incoming/a.txt")] });
    expect(await itemsOfArticle(a.article.id)).toEqual([]);
    expect(await store.findArticleIdBySource(source("incoming/a.txt"))).toBeNull();
    expect((await store.listSpeakers({ limit: 10 })).items).toMatchObject([
      { name: "Keir Starmer", claimCount: 2, articleCount: 1 },
      { name: "Volodymyr Zelenskyy", claimCount: 1, articleCount: 1 },
    ]);
    expect(await store.deleteArticle(a.article.id)).toBeNull();
  });

  it("leaves nothing when an article is deleted while it is being completed", async () => {
    const ex = speechOf("a");
    await store.recordPending(pendingFor(ex, source("incoming/a.txt")));
    // Delete between completeArticle's first read and its final update: the update's condition notices.
    const spyClient = db.newClient();
    let deleted = false;
    spyClient.middlewareStack.add(
      ((next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName === "UpdateItemCommand" && !deleted) {
          const input = (args as { input: { Key?: { sk?: unknown } } }).input;
          if (JSON.stringify(input.Key).includes("#ARTICLE")) {
            deleted = true;
            await store.deleteArticle(ex.article.id);
          }
        }
        return next(args);
      }) as never,
      { step: "initialize" },
    );
    const racing = createDynamoClaimStore({ client: spyClient, tableName: currentTable });
    await expect(racing.completeArticle(ex)).rejects.toBeInstanceOf(ArticleNotFoundError);
    expect(deleted).toBe(true);
    expect(await allItems()).toEqual([]);
  });
});
