// The columns of the `claims` table, defined once: the Glue table (infra) and the DuckDB view (scripts/query.ts)
// are both generated from this list, so a query written for one runs unchanged on the other. The names are the
// JSON keys of each line (snake_case: Athena lowercases column names).

export type ColumnType = "string" | "int" | "boolean" | { array: ColumnType } | { struct: [string, ColumnType][] };

export interface Column {
  name: string;
  type: ColumnType;
  comment: string;
}

const ENTITY: ColumnType = {
  struct: [
    ["name", "string"],
    ["type", "string"],
  ],
};

export const EXPORT_COLUMNS: readonly Column[] = [
  { name: "article_id", type: "string", comment: "the article: the first 80 bits of its content's sha256" },
  { name: "article_title", type: "string", comment: "the article's headline; null when unknown" },
  { name: "article_outlet", type: "string", comment: "the outlet that published the article" },
  { name: "article_url", type: "string", comment: "where the article was published" },
  { name: "article_authors", type: { array: "string" }, comment: "the article's bylines" },
  { name: "published_at", type: "string", comment: "ISO 8601 publication time as the article gives it" },
  { name: "article_version", type: "int", comment: "the article record's version when its claims were exported" },
  { name: "claim_id", type: "string", comment: "<article id>-c<ordinal>" },
  { name: "ordinal", type: "int", comment: "position in reading order, from 0" },
  { name: "text", type: "string", comment: "the claim: one self-contained proposition" },
  { name: "quote", type: "string", comment: "the verbatim evidence span" },
  { name: "evidence_start", type: "int", comment: "offset of the quote in the article's text" },
  { name: "evidence_end", type: "int", comment: "end offset of the quote" },
  { name: "speaker", type: "string", comment: "who asserts it; null for the article's own voice" },
  {
    name: "speaker_key",
    type: "string",
    comment: "the speaker's name folded (case, diacritics, transliterated endings): one person under any spelling",
  },
  { name: "speaker_surname", type: "string", comment: "the surname of speaker_key (its last name word)" },
  { name: "speaker_type", type: "string", comment: "person, organization, group, outlet, author, document, unknown" },
  { name: "cue", type: "string", comment: "the words that attribute it" },
  {
    name: "kind",
    type: "string",
    comment: "statement, belief, intention or evaluation; null in files exported before claims had a kind",
  },
  { name: "via", type: { array: "string" }, comment: "channels the claim passed through" },
  { name: "reported_by", type: "string", comment: "the outlet relaying it, when not the article's own" },
  { name: "anonymous", type: "boolean", comment: "the source asked not to be named" },
  { name: "certainty", type: "string", comment: "certain, probable or possible" },
  { name: "polarity", type: "string", comment: "positive or negative" },
  { name: "time_text", type: "string", comment: "the words naming the time the claim is about" },
  { name: "time_start", type: "string", comment: "YYYY-MM-DD: first day of that time" },
  { name: "time_end", type: "string", comment: "YYYY-MM-DD: last day of that time" },
  { name: "entities", type: { array: ENTITY }, comment: "names in the claim: name and type" },
  // Arrays of rows unnest differently in Trino (a column per field) and DuckDB (one struct column); an array of
  // strings unnests and `contains` alike in both.
  { name: "entity_names", type: { array: "string" }, comment: "the entities' names alone, for portable queries" },
];

/** The type as Glue (Hive DDL) spells it. */
export function hiveType(type: ColumnType): string {
  if (type === "string" || type === "int" || type === "boolean") return type;
  if ("array" in type) return `array<${hiveType(type.array)}>`;
  return `struct<${type.struct.map(([name, t]) => `${name}:${hiveType(t)}`).join(",")}>`;
}

/** The type as DuckDB spells it. */
export function duckdbType(type: ColumnType): string {
  if (type === "string") return "VARCHAR";
  if (type === "int") return "INTEGER";
  if (type === "boolean") return "BOOLEAN";
  if ("array" in type) return `${duckdbType(type.array)}[]`;
  return `STRUCT(${type.struct.map(([name, t]) => `"${name}" ${duckdbType(t)}`).join(", ")})`;
}
