// DuckDB over export files: the `claims` view has the Glue table's columns, every example query of
// queries/examples.sql runs on it and answers what it says, bad SQL is one line, and `npm run query` prints a
// table, CSV or JSON from a directory or from a local bucket read through the S3 API with the stack stopped.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, FACT_COLUMNS } from "../../functions/export/export-columns.ts";
import { openClaimsDatabase, QueryError } from "../../local/analytics/claims-database.ts";
import { parseNamedQueries } from "../../local/analytics/named-queries.ts";
import { startS3 } from "../../local/s3-service.ts";
import { seedExportFiles, writeExportFiles } from "../support/export-fixtures.ts";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "claimtrack-query-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const files = seedExportFiles();
const root = join(temp, "claims");
writeExportFiles(root, files);
const totalClaims = files.reduce((n, f) => n + f.rows, 0);
const examples = parseNamedQueries(readFileSync(new URL("../../queries/examples.sql", import.meta.url), "utf8"));

describe("the claims view", () => {
  it("has the Glue table's columns, then the partition column, and every exported claim", async () => {
    const db = await openClaimsDatabase(root);
    const all = await db.query("SELECT * FROM claims");
    expect(all.columns).toEqual([...EXPORT_COLUMNS.map((c) => c.name), "published"]);
    expect(all.rows).toHaveLength(totalClaims);
    const count = await db.query("SELECT published, count(*) AS n FROM claims GROUP BY published ORDER BY published");
    expect(count.rows.reduce((n, r) => n + (r.n as number), 0)).toBe(totalClaims);
    expect(count.rows.every((r) => /^\d{4}-\d{2}$|^unknown$/.test(r.published as string))).toBe(true);
    db.close();
  });

  it("of an export without files has the same columns and no rows", async () => {
    const db = await openClaimsDatabase(join(temp, "empty"));
    const result = await db.query("SELECT * FROM claims");
    expect(result.columns).toEqual([...EXPORT_COLUMNS.map((c) => c.name), "published"]);
    expect(result.rows).toEqual([]);
    db.close();
  });

  it("beside it, a facts view with the Glue facts table's columns, empty without fact files", async () => {
    const db = await openClaimsDatabase(root, join(temp, "no-facts"));
    const result = await db.query("SELECT * FROM facts");
    expect(result.columns).toEqual(FACT_COLUMNS.map((c) => c.name));
    expect(result.rows).toEqual([]);
    db.close();
  });

  it("refuses bad SQL with one line", async () => {
    const db = await openClaimsDatabase(root);
    for (const sql of ["SELEC 1", "SELECT no_such_column FROM claims"]) {
      const err = await db.query(sql).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryError);
      expect((err as Error).message).not.toContain("\n");
    }
    db.close();
  });
});

describe("queries/examples.sql", () => {
  const rowsOf = async (name: string) => {
    const db = await openClaimsDatabase(root);
    try {
      return (await db.query(examples.find((q) => q.name === name)!.sql)).rows;
    } finally {
      db.close();
    }
  };

  it("names its queries", () => {
    expect(examples.map((q) => q.name)).toEqual([
      "top-speakers-by-month",
      "claims-mentioning-a-word",
      "speakers-of-an-entity",
      "facts-reported-by-most-outlets",
      "conflicting-facts",
      "opposite-polarity-by-entity",
    ]);
  });

  it("top speakers by month: at most five a month, most quoted first", async () => {
    const rows = await rowsOf("top-speakers-by-month");
    expect(rows.length).toBeGreaterThan(0);
    const byMonth = Map.groupBy(rows, (r) => r.month as string);
    for (const group of byMonth.values()) {
      expect(group.length).toBeLessThanOrEqual(5);
      const counts = group.map((r) => r.claims as number);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it("claims mentioning a word: every text has it, and no claim with it is missed", async () => {
    const rows = await rowsOf("claims-mentioning-a-word");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect((r.text as string).toLowerCase()).toContain("ceasefire");
    const db = await openClaimsDatabase(root);
    const all = (await db.query("SELECT text FROM claims")).rows;
    expect(rows).toHaveLength(all.filter((r) => (r.text as string).toLowerCase().includes("ceasefire")).length);
    db.close();
  });

  it("speakers of an entity and opposite polarity by entity run and answer what they say", async () => {
    const speakers = await rowsOf("speakers-of-an-entity");
    expect(speakers.length).toBeGreaterThan(0);
    const opposite = await rowsOf("opposite-polarity-by-entity");
    for (const r of opposite) {
      expect(r.negative_claims as number).toBeGreaterThan(0);
      expect(r.positive_claims as number).toBeGreaterThan(0);
      expect(r.speakers as number).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("npm run query", () => {
  const query = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ["scripts/query.ts", ...args], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, ...env },
    });

  it("prints a table, CSV or JSON over a directory of export files", async () => {
    const sql = "SELECT published, count(*) AS claims FROM claims GROUP BY published ORDER BY published";
    const table = await query(["--dir", root, sql]);
    expect(table.stdout.split("\n")[0]).toMatch(/^published\s+claims$/);
    expect(table.stdout).toMatch(/\(\d+ rows?\)\n$/);
    const csv = await query(["--dir", root, "--format", "csv", sql]);
    expect(csv.stdout.split("\r\n")[0]).toBe("published,claims");
    const json = JSON.parse((await query(["--dir", root, "--format", "json", sql])).stdout);
    expect(json.reduce((n: number, r: { claims: number }) => n + r.claims, 0)).toBe(totalClaims);
  });

  it("runs a named query of a SQL file", async () => {
    const { stdout } = await query([
      "--dir",
      root,
      "--format",
      "json",
      "--file",
      "queries/examples.sql",
      "--name",
      "claims-mentioning-a-word",
    ]);
    expect(JSON.parse(stdout).length).toBeGreaterThan(0);
  });

  it("reads the local bucket's export through the S3 API while the stack is stopped", async () => {
    const home = join(temp, "home");
    const s3 = await startS3({
      choice: { kind: "local" },
      port: 0,
      directory: join(home, "s3"),
      accessLogPath: join(home, "logs", "s3.log"),
      bucket: "claimtrack-articles",
      region: "us-east-1",
    });
    for (const file of files) {
      await s3.client.send(new PutObjectCommand({ Bucket: "claimtrack-articles", Key: file.key, Body: file.body }));
    }
    await s3.stop();
    const { stdout } = await query(["--format", "json", "SELECT count(*) AS n FROM claims"], { CLAIMTRACK_HOME: home });
    expect(JSON.parse(stdout)).toEqual([{ n: totalClaims }]);
  });

  it("ends bad SQL, a bad format and no SQL with one line and a non-zero exit", async () => {
    for (const args of [
      ["--dir", root, "SELEC 1"],
      ["--format", "xml", "SELECT 1"],
      ["--dir", root],
    ]) {
      const err = (await query(args).catch((e: unknown) => e)) as { code: number; stderr: string };
      expect(err.code).toBe(1);
      expect(err.stderr.trim().split("\n")).toHaveLength(1);
      expect(err.stderr).toMatch(/^query: /);
    }
  });
});
