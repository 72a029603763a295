// The export of one article as a pure function: partitions, keys, one row per claim with the article's metadata,
// the columns both query engines declare, and the same bytes for the same input.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type ExportedArticle, exportFileOf, exportRowsOf } from "../../functions/export/claim-export.ts";
import { duckdbType, EXPORT_COLUMNS, hiveType } from "../../functions/export/export-columns.ts";
import { exportClaimsKey, exportPartitionOf, projectedPartitions } from "../../functions/export/export-layout.ts";
import type { Claim } from "../../functions/schemas/claim.ts";

const ARTICLE: ExportedArticle = {
  id: "0123456789abcdef0123",
  version: 4,
  metadata: {
    title: "Bridge to close",
    outlet: "Valley Courier",
    url: "https://example.org/bridge",
    publishedAt: "2025-07-01T00:30:00+02:00",
    authors: ["Ida Moss"],
  },
};

const claim = (ordinal: number, speaker: string | null): Claim => ({
  id: `${ARTICLE.id}-c${String(ordinal).padStart(4, "0")}`,
  ordinal,
  text: `The bridge will close for ${ordinal + 2} weeks`,
  evidence: { quote: "close", start: 10 + ordinal, end: 15 + ordinal },
  attribution: {
    speaker,
    speakerType: speaker ? "person" : null,
    cue: speaker ? "said" : null,
    kind: speaker ? "belief" : "statement",
    via: speaker ? ["a statement"] : [],
    reportedBy: null,
    anonymous: false,
  },
  certainty: "certain",
  polarity: "positive",
  time: ordinal === 0 ? { text: "in August", start: "2025-08-01", end: "2025-08-31" } : null,
  entities: [{ name: "Elm Bridge", type: "place" }],
});

describe("the export partition", () => {
  it("is the month as the article states it", () => {
    expect(exportPartitionOf("2025-07-01T00:30:00+02:00")).toBe("2025-07");
    expect(exportPartitionOf("2025-12-31")).toBe("2025-12");
  });

  it("is unknown without a date, with a malformed one, or outside the projected years", () => {
    for (const value of [null, "", "July 2025", "2025-13-01", "1850-01-01", "2200-05-01"]) {
      expect(exportPartitionOf(value)).toBe("unknown");
    }
  });

  it("always takes a value the Glue table projects", () => {
    const projected = new Set(projectedPartitions());
    for (const value of ["1980-01-01", "2049-12-31", "2025-07-08", null]) {
      expect(projected.has(exportPartitionOf(value))).toBe(true);
    }
    expect(projectedPartitions().at(-1)).toBe("unknown");
  });
});

describe("an article's export file", () => {
  it("holds one JSON line per claim, in reading order, with the article's metadata", () => {
    const file = exportFileOf(ARTICLE, [claim(1, "Ana Ruiz"), claim(0, null)]);
    expect(file.key).toBe(exportClaimsKey(ARTICLE.id, "2025-07"));
    expect(file.key).toBe("export/claims/published=2025-07/0123456789abcdef0123.jsonl.gz");
    const lines = gunzipSync(file.body).toString("utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(rows.map((r) => r.ordinal)).toEqual([0, 1]);
    expect(rows[1]).toMatchObject({
      article_id: ARTICLE.id,
      article_title: "Bridge to close",
      article_outlet: "Valley Courier",
      article_url: "https://example.org/bridge",
      article_authors: ["Ida Moss"],
      published_at: "2025-07-01T00:30:00+02:00",
      article_version: 4,
      claim_id: `${ARTICLE.id}-c0001`,
      speaker: "Ana Ruiz",
      speaker_type: "person",
      kind: "belief",
      via: ["a statement"],
      time_text: null,
      entities: [{ name: "Elm Bridge", type: "place" }],
    });
    expect(rows[0]).toMatchObject({
      speaker: null,
      kind: "statement",
      time_start: "2025-08-01",
      time_end: "2025-08-31",
    });
  });

  it("has exactly the declared columns, in their order", () => {
    const [row] = exportRowsOf(ARTICLE, [claim(0, "Ana Ruiz")]);
    expect(Object.keys(row!)).toEqual(EXPORT_COLUMNS.map((c) => c.name));
  });

  it("is byte for byte the same for the same article and claims", () => {
    const a = exportFileOf(ARTICLE, [claim(0, "Ana Ruiz")]);
    const b = exportFileOf(structuredClone(ARTICLE), [claim(0, "Ana Ruiz")]);
    expect(Buffer.from(a.body).equals(Buffer.from(b.body))).toBe(true);
  });

  it("of an undated article is filed under published=unknown", () => {
    const undated = { ...ARTICLE, metadata: { ...ARTICLE.metadata, publishedAt: null } };
    expect(exportFileOf(undated, [claim(0, null)]).key).toBe(
      "export/claims/published=unknown/0123456789abcdef0123.jsonl.gz",
    );
  });
});

it("declares the columns in Hive's and DuckDB's spelling", () => {
  const entities = EXPORT_COLUMNS.find((c) => c.name === "entities")!.type;
  expect(hiveType(entities)).toBe("array<struct<name:string,type:string>>");
  expect(duckdbType(entities)).toBe('STRUCT("name" VARCHAR, "type" VARCHAR)[]');
  expect(hiveType({ array: "string" })).toBe("array<string>");
  expect(duckdbType("int")).toBe("INTEGER");
  const kind = EXPORT_COLUMNS.find((c) => c.name === "kind")!;
  expect([hiveType(kind.type), duckdbType(kind.type)]).toEqual(["string", "VARCHAR"]);
  expect(EXPORT_COLUMNS.map((c) => c.name).indexOf("kind")).toBe(EXPORT_COLUMNS.map((c) => c.name).indexOf("cue") + 1);
});
