// `npm run cost`: measures the ingest pipeline as deployed (scripts/cost/measure.ts) and prints what ingesting
// 1,000 and 1,000,000 articles costs on Lambda, DynamoDB, S3 and SQS, with the prices it assumes.
// `npm run cost -- --write` also rewrites the cost table in docs/cost.md.
//   node scripts/cost.ts [--rounds N] [--write]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../infra/constructs/bundling.ts";
import { exportCostNote } from "./cost/export-cost.ts";
import { LAMBDA_CPU_SHARE_AT_1GB, measureIngest } from "./cost/measure.ts";
import { costTable } from "./cost/model.ts";
import { PRICES } from "./cost/prices.ts";

const args = process.argv.slice(2);
const roundsArg = args.indexOf("--rounds");
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("cost: --rounds takes a whole number of at least 1");
  process.exit(2);
}

const report = await measureIngest({ rounds });
const m = report.measurement;
const per = (n: number, digits = 1) => (n / m.articles).toFixed(digits);
const kbPer = (bytes: number) => `${(bytes / m.articles / 1024).toFixed(1)} KB`;
const note = [
  `Measured by \`npm run cost\` over ${m.articles} ingested articles (the ${report.seeds} seeds × ${rounds + 1} rounds), running the`,
  `synthesized ingest bundle against dynalite and the local S3 behind recording proxies. Per article: ${report.localMsPerArticle.toFixed(0)} ms`,
  `of warm handler time on the measuring machine, counted as ${(m.handlerMs / m.articles).toFixed(0)} ms on a ${m.memoryMb} MB`,
  `Lambda (which gets ${(LAMBDA_CPU_SHARE_AT_1GB * 100).toFixed(0)}% of a vCPU); ${per(m.s3.gets)} S3 GET; ${per(m.dynamodb.requests)} DynamoDB`,
  `requests writing ${per(m.dynamodb.items)} items for ${per(m.dynamodb.writeUnits, 0)} write and ${per(m.dynamodb.readUnits)} read units;`,
  `${kbPer(m.storedBytes.dynamodb)} stored in DynamoDB (with index copies) and ${kbPer(m.storedBytes.s3)} in S3. SQS and Lambda`,
  `assume full batches of ${m.articles / m.invocations}. Prices: ${PRICES.region} list prices without free tier (scripts/cost/prices.ts).`,
].join("\n");
const table = `${costTable(m, [1000, 1_000_000])}\n\n${exportCostNote(report.export)}`;
console.log(`${note}\n\n${table}`);

if (args.includes("--write")) {
  const readmePath = join(PROJECT_ROOT, "docs", "cost.md");
  const readme = readFileSync(readmePath, "utf8");
  const begin = "<!-- cost:begin -->";
  const end = "<!-- cost:end -->";
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) {
    console.error(`cost: docs/cost.md has no ${begin} … ${end} block`);
    process.exit(1);
  }
  writeFileSync(readmePath, `${readme.slice(0, start + begin.length)}\n${note}\n\n${table}\n${readme.slice(stop)}`);
  console.error("cost: docs/cost.md updated");
}
