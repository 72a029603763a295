// `npm run faults`: the fault-injection run (scripts/faults/): a fresh local stack in a temporary CLAIMTRACK_HOME,
// on loopback only; uploads of distinct articles, the same bytes under 10 keys at once, overwrites and deletes,
// with the stack killed (SIGKILL) and restarted at seeded random points; then the full audit. Prints one summary
// line of figures and exits 1 when anything was lost, duplicated, stuck, miscounted or not removed.
//   FAULTS_SEED (16), FAULTS_UPLOADS (1000), FAULTS_DUPLICATED (20 contents × 10 keys), FAULTS_OVERWRITES (100),
//   FAULTS_DELETES (100), FAULTS_KILLS (3), FAULTS_TIMEOUT_SECONDS (900)
import { random } from "../test/e2e/support/articles.ts";
import { type KillPoint, runFaults } from "./faults/run-faults.ts";
import { planWorkload } from "./faults/workload.ts";

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not ${process.env[name]}`);
  return value;
};

async function main(): Promise<boolean> {
  const seed = setting("FAULTS_SEED", 16);
  const workload = planWorkload({
    seed,
    uploads: setting("FAULTS_UPLOADS", 1000),
    duplicatedContents: setting("FAULTS_DUPLICATED", 20),
    keysPerDuplicate: 10,
    overwrites: setting("FAULTS_OVERWRITES", 100),
    deletes: setting("FAULTS_DELETES", 100),
    folder: `incoming/faults-${seed}/`,
  });
  // Kill points spread at random over the run's progress: operations applied, then articles settled.
  const next = random(seed * 31 + 7);
  const progress = workload.operations + workload.expected.size;
  const kills: KillPoint[] = Array.from({ length: setting("FAULTS_KILLS", 3) }, () => 0.05 + next() * 0.8)
    .sort((a, b) => a - b)
    .map((fraction) => {
      const at = Math.round(fraction * progress);
      return at <= workload.operations
        ? { afterOps: at }
        : { afterOps: workload.operations, afterSettled: at - workload.operations };
    });
  const w = workload.figures;
  console.log(
    `faults: seed ${seed}; ${w.uploads} uploads over ${w.keys} keys (${w.duplicatedKeys} under 10 keys a content, ` +
      `${w.overwrites} overwrites), ${w.deletes} deletes; kills at ${kills.map((k) => JSON.stringify(k)).join(", ")}`,
  );
  const run = await runFaults({
    workload,
    kills,
    concurrency: 16,
    timeoutMs: setting("FAULTS_TIMEOUT_SECONDS", 900) * 1000,
    log: (line) => console.log(`  ${line}`),
  });
  const f = run.figures;
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `faults ${run.passed ? "passed" : "FAILED"}: ${w.uploads} uploads, ${w.deletes} deletes, ${run.kills.length} kills ` +
      `(at ${run.kills.map((k) => `${s(k.atMs)} s`).join(", ")}); ${f.expected} articles expected: ` +
      `${f.processed} processed, ${f.failed} failed, ${f.pending} pending, ${f.lost} lost, ${f.duplicated} duplicated, ` +
      `${f.extra} not removed, ${f.wrongSources} with wrong keys; claims ${f.claimsStored}/${f.claimsExpected}; ` +
      `${f.speakerMismatches} speaker counts off the recount, ${f.orphanClaims} orphan claims; ` +
      `${f.deadLettered} dead-lettered; uploads ${s(run.uploadMs)} s, settled ${s(run.settledMs)} s` +
      (run.timedOut ? " (TIMED OUT)" : ""),
  );
  if (!run.passed) console.error(run.output.slice(-3000));
  return run.passed;
}

main().then(
  (passed) => {
    process.exitCode = passed ? 0 : 1;
  },
  (err: unknown) => {
    console.error(`faults: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
