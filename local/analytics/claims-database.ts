// DuckDB over directories of export files, with the `claims` and `facts` views defined as the Glue tables
// define them (functions/export/claims-view.ts). In memory: every open reads the files as they are now.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { claimsViewSql, factsViewSql } from "../../functions/export/claims-view.ts";

export interface QueryResult {
  columns: string[];
  /** DuckDB's type of each column, e.g. `VARCHAR`, `BIGINT`, `VARCHAR[]`. */
  types: string[];
  /** Plain JSON values: arrays, objects, strings, numbers (a BIGINT beyond 2^53 stays a string), null. */
  rows: Record<string, unknown>[];
}

/** The SQL was refused (syntax, an unknown column, a type error): the message is DuckDB's first line. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryError";
  }
}

export interface ClaimsDatabase {
  query(sql: string, params?: Record<string, string>): Promise<QueryResult>;
  close(): void;
}

/**
 * `root` holds the claims' `published=…/` folders, `factsRoot` the fact files; null: an export without files
 * (the view has no rows).
 */
export async function openClaimsDatabase(
  root: string | null,
  factsRoot: string | null = null,
): Promise<ClaimsDatabase> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection: DuckDBConnection = await instance.connect();
  for (const [viewSql, at] of [
    [claimsViewSql, root],
    [factsViewSql, factsRoot],
  ] as const) {
    try {
      await connection.run(viewSql(at));
    } catch (err) {
      // A directory without export files yet: the same columns, no rows.
      if (!/No files found/.test(firstLine(err))) throw new QueryError(firstLine(err));
      await connection.run(viewSql(null));
    }
  }
  return {
    async query(sql, params) {
      let reader: Awaited<ReturnType<DuckDBConnection["runAndReadAll"]>>;
      try {
        reader = await connection.runAndReadAll(sql, params);
      } catch (err) {
        throw new QueryError(firstLine(err));
      }
      const columns = reader.columnNames();
      const types = reader.columnTypes().map(String);
      const rows = reader.getRowObjectsJson().map((row) => {
        const plain: Record<string, unknown> = {};
        columns.forEach((name, i) => {
          plain[name] = isInteger(types[i]!) ? integerOf(row[name]) : row[name];
        });
        return plain;
      });
      return { columns, types, rows };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const isInteger = (type: string) => /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/.test(type);

/** DuckDB's JSON rows carry 64-bit integers as strings; counts read better as numbers when they fit. */
function integerOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n").find((line) => line.trim() !== "") ?? "the query failed";
}
