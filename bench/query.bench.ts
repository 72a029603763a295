// `npm run bench:query`: `npm run query` over an export of 100,000 claims — the seeds' claims copied into
// 5,000 articles of 20 claims over 36 months, with speakers and entities renamed per article group so the
// aggregates have real work — timing each example query of queries/examples.sql and a count, as a user runs
// them: a fresh `node scripts/query.ts --dir …` process each time (start-up, DuckDB, reading every file).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExportFile, exportFileOf } from "../functions/export/claim-export.ts";
import { extract } from "../functions/extraction/extract.ts";
import type { Claim } from "../functions/schemas/claim.ts";
import { parseNamedQueries } from "../local/analytics/named-queries.ts";
import { writeExportFiles } from "../test/support/export-fixtures.ts";

const ARTICLES = 5_000;
const CLAIMS_PER_ARTICLE = 20;
const RUNS = 3;
const root = join(import.meta.dirname, "..");

const seedClaims: Claim[] = readdirSync(join(root, "seeds"))
  .sort()
  .flatMap((name) => extract({ bytes: readFileSync(join(root, "seeds", name)), fileName: name }).claims);

function articleFile(k: number): ExportFile {
  const id = k.toString(16).padStart(20, "0");
  const group = k % 250;
  const claims = Array.from({ length: CLAIMS_PER_ARTICLE }, (_, i): Claim => {
    const c = seedClaims[(k * CLAIMS_PER_ARTICLE + i) % seedClaims.length]!;
    const speaker = c.attribution.speaker ? `${c.attribution.speaker} ${group}` : null;
    return {
      ...c,
      id: `${id}-c${String(i).padStart(4, "0")}`,
      ordinal: i,
      attribution: { ...c.attribution, speaker },
      entities: c.entities.map((e) => ({ ...e, name: i % 3 === 0 ? e.name : `${e.name} ${group}` })),
    };
  });
  const month = `${2023 + Math.floor((k % 36) / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  return exportFileOf(
    {
      id,
      version: 1,
      metadata: {
        title: `Article ${k}`,
        outlet: `Outlet ${k % 40}`,
        url: null,
        publishedAt: `${month}-15`,
        authors: [],
      },
    },
    claims,
  );
}

const dir = mkdtempSync(join(tmpdir(), "claimtrack-bench-query-"));
try {
  const files = Array.from({ length: ARTICLES }, (_, k) => articleFile(k));
  writeExportFiles(dir, files);
  const claims = files.reduce((n, f) => n + f.rows, 0);
  const bytes = files.reduce((n, f) => n + f.body.length, 0);
  console.log(
    `${claims.toLocaleString("en-US")} claims in ${ARTICLES.toLocaleString("en-US")} files, ${(bytes / 1024 ** 2).toFixed(1)} MB gzipped`,
  );

  const queries = [
    { name: "count", sql: "SELECT count(*) AS n FROM claims" },
    ...parseNamedQueries(readFileSync(join(root, "queries/examples.sql"), "utf8")),
  ];
  for (const query of queries) {
    const seconds: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      const out = execFileSync(process.execPath, ["scripts/query.ts", "--dir", dir, "--format", "json", query.sql], {
        cwd: root,
        maxBuffer: 256 * 1024 ** 2,
      });
      seconds.push((performance.now() - started) / 1000);
      rows = (JSON.parse(out.toString("utf8")) as unknown[]).length;
    }
    seconds.sort((a, b) => a - b);
    console.log(
      `${query.name.padEnd(28)} median ${seconds[Math.floor(RUNS / 2)]!.toFixed(2)} s  (min ${seconds[0]!.toFixed(2)} s, ${rows} rows)`,
    );
  }
  const started = performance.now();
  execFileSync(process.execPath, ["scripts/query.ts", "--dir", dir, "SELECT 1"], { cwd: root });
  console.log(
    `process start-up and DuckDB alone (SELECT 1 with the view): ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
