// The columns of the `claims` and `facts` tables, defined once: the Glue tables (infra) and the DuckDB views
// (scripts/query.ts) are both generated from these lists, so a query written for one runs unchanged on the other.
// The names are the JSON keys of each line (snake_case: Athena lowercases column names).

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

/** Columns of `claims` a fact's member carries too, declared once. */
const claimColumns = (...names: string[]): Column[] =>
  names.map((name) => EXPORT_COLUMNS.find((c) => c.name === name) ?? fail(`no claims column ${name}`));
const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * The `facts` table: one row per member claim of a tracked fact (export/facts/<fact id>.jsonl.gz), the fact's
 * fields repeated on each. The member's article columns are named as in `claims`; join on `claim_id`.
 */
export const FACT_COLUMNS: readonly Column[] = [
  { name: "fact_id", type: "string", comment: "fact-<smallest member claim id>: the same claims make the same id" },
  { name: "fact_text", type: "string", comment: "the wording of the fact's earliest member" },
  {
    name: "statuses",
    type: { array: "string" },
    comment: "corroborated, contested, corrected, retracted (GET /facts/{id})",
  },
  { name: "member_count", type: "int", comment: "the fact's member claims" },
  { name: "article_count", type: "int", comment: "the articles its members come from" },
  { name: "outlet_count", type: "int", comment: "the distinct outlets reporting it" },
  { name: "speaker_count", type: "int", comment: "the distinct speakers asserting it" },
  {
    name: "independent_sources",
    type: "int",
    comment: "distinct origins: a story credited to another outlet or a channel counts under its origin",
  },
  { name: "first_reported", type: "string", comment: "UTC instant of the earliest member's article" },
  { name: "last_reported", type: "string", comment: "UTC instant of the latest member's article" },
  { name: "claim_id", type: "string", comment: "the member claim (claims.claim_id)" },
  { name: "article_id", type: "string", comment: "the member's article" },
  ...claimColumns("article_title", "article_outlet", "published_at"),
  { name: "reported_at", type: "string", comment: "UTC instant: the article's publication, else its arrival" },
  { name: "text", type: "string", comment: "the member claim's text" },
  ...claimColumns("speaker", "speaker_key", "reported_by", "via", "certainty", "polarity"),
  {
    name: "conflicts_with",
    type: { array: "string" },
    comment: "claim ids that contradict this member (in this fact or another)",
  },
  {
    name: "updated_by",
    type: { array: "string" },
    comment: "claim ids of later reports that correct, revise, retract or deny this member",
  },
  { name: "update_kinds", type: { array: "string" }, comment: "the kind of each of updated_by, in the same order" },
  { name: "updates", type: { array: "string" }, comment: "claim ids of earlier reports this member updates" },
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
