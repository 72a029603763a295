// One person is one speaker whatever the spelling, through the handler on dynalite: GET /speakers (aliases, ?q=),
// ?speaker= and /speakers/{name}/claims under any variant or a surname alone; the claim filters article, outlet,
// polarity and overlapping time windows; the article filters status, outlet and key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticlePage, ClaimPage, SpeakerPage } from "../../functions/schemas/api.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

function article(
  seed: string,
  outlet: string,
  publishedAt: string,
  claims: Parameters<typeof makeExtraction>[0]["claims"],
) {
  const ex = makeExtraction({ seed, publishedAt, claims });
  ex.article.outlet = outlet;
  return ex;
}

const kyiv = article("kyiv", "Kyiv Independent", "2025-07-10", [
  { speaker: "Volodymyr Zelenskyy", entities: ["Rome"], time: ["2025-07-10", "2025-07-11"] },
  { speaker: "Volodymyr Zelenskyy" },
  { speaker: "Radosław Sikorski", time: ["2025-07-01", "2025-07-09"] },
  { speaker: "Emmanuel Macron", time: ["2025-07-12", "2025-07-12"] },
]);
kyiv.claims[1]!.polarity = "negative";
const paris = article("paris", "Le Monde", "2025-07-08", [
  { speaker: "Volodymyr Zelenskiy" },
  { speaker: "Zelensky" },
  { speaker: "Macron" },
  { speaker: "Radoslaw Sikorski" },
]);
const london = article("london", "BBC", "2025-07-06", [
  { speaker: "Boris Johnson" },
  { speaker: "Johnson" },
  { speaker: "Lyndon Johnson" },
  { speaker: "ZELENSKYY" },
]);
const broken = makeExtraction({ seed: "broken", claims: [] });
const keyOf = (ex: Extraction) => `incoming/${ex.article.id}.txt`;

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
  for (const ex of [kyiv, paris, london]) {
    await api.store.recordPending(pendingFor(ex, source(keyOf(ex), BUCKET)));
    await api.store.completeArticle(ex);
  }
  await api.store.recordPending(pendingFor(broken, source("incoming/uploads/u1/broken report.html", BUCKET)));
  await api.store.markFailed(broken.article.id, "the file holds no readable text");
});
afterAll(async () => {
  await api.stop();
});

async function get(path: string) {
  const res = await api.call("GET", path);
  expect(res.status, `${path}: ${res.text}`).toBe(200);
  return res.json;
}

/** Every claim id of a list, following nextCursor (pages may be short). */
async function claimIds(path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page = ClaimPage.parse(await get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`));
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const ids = (ex: Extraction, ...ordinals: number[]) => ordinals.map((o) => ex.claims[o]!.id);

describe("speakers", () => {
  it("lists spelling variants as one speaker with its aliases and exact counts", async () => {
    const page = SpeakerPage.parse(await get("/speakers?limit=200"));
    const byName = new Map(page.items.map((s) => [s.name, s]));
    expect(byName.get("Volodymyr Zelenskyy")).toEqual({
      name: "Volodymyr Zelenskyy",
      aliases: expect.arrayContaining(["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"]),
      claimCount: 3,
      articleCount: 2,
    });
    expect(byName.has("Volodymyr Zelenskiy")).toBe(false);
    const sikorski = page.items.find((s) => s.aliases.includes("Radoslaw Sikorski"))!;
    expect(sikorski).toMatchObject({ claimCount: 2, articleCount: 2 });
    expect([...sikorski.aliases].sort()).toEqual(["Radoslaw Sikorski", "Radosław Sikorski"]);
    // A surname alone keeps its own entry (its counts stay exact); its spellings meet there too.
    const alone = page.items.find((s) => s.aliases.includes("Zelensky"))!;
    expect(alone).toMatchObject({ claimCount: 2, articleCount: 2 });
    expect(page.items).toHaveLength(8);
  });

  it.each([
    ["Zelenskyy", [...ids(kyiv, 0, 1), ...ids(paris, 0, 1), ...ids(london, 3)]],
    ["Volodymyr%20Zelenskiy", [...ids(kyiv, 0, 1), ...ids(paris, 0, 1), ...ids(london, 3)]],
    ["VOLODYMYR%20ZELENSKY", [...ids(kyiv, 0, 1), ...ids(paris, 0, 1), ...ids(london, 3)]],
    ["Radoslaw%20Sikorski", [...ids(kyiv, 2), ...ids(paris, 3)]],
    ["Macron", [...ids(kyiv, 3), ...ids(paris, 2)]],
    ["emmanuel%20macron", [...ids(kyiv, 3), ...ids(paris, 2)]],
    // Three Johnsons: the surname alone means only the claims quoted under it alone.
    ["Johnson", ids(london, 1)],
    ["Boris%20Johnson", ids(london, 0)],
  ])("?speaker=%s and /speakers/%s/claims find the same person", async (name, expected) => {
    expect(await claimIds(`/claims?speaker=${name}&limit=2`)).toEqual(expected);
    expect(await claimIds(`/speakers/${name}/claims?limit=1`)).toEqual(expected);
  });

  it("answers 404 for a name nobody is quoted under, and no claims for ?speaker=", async () => {
    for (const name of ["Brigitte%20Macron", "Smith", "Zelen"]) {
      const res = await api.call("GET", `/speakers/${name}/claims`);
      expect(res.status, name).toBe(404);
      expect(await claimIds(`/claims?speaker=${name}`)).toEqual([]);
    }
  });

  it("combines a speaker with the other filters", async () => {
    expect(await claimIds("/claims?speaker=Zelensky&polarity=negative")).toEqual(ids(kyiv, 1));
    expect(await claimIds("/claims?speaker=Zelensky&outlet=le%20monde")).toEqual(ids(paris, 0, 1));
    expect(await claimIds(`/claims?speaker=Sikorski&article=${paris.article.id}`)).toEqual(ids(paris, 3));
    expect(await claimIds("/claims?speaker=Zelenskyy&from=2025-07-11&to=2025-07-20")).toEqual(ids(kyiv, 0));
  });

  it.each([
    ["zel", ["Volodymyr Zelenskyy", "Zelensky"]],
    ["ZELENSKIY", ["Volodymyr Zelenskyy", "Zelensky"]],
    ["volo", ["Volodymyr Zelenskyy"]],
    ["volodymyr%20zel", ["Volodymyr Zelenskyy"]],
    ["sik", ["Radosław Sikorski"]],
    ["rad", ["Radosław Sikorski"]],
    ["john", ["Boris Johnson", "Johnson", "Lyndon Johnson"]],
    ["xyz", []],
  ])("?q=%s finds speakers by the start of a name word", async (q, names) => {
    const page = SpeakerPage.parse(await get(`/speakers?q=${q}`));
    expect(page.items.map((s) => s.name).sort()).toEqual(names);
    expect(page.nextCursor).toBeNull();
  });

  it("gives ?q= at most limit speakers, most quoted first, and refuses a cursor with it", async () => {
    const page = SpeakerPage.parse(await get("/speakers?q=zel&limit=1"));
    expect(page.items.map((s) => s.name)).toEqual(["Volodymyr Zelenskyy"]);
    const res = await api.call("GET", "/speakers?q=zel&cursor=abc");
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ field: "query.cursor", message: "is not used with q" }]);
  });
});

describe("claim filters", () => {
  it("filters by article, in reading order", async () => {
    expect(await claimIds(`/claims?article=${kyiv.article.id}&limit=3`)).toEqual(ids(kyiv, 0, 1, 2, 3));
    const res = await api.call("GET", "/claims?article=not-an-id");
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe("query.article");
  });

  it("filters by outlet, case and spacing aside", async () => {
    expect(await claimIds("/claims?outlet=LE%20%20MONDE")).toEqual(ids(paris, 0, 1, 2, 3));
    expect(await claimIds("/claims?outlet=Nobody%20Weekly")).toEqual([]);
  });

  it("filters by polarity", async () => {
    expect(await claimIds("/claims?polarity=negative")).toEqual(ids(kyiv, 1));
    expect(await claimIds(`/claims?polarity=positive&article=${london.article.id}`)).toEqual(ids(london, 0, 1, 2, 3));
    expect((await api.call("GET", "/claims?polarity=neutral")).status).toBe(400);
  });

  it("keeps claims whose period overlaps the window, ordered by its start", async () => {
    // 10–11 July is in a window of the 10th alone, and of the 11th alone.
    expect(await claimIds("/claims?from=2025-07-10&to=2025-07-10")).toEqual(ids(kyiv, 0));
    expect(await claimIds("/claims?from=2025-07-11&to=2025-07-11")).toEqual(ids(kyiv, 0));
    expect(await claimIds("/claims?from=2025-07-09&to=2025-07-10")).toEqual(ids(kyiv, 2, 0));
    expect(await claimIds("/claims?from=2025-07-11")).toEqual(ids(kyiv, 0, 3));
    expect(await claimIds("/claims?to=2025-07-09")).toEqual(ids(kyiv, 2));
    expect(await claimIds("/claims?from=2025-07-13")).toEqual([]);
    expect(await claimIds("/claims?from=2025-07-10&to=2025-07-12&outlet=kyiv%20independent")).toEqual(ids(kyiv, 0, 3));
  });
});

describe("word search", () => {
  it("is not a filter of GET /claims: ?q= answers 400 pointing at GET /claims/search", async () => {
    const res = await api.call("GET", "/claims?q=ferry%20route");
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { field: "query.q", message: "words in the claims' text are searched by GET /claims/search?q=ferry%20route" },
    ]);
    expect(res.json.detail).toMatch(/claims\/search/);
  });
});

describe("article filters", () => {
  const articleIds = async (path: string) => ArticlePage.parse(await get(path)).items.map((a) => a.id);

  it("filters by status", async () => {
    expect(await articleIds("/articles?status=FAILED")).toEqual([broken.article.id]);
    expect((await articleIds("/articles?status=PROCESSED")).sort()).toEqual(
      [kyiv, paris, london].map((e) => e.article.id).sort(),
    );
    expect(await articleIds("/articles?status=PENDING")).toEqual([]);
    expect((await api.call("GET", "/articles?status=DONE")).status).toBe(400);
  });

  it("filters by outlet, case aside, and combines it with status", async () => {
    expect(await articleIds("/articles?outlet=bbc")).toEqual([london.article.id]);
    expect(await articleIds("/articles?outlet=bbc&status=FAILED")).toEqual([]);
  });

  it("finds the article an object holds by its key or its file name", async () => {
    expect(await articleIds(`/articles?key=${encodeURIComponent(keyOf(paris))}`)).toEqual([paris.article.id]);
    expect(await articleIds(`/articles?key=${paris.article.id}.txt`)).toEqual([paris.article.id]);
    const upload = encodeURIComponent("incoming/uploads/u1/broken report.html");
    const found = ArticlePage.parse(await get(`/articles?key=${upload}`));
    expect(found.items.map((a) => [a.id, a.status, a.failureReason])).toEqual([
      [broken.article.id, "FAILED", "the file holds no readable text"],
    ]);
    expect(await articleIds(`/articles?key=${upload}&status=PROCESSED`)).toEqual([]);
    expect(await articleIds("/articles?key=missing.txt")).toEqual([]);
  });
});
