// Two crashes close together lose nothing: 200 articles uploaded to `npm start`, the stack killed with SIGKILL
// while it is processing them and again 3 s later — or, when its restart takes longer, as soon as the restarted
// stack is up and delivering the messages the first one never took — then started again. Every upload must end as exactly
// one PROCESSED article with the extractor's claims (none FAILED: they are all readable), nothing dead-lettered
// or stuck PENDING, no claim stored twice, and the speaker counts equal to a recount from the stored claims.
import { expect, it } from "vitest";
import { runFaults } from "../../scripts/faults/run-faults.ts";
import { planWorkload } from "../../scripts/faults/workload.ts";

it("survives two kill -9 of the stack 3 s apart mid-batch", { timeout: 360_000 }, async () => {
  const workload = planWorkload({
    seed: 2,
    uploads: 200,
    duplicatedContents: 0,
    keysPerDuplicate: 10,
    overwrites: 0,
    deletes: 0,
    folder: "incoming/crash/",
  });
  const lines: string[] = [];
  const run = await runFaults({
    workload,
    kills: [{ afterOps: 200, afterSettled: 20 }, { afterPreviousKillMs: 3_000 }],
    concurrency: 20,
    // About a minute on a quiet machine; the bound leaves room for a loaded one.
    timeoutMs: 240_000,
    log: (line) => lines.push(line),
  });
  console.info(`${lines.join("\n")}\n${JSON.stringify(run.figures)}`);
  const report = `${lines.join("\n")}\n${JSON.stringify(run.figures)}\n${run.output.slice(-4000)}`;
  expect(run.kills, report).toHaveLength(2);
  // The first kill came mid-batch: some articles were done, not all.
  expect(run.kills[0]!.settled, report).toBeLessThan(200);
  expect(run.kills[1]!.atMs - run.kills[0]!.atMs, report).toBeGreaterThanOrEqual(3_000);
  expect(run.kills[1]!.atMs - run.kills[0]!.atMs, report).toBeLessThan(30_000);
  expect(run.timedOut, report).toBe(false);
  expect(run.figures, report).toMatchObject({
    expected: 200,
    processed: 200,
    failed: 0,
    pending: 0,
    lost: 0,
    extra: 0,
    wrongSources: 0,
    duplicated: 0,
    speakerMismatches: 0,
    orphanClaims: 0,
    deadLettered: 0,
  });
  expect(run.figures.claimsStored, report).toBe(run.figures.claimsExpected);
  expect(run.passed, report).toBe(true);
});
