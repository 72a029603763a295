// GET /articles/{id}/claims?format=csv|jsonld against dynalite: every claim of the article, as CSV with the
// export's columns (parsed back, field by field) and as schema.org Claims (validated by their zod schema).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS } from "../../functions/export/export-columns.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { Problem } from "../../functions/schemas/api.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import { SchemaOrgClaims } from "../../functions/schemas/open-formats.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
let ex: Extraction;
beforeAll(async () => {
  api = await startApi();
  const body =
    "Title: Library hours extended\nOutlet: Riverside Gazette\nURL: https://example.org/library\n" +
    "Published: 2025-10-03\n\n" +
    'The city library will open on Sundays from November, director Omar Haddad said, "and we will add, ' +
    'for the first time, evening hours".\n\n' +
    "The council confirmed the budget for the longer hours, according to a statement from the mayor's office.\n";
  ex = extract({ bytes: new TextEncoder().encode(body), fileName: "library.txt" });
  await api.store.recordPending({
    id: ex.article.id,
    contentHash: ex.article.contentHash,
    source: { bucket: BUCKET, key: "incoming/library.txt" },
  });
  await api.store.completeArticle(ex);
});
afterAll(async () => {
  await api.stop();
});

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("an article's claims", () => {
  it("as CSV: a header of the export's columns and one row per claim, values intact", async () => {
    const res = await api.call("GET", `/articles/${ex.article.id}/claims?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(ex.claims.length);
    const col = (name: string) => header!.indexOf(name);
    rows.forEach((row, i) => {
      const claim = ex.claims[i]!;
      expect(row[col("claim_id")]).toBe(claim.id);
      expect(row[col("text")]).toBe(claim.text);
      expect(row[col("speaker")]).toBe(claim.attribution.speaker ?? "");
      expect(JSON.parse(row[col("entities")]!)).toEqual(claim.entities);
      expect(row[col("article_outlet")]).toBe(ex.article.outlet ?? "");
    });
  });

  it("as JSON-LD: schema.org Claims whose author is the speaker and whose appearance is the article", async () => {
    const res = await api.call("GET", `/articles/${ex.article.id}/claims?format=jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/ld+json; charset=utf-8");
    const doc = SchemaOrgClaims.parse(res.json);
    expect(doc["@graph"].map((c) => c.identifier)).toEqual(ex.claims.map((c) => c.id));
    doc["@graph"].forEach((item, i) => {
      const claim = ex.claims[i]!;
      expect(item.text).toBe(claim.text);
      if (claim.attribution.speaker) expect(item.author?.name).toBe(claim.attribution.speaker);
      expect(item.datePublished).toBe(ex.article.publishedAt ?? undefined);
      expect(item.appearance).toMatchObject({ "@type": "NewsArticle" });
      if (ex.article.url) expect(item.appearance.url).toBe(ex.article.url);
    });
    expect(doc["@graph"].some((c) => c.author?.name === "Omar Haddad")).toBe(true);
  });

  it("answers 404 for an unknown article and 400 for an unknown format", async () => {
    const missing = await api.call("GET", "/articles/00000000000000000000/claims?format=csv");
    expect(missing.status).toBe(404);
    Problem.parse(missing.json);
    const bad = await api.call("GET", `/articles/${ex.article.id}/claims?format=xml`);
    expect(bad.status).toBe(400);
    expect(Problem.parse(bad.json).errors?.[0]?.field).toBe("query.format");
  });

  it("is documented in the OpenAPI document with its three media types", async () => {
    const doc = (await api.call("GET", "/openapi.json")).json;
    const content = doc.paths["/articles/{id}/claims"].get.responses["200"].content;
    expect(Object.keys(content).sort()).toEqual(["application/json", "application/ld+json", "text/csv"]);
  });
});
