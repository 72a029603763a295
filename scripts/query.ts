// `npm run query -- "SQL"`: DuckDB over the export, with `claims` and `facts` views defined as the Glue tables are.
//   npm run query -- "SELECT speaker, count(*) FROM claims GROUP BY 1"   the local stack's bucket (CLAIMTRACK_HOME)
//   npm run query -- --format csv|json "SQL"                              CSV or JSON instead of a table
//   npm run query -- --dir DIR "SQL"        export files already on disk (e.g. `aws s3 sync s3://BUCKET/export/claims/ DIR`)
//   npm run query -- --dir DIR --facts-dir FDIR "SQL"   also fact files (`aws s3 sync s3://BUCKET/export/facts/ FDIR`)
//   npm run query -- --file queries/examples.sql --name top-speakers-by-month    one named query of a SQL file
// The bucket's export is copied to CLAIMTRACK_HOME/export-mirror (only changed files are downloaded) and read
// from there. Bad SQL ends with one line naming the problem and a non-zero exit.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openClaimsDatabase, QueryError } from "../local/analytics/claims-database.ts";
import { syncExportMirror } from "../local/analytics/export-mirror.ts";
import { openLocalBucket } from "../local/analytics/local-bucket.ts";
import { namedQuery } from "../local/analytics/named-queries.ts";
import { OUTPUT_FORMATS, type OutputFormat, renderResult } from "../local/analytics/render-result.ts";
import { loadLocalStackConfig } from "../local/config.ts";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string", default: "table" },
      dir: { type: "string" },
      "facts-dir": { type: "string" },
      file: { type: "string" },
      name: { type: "string" },
    },
  });
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new Error(`--format must be one of ${OUTPUT_FORMATS.join(", ")}`);
  const sql = values.file ? namedQuery(readFileSync(values.file, "utf8"), values.name) : positionals.join(" ").trim();
  if (!sql) throw new Error('no SQL given: npm run query -- "SELECT count(*) FROM claims"');

  for (const [option, dir] of [
    ["--dir", values.dir],
    ["--facts-dir", values["facts-dir"]],
  ] as const) {
    if (dir && !existsSync(dir)) throw new Error(`${option} ${dir}: no such directory`);
  }
  const { root, factsRoot } = values.dir
    ? { root: resolve(values.dir), factsRoot: values["facts-dir"] ? resolve(values["facts-dir"]) : null }
    : await mirrorLocalExport();
  const db = await openClaimsDatabase(root, factsRoot);
  try {
    process.stdout.write(renderResult(await db.query(sql), format));
  } finally {
    db.close();
  }
}

async function mirrorLocalExport(): Promise<{ root: string | null; factsRoot: string | null }> {
  const config = loadLocalStackConfig();
  const bucket = await openLocalBucket(config);
  try {
    return await syncExportMirror(bucket.s3, bucket.bucket, join(config.home, "export-mirror"));
  } finally {
    await bucket.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`query: ${err instanceof QueryError ? `bad SQL: ${message}` : message}`);
  process.exitCode = 1;
});
