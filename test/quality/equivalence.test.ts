// The project's scorer computes the shared scorer's figures: on ../shared/eval/dev and on the project's own gold
// set both give the same summary and the same per-article lists. Skipped in a clone without ../shared.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGoldDir } from "./gold-file.ts";
import { type ArticleReport, type Score, score } from "./score.ts";

const root = join(import.meta.dirname, "../..");
const sharedScorer = join(root, "../shared/eval/score.mjs");
const devDir = join(root, "../shared/eval/dev");

function sharedScore(goldDir: string): Score {
  const out = join(mkdtempSync(join(tmpdir(), "claimtrack-score-")), "score.json");
  try {
    // It runs `npm run --silent extract -- FILE` per article and exits 1 when one fails; its JSON still stands.
    execFileSync(process.execPath, [sharedScorer, "--gold", goldDir, "--json", out], {
      cwd: root,
      stdio: "pipe",
      timeout: 170_000,
    });
  } catch (error) {
    if (!existsSync(out)) throw error;
  }
  return JSON.parse(readFileSync(out, "utf8")) as Score;
}

/** A failure's message says the same thing in other words (the command's stderr line against the error). */
const comparable = (r: ArticleReport) => ("error" in r ? { article: r.article, failed: true } : r);

describe.skipIf(!existsSync(sharedScorer) || !existsSync(devDir))("the project's scorer against ../shared", () => {
  it.each([
    ["../shared/eval/dev", devDir],
    ["test/quality/gold", join(import.meta.dirname, "gold")],
  ])("gives the shared scorer's figures and lists on %s", { timeout: 180_000 }, (_name, dir) => {
    const shared = sharedScore(dir);
    const own = score(readGoldDir(dir));
    expect(own.summary).toEqual(shared.summary);
    expect(own.report.map(comparable)).toEqual(shared.report.map(comparable));
  });
});
