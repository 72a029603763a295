// The quality floors of the extraction issue, measured by the shared scorer on the hand-annotated dev set.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const scorer = join(root, "../shared/eval/score.mjs");

interface Summary {
  failed: number;
  f1: number;
  speaker: string;
  certainty: string;
  polarity: string;
  time: string;
  via: string;
  evidence: string;
  meta: string;
  compound: number;
  noise: number;
}

describe.skipIf(!existsSync(scorer))("claim quality on ../shared/eval/dev", () => {
  it("meets every floor of the extraction issue", { timeout: 120_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), "claimtrack-score-")), "score.json");
    // The scorer runs `npm run --silent extract -- FILE` for each article, on the pinned Node 24.
    execFileSync(process.execPath, [scorer, "--json", out], { cwd: root, stdio: "pipe", timeout: 110_000 });
    const { summary } = JSON.parse(readFileSync(out, "utf8")) as { summary: Summary };
    expect(summary.failed).toBe(0);
    expect(summary.f1).toBeGreaterThanOrEqual(0.75);
    expect(Number(summary.speaker)).toBeGreaterThanOrEqual(0.85);
    expect(Number(summary.certainty)).toBeGreaterThanOrEqual(0.9);
    expect(Number(summary.polarity)).toBeGreaterThanOrEqual(0.9);
    expect(Number(summary.time)).toBeGreaterThanOrEqual(0.6);
    expect(Number(summary.via)).toBeGreaterThanOrEqual(0.6);
    expect(Number(summary.meta)).toBeGreaterThanOrEqual(0.9);
    expect(Number(summary.evidence)).toBe(1);
    expect(summary.noise).toBe(0);
    expect(summary.compound).toBeLessThanOrEqual(10);
  });
});
