// The store's read side against dynalite: every list paged across several pages, every filter checked against
// a plain in-memory model of the same claims, cursors that were edited or belong to another list refused, and a
// property test that the claims of an article read back equal those written.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../functions/schemas/article.ts";
import type { ClaimRecord } from "../../functions/schemas/records.ts";
import type { ClaimFilter, ClaimStore, Page, PageRequest } from "../../functions/store/claim-store.ts";
import { encodeCursor } from "../../functions/store/cursor.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { InvalidCursorError } from "../../functions/store/errors.ts";
import { nameKey, sortableTime } from "../../functions/store/keys.ts";
import { speakerKey } from "../../functions/store/speaker-names.ts";
import { keyNamesOf } from "../../functions/store/table-design.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { type ClaimSpec, makeExtraction, pendingFor, source } from "../support/extractions.ts";

let db: RunningDynalite;
let store: ClaimStore;
const RECEIVED = "2025-08-01T00:00:00.000Z";

beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

async function storeWith(extractions: Extraction[]): Promise<ClaimStore> {
  const s = createDynamoClaimStore({
    client: db.client,
    tableName: await db.newTable(),
    now: () => new Date(RECEIVED),
  });
  for (const ex of extractions) {
    await s.recordPending(pendingFor(ex, source(`incoming/${ex.article.id}.txt`)));
    await s.completeArticle(ex);
  }
  return s;
}

/** Follows nextCursor to the end; checks no page is larger than asked and the cursor is null exactly at the end. */
async function readAll<T>(read: (page: PageRequest) => Promise<Page<T> | null>, limit: number): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await read({ limit, cursor });
    if (!page) throw new Error("list not found");
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

const records = (ex: Extraction): ClaimRecord[] =>
  ex.claims.map((c) => ({ ...c, articleId: ex.article.id, publishedAt: ex.article.publishedAt }));

/** The documented semantics of GET /claims, as a plain filter and sort over every stored claim. */
function expectedClaims(all: ClaimRecord[], f: ClaimFilter): ClaimRecord[] {
  const matches = all.filter(
    (c) =>
      (!f.speaker || (c.attribution.speaker !== null && speakerKey(c.attribution.speaker) === speakerKey(f.speaker))) &&
      (!f.entity || c.entities.some((e) => nameKey(e.name) === nameKey(f.entity!))) &&
      // The period overlaps the window.
      (!f.from || (c.time !== null && c.time.end >= f.from)) &&
      (!f.to || (c.time !== null && c.time.start <= f.to)) &&
      (!f.certainty || c.certainty === f.certainty),
  );
  const byTime = !f.speaker && !f.entity && (f.from || f.to);
  const feedKey = (c: ClaimRecord) => `${sortableTime(c.publishedAt, RECEIVED)}#${c.articleId}`;
  return matches.sort((a, b) =>
    byTime
      ? a.time!.start.localeCompare(b.time!.start) ||
        a.time!.end.localeCompare(b.time!.end) ||
        a.articleId.localeCompare(b.articleId) ||
        a.ordinal - b.ordinal
      : feedKey(b).localeCompare(feedKey(a)) || a.ordinal - b.ordinal,
  );
}

const july = makeExtraction({
  seed: "july",
  publishedAt: "2025-07-07T09:00:00+01:00",
  claims: [
    { speaker: "Keir Starmer", entities: ["NATO", "Ukraine"], time: ["2025-07-01", "2025-07-31"] },
    { speaker: "Mark Rutte", entities: ["NATO"], certainty: "probable", time: ["2025-07-07", "2025-07-07"] },
    { speaker: null, entities: ["Ukraine"], certainty: "possible" },
    { speaker: "keir starmer", time: ["2025-06-01", "2025-06-30"] },
  ],
});
const june = makeExtraction({
  seed: "june",
  publishedAt: "2025-06-20",
  claims: [
    { speaker: "Mark Rutte", entities: ["nato"], time: ["2025-06-20", "2025-06-20"] },
    { speaker: "Mark Rutte", certainty: "possible", time: ["2025-06-01", "2025-12-31"] },
    { speaker: "Ursula von der Leyen", entities: ["EU", "Ukraine"], certainty: "probable" },
  ],
});
const undated = makeExtraction({
  seed: "undated",
  publishedAt: null,
  claims: [
    { speaker: "Mark Rutte", entities: ["NATO"] },
    { speaker: "Keir Starmer", time: ["2025-07-10", "2025-07-12"] },
  ],
});
const corpus = [july, june, undated];
const allRecords = corpus.flatMap(records);

describe("lists, page by page", () => {
  beforeAll(async () => {
    store = await storeWith(corpus);
  });

  it("lists articles newest first (undated ones by the time received)", async () => {
    const articles = await readAll((p) => store.listArticles(p), 1);
    expect(articles.map((a) => a.id)).toEqual([undated.article.id, july.article.id, june.article.id]);
    expect(articles.every((a) => a.status === "PROCESSED")).toBe(true);
  });

  it("lists an article's claims in reading order", async () => {
    expect(await readAll((p) => store.listArticleClaims(july.article.id, p), 3)).toEqual(records(july));
    expect(await store.listArticleClaims("0000000000deadbeef00", { limit: 5 })).toBeNull();
  });

  const filters: [string, ClaimFilter][] = [
    ["no filter", {}],
    ["a speaker, in any case and spacing", { speaker: "  MARK   rutte " }],
    ["an entity", { entity: "nato" }],
    ["a time window", { from: "2025-06-01", to: "2025-07-07" }],
    ["a start only", { from: "2025-07-01" }],
    ["an end only", { to: "2025-06-30" }],
    ["a certainty", { certainty: "probable" }],
    ["speaker and entity", { speaker: "Keir Starmer", entity: "Ukraine" }],
    ["speaker and time", { speaker: "Mark Rutte", from: "2025-06-01", to: "2025-06-30" }],
    ["entity and certainty", { entity: "Ukraine", certainty: "possible" }],
    ["time and certainty", { from: "2025-01-01", certainty: "possible" }],
    ["a speaker nobody quotes", { speaker: "Nobody" }],
  ];
  it.each(filters)("finds claims by %s, across pages of 2", async (_name, filter) => {
    const found = await readAll((p) => store.findClaims(filter, p), 2);
    expect(found).toEqual(expectedClaims(allRecords, filter));
  });

  it("gets a claim by id, and nothing for ids that do not exist", async () => {
    const claim = records(june)[2]!;
    expect(await store.getClaim(claim.id)).toEqual(claim);
    expect(await store.getClaim(`${june.article.id}-c0099`)).toBeNull();
    expect(await store.getClaim(`${june.article.id}-c00002`)).toBeNull();
    expect(await store.getClaim("not-a-claim-id")).toBeNull();
  });

  it("ranks speakers by claim count, then by name", async () => {
    expect(await readAll((p) => store.listSpeakers(p), 2)).toEqual([
      { name: "Mark Rutte", aliases: ["Mark Rutte"], claimCount: 4, articleCount: 3 },
      { name: "Keir Starmer", aliases: ["Keir Starmer", "keir starmer"], claimCount: 3, articleCount: 2 },
      { name: "Ursula von der Leyen", aliases: ["Ursula von der Leyen"], claimCount: 1, articleCount: 1 },
    ]);
  });

  it("lists a speaker's claims newest first, and nothing for unknown speakers", async () => {
    const found = await readAll((p) => store.listSpeakerClaims("keir starmer", p), 1);
    expect(found).toEqual(expectedClaims(allRecords, { speaker: "Keir Starmer" }));
    expect(found.map((c) => c.articleId)).toEqual([undated.article.id, july.article.id, july.article.id]);
    expect(await store.listSpeakerClaims("Nobody", { limit: 5 })).toBeNull();
  });
});

describe("cursors", () => {
  beforeAll(async () => {
    store = await storeWith(corpus);
  });

  const firstCursor = async () => (await store.findClaims({ speaker: "Mark Rutte" }, { limit: 1 })).nextCursor!;

  it("refuses a cursor with any character changed", async () => {
    const cursor = await firstCursor();
    for (const at of [0, Math.floor(cursor.length / 2), cursor.length - 1]) {
      const flipped = cursor.slice(0, at) + (cursor[at] === "A" ? "B" : "A") + cursor.slice(at + 1);
      await expect(store.findClaims({ speaker: "Mark Rutte" }, { limit: 1, cursor: flipped })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    }
    await expect(store.listArticles({ limit: 1, cursor: "garbage" })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.listArticles({ limit: 1, cursor: cursor.slice(0, -3) })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it("refuses a cursor from another list or other filters", async () => {
    const cursor = await firstCursor();
    await expect(store.findClaims({ speaker: "Keir Starmer" }, { limit: 1, cursor })).rejects.toThrow(/another list/);
    await expect(store.findClaims({}, { limit: 1, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.listArticles({ limit: 1, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.listSpeakerClaims("Mark Rutte", { limit: 1, cursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it("refuses a well-formed cursor naming a position outside the list", async () => {
    const forged = encodeCursor(
      { scope: "x", keyNames: keyNamesOf("gsi1"), partition: { name: "gsi1pk", value: "ARTICLES" } },
      { pk: "ARTICLE#x", sk: "#ARTICLE", gsi1pk: "CLAIMS", gsi1sk: "2025" },
    );
    await expect(store.listArticles({ limit: 1, cursor: forged })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("accepts a page size different from the first page's", async () => {
    const cursor = await firstCursor();
    const rest = await store.findClaims({ speaker: "Mark Rutte" }, { limit: 10, cursor });
    expect(rest.items).toHaveLength(3);
    expect(rest.nextCursor).toBeNull();
  });
});

describe("property: the claims of an article read back equal those written", () => {
  const claimSpec: fc.Arbitrary<ClaimSpec> = fc.record({
    text: fc.string({ minLength: 1, maxLength: 80 }).filter((t) => t.trim().length > 0),
    speaker: fc.option(fc.constantFrom("Keir Starmer", "KEIR STARMER", "Mark Rutte", "Zoë Ångström", "人民日报"), {
      nil: null,
    }),
    certainty: fc.constantFrom("certain", "probable", "possible"),
    entities: fc.uniqueArray(fc.constantFrom("NATO", "nato", "Ukraine", "EU", "Paris"), { maxLength: 3 }),
    time: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }))
        .map(([s, len]) => [day(s), day(s + len)] as [string, string]),
      { nil: null },
    ),
  });

  it("for any claims, any page size, and every filter's model", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(claimSpec, { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.record({
          speaker: fc.option(fc.constantFrom("keir starmer", "Zoë Ångström"), { nil: undefined }),
          entity: fc.option(fc.constantFrom("NATO", "Paris"), { nil: undefined }),
          from: fc.option(fc.constantFrom(day(30), day(200)), { nil: undefined }),
          to: fc.option(fc.constantFrom(day(100), day(420)), { nil: undefined }),
          certainty: fc.option(fc.constantFrom("certain" as const, "possible" as const), { nil: undefined }),
        }),
        async (articles, limit, filter) => {
          const extractions = articles.map((claims, i) =>
            makeExtraction({ seed: `prop-${i}-${JSON.stringify(claims)}`, publishedAt: day(i * 3), claims }),
          );
          const s = await storeWith(extractions);
          for (const ex of extractions) {
            expect(await readAll((p) => s.listArticleClaims(ex.article.id, p), limit)).toEqual(records(ex));
          }
          const written = extractions.flatMap(records);
          expect(await readAll((p) => s.findClaims(filter, p), limit)).toEqual(expectedClaims(written, filter));
        },
      ),
      { numRuns: 12 },
    );
  });
});

function day(n: number): string {
  return new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
}
