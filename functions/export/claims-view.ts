// The `claims` view DuckDB queries, generated from the same column list as the Glue table (export-columns.ts):
// the files' JSON keys typed as declared, plus the partition column taken from the path, as Athena does.
import { duckdbType, EXPORT_COLUMNS } from "./export-columns.ts";
import { PARTITION_COLUMN } from "./export-layout.ts";

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;
const quoteIdentifier = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** `CREATE VIEW claims` over the export files under `root` (a directory holding `published=…/` folders). */
export function claimsViewSql(root: string | null): string {
  if (root === null) return `CREATE OR REPLACE VIEW claims AS ${emptyClaimsSql()}`;
  const columns = EXPORT_COLUMNS.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(duckdbType(c.type))}`);
  const glob = `${root.replace(/\/$/, "")}/${PARTITION_COLUMN}=*/*.jsonl.gz`;
  return (
    `CREATE OR REPLACE VIEW claims AS SELECT * FROM read_json(${quoteLiteral(glob)}, ` +
    `format = 'newline_delimited', compression = 'gzip', columns = {${columns.join(", ")}}, ` +
    `hive_partitioning = true, hive_types = {${quoteLiteral(PARTITION_COLUMN)}: 'VARCHAR'})`
  );
}

/** A view with the same columns and no rows, for an export that has no file yet (read_json needs one). */
function emptyClaimsSql(): string {
  const columns = [
    ...EXPORT_COLUMNS.map((c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`),
    `CAST(NULL AS VARCHAR) AS ${quoteIdentifier(PARTITION_COLUMN)}`,
  ];
  return `SELECT ${columns.join(", ")} WHERE false`;
}
