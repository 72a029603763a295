// The facts routes over real HTTP against dynalite: a tracking set completed through the store, then read back
// as facts (members with article, outlet, speaker, stance; conflicts; updates; timeline), a claim's related
// claims and the filtered feed, with problem+json errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FactPage } from "../../functions/schemas/fact-api.ts";
import { FactRecord, RelatedClaims } from "../../functions/schemas/fact-records.ts";
import { pendingFor, source } from "../support/extractions.ts";
import { trackingSet } from "../support/tracking-set.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
  for (const { file, extraction } of trackingSet) {
    await api.store.recordPending(pendingFor(extraction, source(`incoming/${file}`, BUCKET)));
    await api.store.completeArticle(extraction);
  }
});
afterAll(async () => {
  await api.stop();
});

const byPrefix = (p: string) => trackingSet.find((t) => t.file.startsWith(p))!.extraction;
const claimWith = (p: string, words: string) => byPrefix(p).claims.find((c) => c.text.includes(words))!;

describe("GET /facts/{id}", () => {
  it("gives the members with their articles, outlets, speakers and stance, and a timeline", async () => {
    const belt = claimWith("a-", "conveyor belt");
    const res = await api.call("GET", `/facts/fact-${belt.id}`);
    expect(res.status).toBe(200);
    const fact = FactRecord.parse(res.json);
    expect(fact.members.map((m) => m.outlet)).toEqual(["Coastline Gazette", "Northern Wire", "Coastline Gazette"]);
    expect(fact.members.every((m) => m.speaker === "Anna Korvel" && m.certainty === "certain")).toBe(true);
    expect(fact.corroboration.independentSources).toBe(2);
    expect(fact.statuses).toContain("corroborated");
    expect(fact.timeline[0]).toMatchObject({ event: "first-report", claimId: belt.id });
    expect(fact.links.length).toBeGreaterThanOrEqual(2);
  });

  it("gives the updates of a fact whose date moved, in its timeline", async () => {
    const reopen = claimWith("a-", "reopen");
    const fact = FactRecord.parse((await api.call("GET", `/facts/fact-${reopen.id}`)).json);
    expect(fact.updates.map((u) => u.kind)).toContain("rescheduled");
  });

  it("answers 404 problem+json for an unknown fact and 400 for a malformed id", async () => {
    const missing = await api.call("GET", `/facts/fact-${"0".repeat(20)}-c0000`);
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect((await api.call("GET", "/facts/not-a-fact")).status).toBe(400);
  });
});

describe("GET /claims/{id}/related", () => {
  it("gives the other members of the claim's fact and the updates that touch it", async () => {
    const count = claimWith("c-", "rose to 14");
    const related = RelatedClaims.parse((await api.call("GET", `/claims/${count.id}/related`)).json);
    expect(related.claimId).toBe(count.id);
    expect(related.updates).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: count.id, kind: "revised-figure" })]),
    );
    const belt = claimWith("b-", "conveyor belt");
    const same = RelatedClaims.parse((await api.call("GET", `/claims/${belt.id}/related`)).json);
    expect(same.factId).toBe(`fact-${claimWith("a-", "conveyor belt").id}`);
    expect(same.sameFact).toHaveLength(2);
  });

  it("answers 404 for a claim nobody tracked", async () => {
    expect((await api.call("GET", `/claims/${"0".repeat(20)}-c0000/related`)).status).toBe(404);
  });
});

describe("GET /facts", () => {
  it("lists facts most recently reported first, filtered by speaker, entity, window and status", async () => {
    const all = FactPage.parse((await api.call("GET", "/facts")).json).items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const times = all.map((f) => f.lastReported);
    expect(times).toEqual([...times].sort().reverse());
    const korvel = FactPage.parse((await api.call("GET", "/facts?speaker=anna%20korvel")).json).items;
    expect(korvel.length).toBeGreaterThan(0);
    expect(korvel.length).toBeLessThan(all.length);
    const brenholt = FactPage.parse((await api.call("GET", "/facts?entity=Brenholt")).json).items;
    expect(brenholt.map((f) => f.text).join(" ")).toContain("library");
    const none = FactPage.parse((await api.call("GET", "/facts?from=2027-01-01")).json).items;
    expect(none).toEqual([]);
    const corroborated = FactPage.parse((await api.call("GET", "/facts?status=corroborated")).json).items;
    expect(corroborated.length).toBeGreaterThan(0);
    expect(corroborated.every((f) => f.statuses.includes("corroborated"))).toBe(true);
    expect(FactPage.parse((await api.call("GET", "/facts?status=retracted")).json).items).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const first = FactPage.parse((await api.call("GET", "/facts?limit=2")).json);
    expect(first.items).toHaveLength(2);
    const next = FactPage.parse((await api.call("GET", `/facts?limit=2&cursor=${first.nextCursor}`)).json);
    expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await api.call("GET", "/facts?status=nonsense")).status).toBe(400);
  });
});
