// GET /claims/search through the Athena adapter (signed JSON protocol over HTTP) against the local Athena
// stand-in, which runs the query with DuckDB over the claims export in the local S3; claims are read from dynalite.
// Words, phrases, speaker and time filters, the token to poll when the wait runs out, and the errors.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3ClaimExports } from "../../functions/export/claim-exports.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { ClaimPage, Problem } from "../../functions/schemas/api.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import { SearchPending } from "../../functions/schemas/open-formats.ts";
import { searchTermsOf } from "../../functions/search/search-terms.ts";
import { athenaSearch, BUCKET, type RunningApi, startApi } from "./harness.ts";

const mirror = mkdtempSync(join(tmpdir(), "claimtrack-search-"));
const fast = athenaSearch(join(mirror, "fast"));
const waitless = athenaSearch(join(mirror, "waitless"), 0);

const ARTICLES = [
  "Title: Talks in Geneva\nPublished: 2025-06-02\n\n" +
    "The ceasefire will hold through the summer, negotiator Maria Lind said on Monday.\n\n" +
    "Both sides agreed to meet again in a few days, the mediator's office said.\n\n" +
    "Lind fears that the ceasefire could collapse in the autumn.\n",
  "Title: Harbour strike\nPublished: 2025-06-09\n\n" +
    "Dock workers will strike for a ceasefire in the pay dispute next week, union leader Tom Berg said.\n\n" +
    '"We will not accept a ceasefire without a contract," Berg told reporters.\n',
];

let api: RunningApi;
let slow: RunningApi;
let extractions: Extraction[];
beforeAll(async () => {
  api = await startApi({ search: fast.search });
  slow = await startApi({ search: waitless.search });
  extractions = ARTICLES.map((body, i) => extract({ bytes: new TextEncoder().encode(body), fileName: `a${i}.txt` }));
  for (const target of [api, slow]) {
    const exports = createS3ClaimExports(target.s3.client, BUCKET);
    for (const ex of extractions) {
      await target.store.recordPending({
        id: ex.article.id,
        contentHash: ex.article.contentHash,
        source: { bucket: BUCKET, key: `incoming/${ex.article.id}.txt` },
      });
      await exports.put(await target.store.completeArticle(ex), ex.claims);
    }
  }
});
afterAll(async () => {
  await Promise.all([api?.stop(), slow?.stop(), fast.stop(), waitless.stop()]);
  rmSync(mirror, { recursive: true, force: true });
});

const allClaims = () => extractions.flatMap((ex) => ex.claims);
const search = async (target: RunningApi, query: string) => {
  const res = await target.call("GET", `/claims/search?${query}`);
  return { res, page: res.status === 200 ? ClaimPage.parse(res.json) : null };
};

describe("GET /claims/search", () => {
  it("finds every claim holding all the words, newest article first, in the shape of the other claim lists", async () => {
    const { res, page } = await search(api, "q=ceasefire");
    expect(res.status).toBe(200);
    const expected = allClaims().filter((c) => c.text.toLowerCase().includes("ceasefire"));
    expect(expected.length).toBeGreaterThan(1);
    expect(new Set(page!.items.map((c) => c.id))).toEqual(new Set(expected.map((c) => c.id)));
    expect(page!.items[0]!.publishedAt! >= page!.items.at(-1)!.publishedAt!).toBe(true);
    expect(page!.nextCursor).toBeNull();
  });

  it("takes a phrase in quotes as written, and words anywhere", async () => {
    const phrase = await search(api, `q=${encodeURIComponent('"a ceasefire without"')}`);
    expect(phrase.page!.items.map((c) => c.text.toLowerCase().includes("a ceasefire without"))).toEqual(
      phrase.page!.items.map(() => true),
    );
    const words = await search(api, `q=${encodeURIComponent("ceasefire summer")}`);
    for (const c of words.page!.items) expect(c.text.toLowerCase()).toMatch(/ceasefire.*summer|summer.*ceasefire/);
    expect(words.page!.items.length).toBeGreaterThan(0);
  });

  it("narrows by speaker, case aside, and treats quotes and wildcards in q as text", async () => {
    const speaker = allClaims().find((c) => c.text.includes("summer"))!.attribution.speaker!;
    const { page } = await search(api, `q=ceasefire&speaker=${encodeURIComponent(speaker.toUpperCase())}`);
    expect(page!.items.length).toBeGreaterThan(0);
    for (const c of page!.items) expect(c.attribution.speaker).toBe(speaker);
    const injected = await search(api, `q=${encodeURIComponent("' OR 1=1 -- %")}`);
    expect(injected.res.status).toBe(200);
    expect(injected.page!.items).toEqual([]);
  });

  it("narrows by speaker under any spelling, and by a surname alone", async () => {
    const byLind = allClaims().filter((c) => c.attribution.speaker === "Maria Lind" && /ceasefire/i.test(c.text));
    expect(byLind.length).toBeGreaterThan(0);
    for (const spelling of ["María Lind", "maria  LIND", "Lind"]) {
      const { page } = await search(api, `q=ceasefire&speaker=${encodeURIComponent(spelling)}`);
      expect(
        page!.items.map((c) => c.id),
        spelling,
      ).toEqual(byLind.map((c) => c.id));
    }
    // A first name alone is not a surname: nobody is quoted as "Maria".
    expect((await search(api, "q=ceasefire&speaker=Maria")).page!.items).toEqual([]);
  });

  it("narrows by kind, as GET /claims does", async () => {
    const feared = allClaims().filter((c) => c.attribution.kind === "belief");
    expect(feared.map((c) => [c.attribution.speaker, c.attribution.cue])).toEqual([["Maria Lind", "fears"]]);
    const beliefs = await search(api, "q=ceasefire&kind=belief");
    expect(beliefs.page!.items.map((c) => c.id)).toEqual(feared.map((c) => c.id));
    const statements = await search(api, "q=ceasefire&kind=statement");
    expect(statements.page!.items.length).toBeGreaterThan(1);
    for (const c of statements.page!.items) expect(c.attribution.kind).toBe("statement");
    expect((await api.call("GET", "/claims/search?q=ceasefire&kind=hope")).status).toBe(400);
  });

  it("keeps the claims whose period overlaps the window, as GET /claims does", async () => {
    const long = allClaims().find(
      (c) => c.text.toLowerCase().includes("ceasefire") && c.time && c.time.start < c.time.end,
    )!;
    expect(long, "a ceasefire claim about a period of several days").toBeDefined();
    const day = long.time!.end;
    const { page } = await search(api, `q=ceasefire&from=${day}&to=${day}`);
    expect(page!.items.map((c) => c.id)).toContain(long.id);
    for (const c of page!.items) expect(c.time!.start <= day && c.time!.end >= day).toBe(true);
  });

  it("answers 202 with a token when the query outlasts the wait, and the claims when polled", async () => {
    const first = await slow.call("GET", "/claims/search?q=ceasefire");
    expect(first.status).toBe(202);
    const { token } = SearchPending.parse(first.json);
    expect(first.headers.location).toMatch(new RegExp(`/claims/search\\?token=${token}$`));
    let answer = first;
    for (let i = 0; i < 100 && answer.status === 202; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await slow.call("GET", `/claims/search?token=${encodeURIComponent(token)}`);
    }
    expect(answer.status).toBe(200);
    expect(ClaimPage.parse(answer.json).items.length).toBeGreaterThan(1);
  });

  it("refuses a missing q, an unknown token and a reversed window with problem+json 400s", async () => {
    for (const query of [
      "",
      "token=not-a-token",
      "token=00000000-0000-4000-8000-000000000000",
      "q=x&from=2025-02-01&to=2025-01-01",
    ]) {
      const res = await api.call("GET", `/claims/search?${query}`);
      expect(res.status, query).toBe(400);
      Problem.parse(res.json);
    }
  });
});

describe("without a search engine", () => {
  it("answers 503", async () => {
    const plain = await startApi();
    try {
      const res = await plain.call("GET", "/claims/search?q=ceasefire");
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
    } finally {
      await plain.stop();
    }
  });
});

it("reads words and phrases from q", () => {
  expect(searchTermsOf('ceasefire "in a  few days" Rome "unclosed')).toEqual({
    words: ["ceasefire", "Rome"],
    phrases: ["in a few days", "unclosed"],
  });
});
