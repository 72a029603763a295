// What each route costs in DynamoDB calls, counted by an SDK middleware on the handler's real client: reads are
// served by GetItem/Query on keys and indexes — at most 2 calls per request, 3 where a route joins articles and
// claims — and no request ever scans or writes the table. What the routes do in DynamoDB and S3 together is
// exactly what the API function's role is granted (infra/function-grants.ts): nothing more, nothing unused.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createS3ClaimExports } from "../../functions/export/claim-exports.ts";
import { createS3ArticleTexts } from "../../functions/ingest/article-texts.ts";
import { TEXT_PREFIX } from "../../functions/shared/article-text-key.ts";
import { API_OBJECT_ACTIONS, API_TABLE_ACTIONS, API_TEXT_ACTIONS } from "../../infra/function-grants.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { trackingSet } from "../support/tracking-set.ts";
import { athenaSearch, BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
const mirror = mkdtempSync(join(tmpdir(), "claimtrack-budget-"));
const athena = athenaSearch(mirror);
const ex = makeExtraction({
  seed: "budget",
  claims: Array.from({ length: 30 }, (_, i) => ({
    speaker: ["Mark Rutte", "Keir Starmer"][i % 2]!,
    entities: ["NATO"],
    time: ["2025-06-01", "2025-06-30"] as [string, string],
    certainty: "possible" as const,
  })),
});

const versioned = ["versioned v1", "versioned v2"].map((seed) =>
  makeExtraction({ seed, claims: [{ speaker: "Keir Starmer" }, { speaker: null }] }),
);

beforeAll(async () => {
  api = await startApi({ search: athena.search });
  await api.store.recordPending(pendingFor(ex, source("incoming/budget.txt", BUCKET)));
  // As the pipeline does when it processes an article.
  await createS3ArticleTexts(api.s3.client, BUCKET).put(ex.article.id, ex.article.text);
  const article = await api.store.completeArticle(ex);
  await createS3ClaimExports(api.s3.client, BUCKET).put(article, ex.claims);
  // Two articles of the tracking set: a fact to read.
  for (const { file, extraction } of trackingSet.slice(0, 2)) {
    await api.store.recordPending(pendingFor(extraction, source(`incoming/${file}`, BUCKET)));
    await api.store.completeArticle(extraction);
  }
  // Two versions of one key: a history to read.
  for (const version of versioned) {
    await api.store.recordPending(pendingFor(version, source("incoming/versioned.txt", BUCKET)));
    await api.store.completeArticle(version);
  }
});
const tracked = trackingSet[0]!.extraction;
const factId = `fact-${tracked.claims[2]!.id}`;
afterAll(async () => {
  await api.stop();
  await athena.stop();
});

/** The IAM action an SDK command needs ("GetItemCommand" → "dynamodb:GetItem"). */
const actionOf = (command: string) => `dynamodb:${command.replace(/Command$/, "")}`;

/** One request per route (by operationId); a route missing here fails the test, so new routes get a budget. */
const requests: Record<string, { method: string; path: string; body?: string; budget: number }> = {
  listArticles: { method: "GET", path: "/articles?limit=200", budget: 2 },
  getArticle: { method: "GET", path: `/articles/${ex.article.id}`, budget: 2 },
  listArticleClaims: { method: "GET", path: `/articles/${ex.article.id}/claims?limit=5`, budget: 3 },
  // The article with its sources (1 Query), then its key's history (1 Query).
  listArticleVersions: { method: "GET", path: `/articles/${versioned[0]!.article.id}/versions`, budget: 2 },
  getArticleText: { method: "GET", path: `/articles/${ex.article.id}/text`, budget: 1 },
  findClaims: {
    method: "GET",
    path: "/claims?speaker=Mark%20Rutte&entity=NATO&from=2025-01-01&certainty=possible",
    budget: 2,
  },
  getClaim: { method: "GET", path: `/claims/${ex.claims[3]!.id}`, budget: 2 },
  // Athena (its local stand-in) finds the ids; each claim found is one GetItem, at most `limit`.
  searchClaims: {
    method: "GET",
    path: `/claims/search?q=${encodeURIComponent(ex.claims[0]!.text)}&limit=3`,
    budget: 3,
  },
  listSpeakers: { method: "GET", path: "/speakers", budget: 2 },
  // A fact's item carries its members and relations; related reads the article's tracking item, then the fact.
  getFact: { method: "GET", path: `/facts/${factId}`, budget: 1 },
  getRelatedClaims: { method: "GET", path: `/claims/${tracked.claims[2]!.id}/related`, budget: 2 },
  listFacts: { method: "GET", path: "/facts?limit=5", budget: 2 },
  // Which speakers the name means (1 Query by surname), then their claims (1 Query).
  listSpeakerClaims: { method: "GET", path: "/speakers/Keir%20Starmer/claims?limit=3", budget: 2 },
  getOpenApiDocument: { method: "GET", path: "/openapi.json", budget: 0 },
  getDocs: { method: "GET", path: "/docs", budget: 0 },
  getDocsFile: { method: "GET", path: "/docs/docs.js", budget: 0 },
  createUpload: {
    method: "POST",
    path: "/uploads",
    body: JSON.stringify({ contentType: "text/plain", contentLength: 10 }),
    budget: 0,
  },
  // The pipeline records and removes articles; the API only stores and deletes objects.
  submitArticle: { method: "POST", path: "/articles", body: "A new article, said the editor.", budget: 0 },
  deleteArticle: { method: "DELETE", path: `/articles/${ex.article.id}`, budget: 1 },
};

it("every route stays within its DynamoDB call budget and never scans", async () => {
  const doc = (await api.call("GET", "/openapi.json")).json;
  const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
    Object.values(p).map((o) => o.operationId),
  );
  expect(Object.keys(requests).sort()).toEqual([...operations].sort());

  const costs: Record<string, string[]> = {};
  for (const [operationId, req] of Object.entries(requests)) {
    api.dynamoCalls.reset();
    const contentType = req.path === "/uploads" ? "application/json" : "text/plain";
    const res = await api.call(req.method, req.path, { headers: { "Content-Type": contentType }, body: req.body });
    expect(res.status, `${operationId}: ${res.text}`).toBeLessThan(300);
    const calls = [...api.dynamoCalls.calls];
    costs[operationId] = calls;
    expect(calls.length, `${operationId} made ${calls.join(", ")}`).toBeLessThanOrEqual(req.budget);
    expect(
      calls.map(actionOf).filter((a) => !API_TABLE_ACTIONS.includes(a)),
      `${operationId} needs actions the API role lacks`,
    ).toEqual([]);
  }
  const used = new Set(Object.values(costs).flat().map(actionOf));
  expect([...used].sort()).toEqual([...API_TABLE_ACTIONS].sort());
  // The join reads the article (GetItem) and its claims (Query), in parallel.
  expect([...costs.listArticleClaims!].sort()).toEqual(["GetItemCommand", "QueryCommand"]);
  expect(costs.listSpeakerClaims).toEqual(["QueryCommand", "QueryCommand"]);
});

/** Every filter of the lists, alone and combined: each request within 2 calls, never a Scan. */
const filtered: [string, number][] = [
  ["/claims?speaker=Rutte&limit=5", 2],
  ["/claims?speaker=RUTTE&certainty=possible&from=2025-06-10&to=2025-06-10", 2],
  [`/claims?article=${ex.article.id}&polarity=positive&limit=5`, 1],
  [`/claims?article=${ex.article.id}&speaker=Keir%20Starmer`, 2],
  ["/claims?outlet=test%20courier&limit=5", 2],
  ["/claims?polarity=negative", 2],
  ["/claims?kind=belief&certainty=probable", 2],
  ["/claims?speaker=Rutte&kind=statement&polarity=positive", 2],
  ["/claims?from=2025-06-15&to=2025-06-15&outlet=Test%20Courier", 2],
  ["/claims?to=2025-06-15", 2],
  ["/claims?entity=NATO&polarity=positive&outlet=Test%20Courier", 2],
  ["/speakers?q=sta", 2],
  ["/facts?speaker=Anna%20Korvel&status=corroborated&limit=1", 2],
  ["/facts?entity=Velmar&from=2026-03-01&to=2026-03-31", 2],
  ["/speakers?q=keir%20st&limit=1", 2],
  ["/speakers/starmer/claims", 2],
  ["/articles?status=PROCESSED", 2],
  ["/articles?status=FAILED&outlet=Test%20Courier", 2],
  ["/articles?key=budget.txt", 2],
  ["/articles?key=incoming%2Fbudget.txt&status=PROCESSED", 2],
];

it.each(filtered)("%s stays within %i DynamoDB calls", async (path, budget) => {
  api.dynamoCalls.reset();
  const res = await api.call("GET", path);
  expect(res.status, res.text).toBe(200);
  const calls = [...api.dynamoCalls.calls];
  expect(calls.length, calls.join(", ")).toBeLessThanOrEqual(budget);
  expect(calls.filter((c) => c !== "QueryCommand" && c !== "GetItemCommand")).toEqual([]);
});

it("sends S3 only the requests its role allows: objects under the ingest prefix, texts under the text prefix", async () => {
  const text = { "Content-Type": "text/plain" };
  expect((await api.call("GET", `/articles/${ex.article.id}/text`)).status).toBe(200);
  expect((await api.call("POST", "/articles", { headers: text, body: "Stored, said the clerk." })).status).toBe(202);
  expect((await api.call("DELETE", `/articles/${ex.article.id}`)).status).toBe(202);
  const upload = await api.call("POST", "/uploads", {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ contentType: "text/plain", contentLength: 10 }),
  });
  // A presigned URL acts with the API's role when it is used.
  const presigned = new URL(upload.json.url);
  const sent = [
    ...api.s3Requests.map((r) => ({ method: r.method, path: r.path })),
    { method: "PUT", path: presigned.pathname },
  ];
  const grants = [
    { prefix: `/${BUCKET}/incoming/`, actions: API_OBJECT_ACTIONS },
    { prefix: `/${BUCKET}/${TEXT_PREFIX}`, actions: API_TEXT_ACTIONS },
  ];
  const S3_ACTIONS: Record<string, string> = { GET: "s3:GetObject", PUT: "s3:PutObject", DELETE: "s3:DeleteObject" };
  for (const { method, path } of sent) {
    const grant = grants.find((g) => path.startsWith(g.prefix));
    expect(grant?.actions, `${method} ${path}`).toContain(S3_ACTIONS[method]);
  }
  const used = new Set(sent.map((r) => S3_ACTIONS[r.method]));
  expect([...used].sort()).toEqual([...new Set([...API_OBJECT_ACTIONS, ...API_TEXT_ACTIONS])].sort());
});
