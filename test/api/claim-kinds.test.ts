// `attribution.kind` through the handler on dynalite: `GET /claims?kind=` alone and with the article, speaker and
// polarity filters, and a claim stored before claims had a kind (its item lacks the attribute), which reads and is
// found as a statement.
import { DynamoDBDocumentClient, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClaimPage } from "../../functions/schemas/api.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

const harbour = makeExtraction({
  seed: "harbour kinds",
  publishedAt: "2025-09-02",
  claims: [
    { speaker: "Ines Varga", text: "The pier will be rebuilt by spring.", kind: "intention" },
    { speaker: "Ines Varga", text: "The tides have grown stronger.", kind: "belief" },
    { speaker: "Tom Aldous", text: "The new pier design is reckless.", kind: "evaluation" },
    { speaker: "Tom Aldous", text: "The council met on Monday." },
    { text: "The harbour closed at noon." },
  ],
});
harbour.claims[1]!.polarity = "negative";
/** Stored before claims had a kind: its items lose the attribute below. */
const older = makeExtraction({
  seed: "older harbour",
  publishedAt: "2025-08-01",
  claims: [{ speaker: "Ines Varga", text: "The old pier was safe." }],
});

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
  for (const ex of [harbour, older]) {
    await api.store.recordPending(pendingFor(ex, source(`incoming/${ex.article.id}.txt`, BUCKET)));
    await api.store.completeArticle(ex);
  }
  const doc = DynamoDBDocumentClient.from(api.db.client);
  const { Items = [] } = await doc.send(new ScanCommand({ TableName: api.db.tableName }));
  for (const item of Items.filter((i) => i.record?.articleId === older.article.id && i.record.attribution))
    await doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: "REMOVE #r.#a.#k",
        ExpressionAttributeNames: { "#r": "record", "#a": "attribution", "#k": "kind" },
      }),
    );
});
afterAll(async () => {
  await api.stop();
});

/** The claim texts of a list, following nextCursor (pages may be short). */
async function texts(path: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.call("GET", `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status, `${path}: ${res.text}`).toBe(200);
    // The served claims carry their kind (not only once parsed with the schema's default).
    for (const c of res.json.items)
      expect(["statement", "belief", "intention", "evaluation"]).toContain(c.attribution.kind);
    const page = ClaimPage.parse(res.json);
    out.push(...page.items.map((c) => c.text));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe("GET /claims?kind=", () => {
  it("keeps the claims of that kind only", async () => {
    expect(await texts("/claims?kind=belief")).toEqual(["The tides have grown stronger."]);
    expect(await texts("/claims?kind=intention")).toEqual(["The pier will be rebuilt by spring."]);
    expect(await texts("/claims?kind=evaluation")).toEqual(["The new pier design is reckless."]);
  });

  it("finds the article's own voice and claims stored without a kind as statements", async () => {
    expect(await texts("/claims?kind=statement")).toEqual([
      "The council met on Monday.",
      "The harbour closed at noon.",
      "The old pier was safe.",
    ]);
    const old = await api.call("GET", `/claims/${older.claims[0]!.id}`);
    expect(old.json.attribution.kind).toBe("statement");
  });

  it("combines with the article, speaker and polarity filters", async () => {
    expect(await texts(`/claims?article=${harbour.article.id}&kind=statement`)).toEqual([
      "The council met on Monday.",
      "The harbour closed at noon.",
    ]);
    expect(await texts("/claims?speaker=Varga&kind=statement")).toEqual(["The old pier was safe."]);
    expect(await texts("/claims?speaker=Ines%20Varga&kind=belief&polarity=negative")).toEqual([
      "The tides have grown stronger.",
    ]);
    expect(await texts("/claims?kind=belief&polarity=positive")).toEqual([]);
  });

  it("refuses a kind that is none of the four", async () => {
    const res = await api.call("GET", "/claims?kind=opinion");
    expect(res.status).toBe(400);
    expect(res.text).toContain("query.kind");
  });
});
