// Facts in the store: completing the articles of a small tracking set in any order leaves the same facts (ids,
// members, links) and the same claim → fact memberships; deleting an article takes its claims out of their
// facts (a fact left with one member dissolves) and its relations off the others; re-extraction re-links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../functions/schemas/article.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { pendingFor, source } from "../support/extractions.ts";
import { pauseAt } from "../support/sdk-spy.ts";
import { shuffled, trackingSet } from "../support/tracking-set.ts";

let db: RunningDynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

const clock = () => new Date("2026-03-06T12:00:00.000Z");
const storeOf = (tableName: string): ClaimStore => createDynamoClaimStore({ client: db.client, tableName, now: clock });

async function ingest(store: ClaimStore, list: { file: string; extraction: Extraction }[]) {
  for (const { file, extraction } of list) {
    await store.recordPending(pendingFor(extraction, source(`incoming/${file}`)));
    await store.completeArticle(extraction);
  }
}

/** Facts and memberships as the table holds them, checked against each other. */
async function factsOf(table: string) {
  const items = await db.dumpTable(table);
  const facts = items
    .filter((i) => i.type === "fact")
    .map((f) => ({
      id: f.id as string,
      members: (f.members as { claimId: string }[]).map((m) => m.claimId).sort(),
      links: (f.links as { a: string; b: string }[]).map((l) => `${l.a} ${l.b}`).sort(),
    }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const membership = new Map<string, string>();
  for (const t of items.filter((i) => i.type === "article-track")) {
    const articleId = String(t.pk).slice("ARTICLE#".length);
    for (const [ordinal, fact] of Object.entries(t.facts as Record<string, string>))
      membership.set(`${articleId}-c${ordinal.padStart(4, "0")}`, fact);
  }
  // Every member points at its fact, and nothing else points anywhere.
  const expected = new Map(facts.flatMap((f) => f.members.map((m) => [m, f.id] as const)));
  expect(new Map([...membership].sort())).toEqual(new Map([...expected].sort()));
  expect(items.some((i) => "pendingFacts" in i)).toBe(false);
  return facts;
}

describe("facts in the store", () => {
  it("are the same whatever order the articles arrive in", async () => {
    const reference = await db.newTable();
    await ingest(storeOf(reference), trackingSet);
    const expected = await factsOf(reference);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(expected.every((f) => f.id === `fact-${f.members[0]}`)).toBe(true);
    for (const seed of [3, 11, 42]) {
      const table = await db.newTable();
      await ingest(storeOf(table), shuffled(trackingSet, seed));
      expect(await factsOf(table), `order ${seed}`).toEqual(expected);
    }
  });

  it("lose a deleted article's claims; a fact left with one member dissolves", async () => {
    const table = await db.newTable();
    const store = storeOf(table);
    await ingest(store, trackingSet);
    const before = await factsOf(table);
    const library = trackingSet.find((t) => t.file.startsWith("e-"))!.extraction.article.id;
    await store.deleteArticle(library);
    const after = await factsOf(table);
    // The library story had two articles: its fact is gone with one of them.
    expect(before.some((f) => f.members.some((m) => m.startsWith(library)))).toBe(true);
    expect(after.some((f) => f.members.some((m) => m.startsWith(library)))).toBe(false);
    expect(after.length).toBe(before.filter((f) => !f.members.some((m) => m.startsWith(library))).length);
    // Nothing of the deleted article's tracking is left anywhere.
    const items = await db.dumpTable(table);
    expect(JSON.stringify(items)).not.toContain(library);

    // Deleting the remaining articles one by one leaves no fact and no tracking item at all.
    for (const { extraction } of trackingSet) await store.deleteArticle(extraction.article.id);
    expect(await db.dumpTable(table)).toEqual(expect.not.arrayContaining([expect.objectContaining({ type: "fact" })]));
    expect((await db.dumpTable(table)).filter((i) => String(i.sk).startsWith("TRACK"))).toEqual([]);
  });

  it("relink an article that is extracted again with other claims", async () => {
    const table = await db.newTable();
    const store = storeOf(table);
    await ingest(store, trackingSet);
    const fire = trackingSet.find((t) => t.file.startsWith("b-"))!.extraction;
    // A re-extraction that keeps only its first claim (new ids are the same ids: the same article).
    await store.completeArticle({ ...fire, extractorVersion: "2099.01.01", claims: fire.claims.slice(0, 1) });
    const facts = await factsOf(table);
    const mine = facts.flatMap((f) => f.members).filter((m) => m.startsWith(fire.article.id));
    expect(mine.length).toBeLessThanOrEqual(1);

    // The result is the table of a store that saw the shorter extraction from the start (facts at least).
    const fresh = await db.newTable();
    await ingest(
      storeOf(fresh),
      trackingSet.map((t) =>
        t.file.startsWith("b-")
          ? { ...t, extraction: { ...fire, extractorVersion: "2099.01.01", claims: fire.claims.slice(0, 1) } }
          : t,
      ),
    );
    expect(facts).toEqual(await factsOf(fresh));
  });

  it("records the conflicts and updates a later article brings, on both articles and the facts", async () => {
    const table = await db.newTable();
    await ingest(storeOf(table), trackingSet);
    const items = await db.dumpTable(table);
    const later = trackingSet.find((t) => t.file.startsWith("c-"))!.extraction.article.id;
    const rels = items
      .filter((i) => i.type === "article-track")
      .flatMap((i) => Object.values(i.rels as Record<string, { type: string; kind?: string; to?: string }>));
    const kinds = rels.filter((r) => r.to?.startsWith(later)).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["revised-figure", "rescheduled"]));
    const onFacts = items.filter((i) => i.type === "fact").flatMap((f) => Object.keys(f.rels as object));
    expect(onFacts.some((k) => k.includes(later))).toBe(true);
  });

  describe("an article deleted while another links to it", () => {
    const joining = trackingSet.find((t) => t.file.startsWith("c-"))!;
    const deleted = trackingSet.find((t) => t.file.startsWith("a-"))!;
    const others = trackingSet.filter((t) => t !== joining && t !== deleted);
    /** The facts of a store that never saw the deleted article. */
    const withoutDeleted = async () => {
      const table = await db.newTable();
      await ingest(storeOf(table), [...others, joining]);
      return factsOf(table);
    };
    const startingTable = async () => {
      const table = await db.newTable();
      await ingest(storeOf(table), [...others, deleted]);
      await storeOf(table).recordPending(pendingFor(joining.extraction, source(`incoming/${joining.file}`)));
      return table;
    };

    it("is found gone by the linker, which takes its claims out of the facts it wrote", async () => {
      const table = await startingTable();
      const client = db.newClient();
      // The linker has read its candidates (the deleted article among them) and stops before its first fact.
      const pause = pauseAt(client, "PutItemCommand", '"type":"fact"');
      const linking = createDynamoClaimStore({ client, tableName: table, now: clock }).completeArticle(
        joining.extraction,
      );
      await pause.reached;
      await storeOf(table).deleteArticle(deleted.extraction.article.id);
      pause.release();
      await linking;
      const facts = await factsOf(table);
      expect(JSON.stringify(facts)).not.toContain(deleted.extraction.article.id);
      expect(facts).toEqual(await withoutDeleted());
    });

    it("unlinks again when the linker wrote to it after the deletion read it", async () => {
      const table = await startingTable();
      const client = db.newClient();
      // The deletion has taken the article out of the facts it read; it stops before deleting its key items.
      const pause = pauseAt(client, "BatchWriteItemCommand", "TRACKKEY#");
      const deleting = createDynamoClaimStore({ client, tableName: table, now: clock }).deleteArticle(
        deleted.extraction.article.id,
      );
      await pause.reached;
      // Meanwhile the linker still found the article's key items and links to its claims.
      await storeOf(table).completeArticle(joining.extraction);
      pause.release();
      await deleting;
      const facts = await factsOf(table);
      expect(JSON.stringify(facts)).not.toContain(deleted.extraction.article.id);
      expect(facts).toEqual(await withoutDeleted());
    });
  });
});
