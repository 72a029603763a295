// A query result as the terminal shows it (an aligned table), as CSV (RFC 4180) or as JSON (an array of rows).
import type { QueryResult } from "./claims-database.ts";

export const OUTPUT_FORMATS = ["table", "csv", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A table cell shows at most this many characters; CSV and JSON carry every value whole. */
const MAX_CELL = 80;

export function renderResult(result: QueryResult, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === "csv") {
    const lines = [
      result.columns.map(csvField),
      ...result.rows.map((r) => result.columns.map((c) => csvField(text(r[c])))),
    ];
    return lines.map((fields) => `${fields.join(",")}\r\n`).join("");
  }
  return table(result);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function table(result: QueryResult): string {
  const cell = (value: unknown) => {
    const s = value === null || value === undefined ? "NULL" : text(value).replace(/\s+/g, " ");
    return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
  };
  const rows = result.rows.map((r) => result.columns.map((c) => cell(r[c])));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const numeric = result.types.map((t) => /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(t) && !t.endsWith("]"));
  const line = (cells: string[], header = false) =>
    cells
      .map((s, i) => (numeric[i] && !header ? s.padStart(widths[i]!) : s.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(result.columns, true), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => line(r))];
  out.push(`(${result.rows.length} ${result.rows.length === 1 ? "row" : "rows"})`);
  return `${out.join("\n")}\n`;
}
