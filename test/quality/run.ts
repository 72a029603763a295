// `npm run --silent quality -- [DIR] [--verbose]`: scores the extractor on a gold folder (default: the project's
// own, test/quality/gold) and prints the summary line last; --verbose first lists, per article, the gold claims
// missed, the predicted claims left unmatched and the matched ones with a wrong field.
import { join } from "node:path";
import { readGoldDir } from "./gold-file.ts";
import { score, summaryLine } from "./score.ts";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const dir = args.find((a) => !a.startsWith("--")) ?? join(import.meta.dirname, "gold");

const { summary, report } = score(readGoldDir(dir));
if (verbose) {
  for (const r of report) {
    console.log(`\n## ${r.article}`);
    if ("error" in r) {
      console.log(`  FAILED: ${r.error}`);
      continue;
    }
    console.log(`  gold ${r.gold} · predicted ${r.predicted} · matched ${r.matched}`);
    for (const m of r.missed) console.log(`  missed:    ${m}`);
    for (const u of r.unmatched) console.log(`  unmatched: ${u}`);
    for (const w of r.wrong) console.log(`  wrong:     ${w}`);
  }
  console.log("");
}
console.log(summaryLine(summary));
process.exitCode = summary.failed ? 1 : 0;
