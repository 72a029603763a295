// The `claims` and `facts` views DuckDB queries, generated from the same column lists as the Glue tables
// (export-columns.ts): the files' JSON keys typed as declared, plus (claims) the partition column taken from the
// path, as Athena does.
import { type Column, duckdbType, EXPORT_COLUMNS, FACT_COLUMNS } from "./export-columns.ts";
import { PARTITION_COLUMN } from "./export-layout.ts";

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;
const quoteIdentifier = (s: string) => `"${s.replaceAll('"', '""')}"`;

interface ViewShape {
  name: string;
  columns: readonly Column[];
  /** The files under the view's root. */
  files: string;
  /** The hive partition column of the path, if any. */
  partition: string | null;
}

const CLAIMS: ViewShape = {
  name: "claims",
  columns: EXPORT_COLUMNS,
  files: `${PARTITION_COLUMN}=*/*.jsonl.gz`,
  partition: PARTITION_COLUMN,
};
const FACTS: ViewShape = { name: "facts", columns: FACT_COLUMNS, files: "*.jsonl.gz", partition: null };

function viewSql(view: ViewShape, root: string | null): string {
  if (root === null) return `CREATE OR REPLACE VIEW ${view.name} AS ${emptySql(view)}`;
  const columns = view.columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(duckdbType(c.type))}`);
  const glob = `${root.replace(/\/$/, "")}/${view.files}`;
  const partitioning = view.partition
    ? `, hive_partitioning = true, hive_types = {${quoteLiteral(view.partition)}: 'VARCHAR'}`
    : ", hive_partitioning = false";
  return (
    `CREATE OR REPLACE VIEW ${view.name} AS SELECT * FROM read_json(${quoteLiteral(glob)}, ` +
    `format = 'newline_delimited', compression = 'gzip', columns = {${columns.join(", ")}}${partitioning})`
  );
}

/** A view with the same columns and no rows, for an export that has no file yet (read_json needs one). */
function emptySql(view: ViewShape): string {
  const columns = [
    ...view.columns.map((c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`),
    ...(view.partition ? [`CAST(NULL AS VARCHAR) AS ${quoteIdentifier(view.partition)}`] : []),
  ];
  return `SELECT ${columns.join(", ")} WHERE false`;
}

/** `CREATE VIEW claims` over the export files under `root` (a directory holding `published=…/` folders). */
export const claimsViewSql = (root: string | null): string => viewSql(CLAIMS, root);

/** `CREATE VIEW facts` over the fact files under `root` (a directory holding `<fact id>.jsonl.gz`). */
export const factsViewSql = (root: string | null): string => viewSql(FACTS, root);
