// Invokes a deployable bundle (a directory holding index.mjs, as `cdk synth` stages it) in a child Node.js 24
// process with a clean environment: the events run in one warm execution environment, one after another.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "./run-process.ts";

const RUNNER = fileURLToPath(new URL("./invoke-bundle.ts", import.meta.url));

export interface BundleRun {
  /** Time to import the bundle (the cold-start share that is ours). */
  loadedMs: number;
  invocations: { result: unknown; durationMs: number }[];
  /** Everything the bundle logged. */
  output: string;
}

export async function runBundle(bundleDir: string, events: unknown[], env: Record<string, string>): Promise<BundleRun> {
  const work = mkdtempSync(join(tmpdir(), "claimtrack-invoke-"));
  try {
    const eventsPath = join(work, "events.json");
    const resultPath = join(work, "result.json");
    writeFileSync(eventsPath, JSON.stringify(events));
    // process.execPath is the Node.js 24 the project pins; PATH and HOME only, nothing else leaks in.
    const { code, output } = await runProcess(
      process.execPath,
      [RUNNER, join(bundleDir, "index.mjs"), eventsPath, resultPath],
      { env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env } },
    );
    if (code !== 0) throw new Error(`bundle runner exited ${code}:\n${output}`);
    const result = JSON.parse(readFileSync(resultPath, "utf8")) as
      | { ok: true; loadedMs: number; invocations: BundleRun["invocations"] }
      | { ok: false; error: string; stack?: string };
    if (!result.ok) throw new Error(`bundle failed: ${result.error}\n${result.stack ?? ""}\n${output}`);
    return { loadedMs: result.loadedMs, invocations: result.invocations, output };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
