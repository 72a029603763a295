// GET /claims, /claims/{id}, /speakers and /speakers/{name}/claims through the handler: query strings parsed and
// validated, filters and pagination as the store implements them, 400s naming the bad parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClaimPage, Problem, SpeakerPage } from "../../functions/schemas/api.ts";
import { ClaimRecord } from "../../functions/schemas/records.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
const older = makeExtraction({
  seed: "older",
  publishedAt: "2025-06-01",
  claims: [
    { speaker: "AC/DC", entities: ["Sydney"], time: ["2025-05-01", "2025-05-31"] },
    { speaker: "Mark Rutte", entities: ["NATO"], certainty: "possible", time: ["2025-05-20", "2025-05-20"] },
  ],
});
const newer = makeExtraction({
  seed: "newer",
  publishedAt: "2025-07-01",
  claims: [
    { speaker: "Mark Rutte", entities: ["NATO", "The Hague"], time: ["2025-06-24", "2025-06-25"] },
    { speaker: "Mark Rutte", certainty: "probable" },
    { speaker: "Zoë Ångström" },
  ],
});

beforeAll(async () => {
  api = await startApi();
  for (const ex of [older, newer]) {
    await api.store.recordPending(pendingFor(ex, source(`incoming/${ex.article.id}.txt`, BUCKET)));
    await api.store.completeArticle(ex);
  }
});
afterAll(async () => {
  await api.stop();
});

async function claimIds(path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await api.call("GET", `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status, res.text).toBe(200);
    const page = ClaimPage.parse(res.json);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const id = (ex: typeof older, ordinal: number) => ex.claims[ordinal]!.id;

describe("GET /claims", () => {
  it("lists every claim newest article first, in reading order within an article, page by page", async () => {
    expect(await claimIds("/claims?limit=2")).toEqual([
      id(newer, 0),
      id(newer, 1),
      id(newer, 2),
      id(older, 0),
      id(older, 1),
    ]);
  });

  it.each([
    ["speaker", "/claims?speaker=mark%20rutte&limit=1", [id(newer, 0), id(newer, 1), id(older, 1)]],
    ["entity", "/claims?entity=nato", [id(newer, 0), id(older, 1)]],
    ["time window", "/claims?from=2025-05-01&to=2025-05-31", [id(older, 0), id(older, 1)]],
    // Periods that overlap the window: May (older 0) ends after the 15th.
    ["start only", "/claims?from=2025-05-15", [id(older, 0), id(older, 1), id(newer, 0)]],
    ["end only", "/claims?to=2025-05-10", [id(older, 0)]],
    ["certainty", "/claims?certainty=probable", [id(newer, 1)]],
    ["speaker and certainty", "/claims?speaker=Mark+Rutte&certainty=possible", [id(older, 1)]],
    ["speaker and entity", "/claims?speaker=Mark%20Rutte&entity=The%20Hague", [id(newer, 0)]],
    ["a speaker with a slash", "/claims?speaker=AC%2FDC", [id(older, 0)]],
  ])("filters by %s", async (_name, path, expected) => {
    expect(await claimIds(path)).toEqual(expected);
  });

  it.each([
    ["limit=0", "query.limit"],
    ["limit=201", "query.limit"],
    ["limit=ten", "query.limit"],
    ["limit=1.5", "query.limit"],
    ["limit=0x10", "query.limit"],
    ["limit=1e1", "query.limit"],
    ["limit=%2016", "query.limit"],
    ["limit=", "query.limit"],
    ["limit=-5", "query.limit"],
    ["from=2025-02-30", "query.from"],
    ["to=July", "query.to"],
    ["from=2025-07-02&to=2025-07-01", "query.to"],
    ["certainty=sure", "query.certainty"],
    ["speaker=", "query.speaker"],
    ["speakr=Mark", "query.speakr"],
    ["limit=1&limit=2", "query.limit"],
    ["cursor=abc.def", "query.cursor"],
  ])("answers 400 naming the parameter for ?%s", async (query, field) => {
    const res = await api.call("GET", `/claims?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(Problem.parse(res.json).errors?.map((e) => e.field)).toContain(field);
  });

  it("refuses a cursor from another filter or another list with 400, never 500", async () => {
    const page = await api.call("GET", "/claims?speaker=Mark%20Rutte&limit=1");
    const cursor = encodeURIComponent(page.json.nextCursor);
    for (const path of [
      `/claims?entity=NATO&cursor=${cursor}`,
      `/articles?cursor=${cursor}`,
      `/speakers?cursor=${cursor}`,
    ]) {
      const res = await api.call("GET", path);
      expect(res.status, path).toBe(400);
      expect(Problem.parse(res.json).errors).toEqual([{ field: "query.cursor", message: expect.any(String) }]);
    }
  });
});

describe("GET /claims/{id}", () => {
  it("answers the claim with its article id and publication time", async () => {
    const res = await api.call("GET", `/claims/${id(newer, 1)}`);
    expect(res.status).toBe(200);
    expect(ClaimRecord.parse(res.json)).toEqual({
      ...newer.claims[1],
      articleId: newer.article.id,
      publishedAt: "2025-07-01",
    });
  });

  it("answers 404 for an unknown claim and 400 for a malformed id", async () => {
    expect((await api.call("GET", `/claims/${newer.article.id}-c0042`)).status).toBe(404);
    const bad = await api.call("GET", "/claims/nope");
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe("path.id");
  });
});

describe("GET /speakers", () => {
  it("ranks speakers by claim count with their article counts", async () => {
    const res = await api.call("GET", "/speakers?limit=2");
    const first = SpeakerPage.parse(res.json);
    expect(first.items).toEqual([
      { name: "Mark Rutte", aliases: ["Mark Rutte"], claimCount: 3, articleCount: 2 },
      { name: "AC/DC", aliases: ["AC/DC"], claimCount: 1, articleCount: 1 },
    ]);
    const rest = SpeakerPage.parse(
      (await api.call("GET", `/speakers?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).json,
    );
    expect(rest).toEqual({
      items: [{ name: "Zoë Ångström", aliases: ["Zoë Ångström"], claimCount: 1, articleCount: 1 }],
      nextCursor: null,
    });
  });

  it("lists a speaker's claims newest first, the name percent-encoded in the path", async () => {
    expect(await claimIds("/speakers/MARK%20RUTTE/claims?limit=2")).toEqual([id(newer, 0), id(newer, 1), id(older, 1)]);
    expect(await claimIds("/speakers/AC%2FDC/claims")).toEqual([id(older, 0)]);
    expect(await claimIds("/speakers/Zo%C3%AB%20%C3%85ngstr%C3%B6m/claims")).toEqual([id(newer, 2)]);
  });

  it("answers 404 for a speaker nobody quotes, and 400 for a malformed encoding", async () => {
    const res = await api.call("GET", "/speakers/Nobody%20Atall/claims");
    expect(res.status).toBe(404);
    expect(res.json.detail).toBe("Speaker Nobody Atall was not found.");
    expect((await api.call("GET", "/speakers/%E0%A4%A/claims")).status).toBe(400);
  });
});
