// A fault-injection run on loopback: a fresh `npm start` in a temporary CLAIMTRACK_HOME, the workload's lanes
// applied by concurrent S3 clients (each operation retried until the stack answers, across restarts), the stack
// killed with SIGKILL at the given points and started again, then — once everything has settled, or the time
// is up — the full audit (audit.ts). Used by `npm run faults` and the crash-recovery end-to-end test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { mapLimit } from "../../functions/shared/map-limit.ts";
import type { Endpoints } from "../../local/endpoints.ts";
import { apiClient, putObject, s3ClientFor } from "../../test/e2e/support/clients.ts";
import { type AuditFigures, audit, auditPassed, looksSettled } from "./audit.ts";
import { startCrashingStack } from "./crashing-stack.ts";
import type { Operation, Workload } from "./workload.ts";

/** When to kill: once every condition given holds. */
export interface KillPoint {
  /** Operations completed. */
  afterOps?: number;
  /** Articles listed as PROCESSED or FAILED. */
  afterSettled?: number;
  /** Since the previous kill (or the first upload). */
  afterPreviousKillMs?: number;
}

export interface FaultRunOptions {
  workload: Workload;
  kills: KillPoint[];
  /** Concurrent S3 clients. */
  concurrency: number;
  /** The whole run's bound, from the first upload. */
  timeoutMs: number;
  /** More environment for `npm start`. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface FaultRunResult {
  figures: AuditFigures;
  passed: boolean;
  /** When each kill came, since the first upload, and how far the run was (settled -1: not polled). */
  kills: { atMs: number; opsDone: number; settled: number }[];
  uploadMs: number;
  /** From the first upload until everything had settled (or the time ran out). */
  settledMs: number;
  timedOut: boolean;
  /** The stack's output, for a failure's report. */
  output: string;
}

/** Short enough that a killed invocation's messages come back quickly; the function timeout follows it. */
const VISIBILITY_TIMEOUT_SECONDS = 15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const log = options.log ?? (() => {});
  const home = mkdtempSync(join(tmpdir(), "claimtrack-faults-"));
  const stack = await startCrashingStack(home, {
    CLAIMTRACK_SEEDS: "none",
    CLAIMTRACK_VISIBILITY_TIMEOUT_SECONDS: String(VISIBILITY_TIMEOUT_SECONDS),
    ...options.env,
  });
  try {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const outOfTime = () => elapsed() > options.timeoutMs;

    let clients: { generation: number; s3: S3Client; endpoints: Endpoints } | null = null;
    const client = async () => {
      const endpoints = await stack.ready();
      if (clients?.generation !== stack.generation()) {
        clients?.s3.destroy();
        clients = { generation: stack.generation(), s3: s3ClientFor(endpoints), endpoints };
      }
      return clients;
    };
    let opsDone = 0;
    const apply = async (op: Operation) => {
      for (;;) {
        const { s3, endpoints } = await client();
        try {
          if (op.kind === "put") await putObject(s3, endpoints, op.key, op.file.bytes, op.file.contentType);
          else await s3.send(new DeleteObjectCommand({ Bucket: endpoints.bucket, Key: op.key }));
          opsDone++;
          return;
        } catch (err) {
          if (outOfTime()) throw err;
          await sleep(250);
        }
      }
    };

    let uploadMs = Number.NaN;
    const driving = mapLimit(options.workload.lanes, options.concurrency, async (lane) => {
      for (const op of lane) await apply(op);
    }).then(() => {
      uploadMs = elapsed();
      log(`${opsDone} operations applied in ${(uploadMs / 1000).toFixed(1)} s`);
    });

    const settledCount = async () => {
      const listed = await apiClient(await stack.ready())
        .articles()
        .catch(() => []);
      return listed.filter((a) => a.status !== "PENDING").length;
    };
    const kills: FaultRunResult["kills"] = [];
    let lastKill = 0;
    for (const point of options.kills) {
      for (;;) {
        // Polled only for a point that waits on it (-1: not looked at).
        const settled = point.afterSettled === undefined ? -1 : await settledCount();
        const due =
          opsDone >= (point.afterOps ?? 0) &&
          (point.afterSettled === undefined || settled >= point.afterSettled) &&
          elapsed() - lastKill >= (point.afterPreviousKillMs ?? 0);
        if (due) {
          lastKill = elapsed();
          kills.push({ atMs: lastKill, opsDone, settled });
          const where = settled < 0 ? "" : `, ${settled} settled`;
          log(`kill -9 at ${(lastKill / 1000).toFixed(1)} s (${opsDone} operations${where})`);
          await stack.crash();
          log(`restarted after ${((elapsed() - lastKill) / 1000).toFixed(1)} s`);
          break;
        }
        if (outOfTime()) throw new Error(`kill point ${JSON.stringify(point)} not reached in time`);
        await sleep(point.afterSettled === undefined ? 50 : 400);
      }
    }
    await driving;

    let timedOut = false;
    while (!(await looksSettled(await stack.ready(), options.workload).catch(() => false))) {
      if (outOfTime()) {
        timedOut = true;
        break;
      }
      await sleep(1000);
    }
    const settledMs = elapsed();
    log(`settled after ${(settledMs / 1000).toFixed(1)} s; auditing`);
    // Removals of keys that share an article change no listing: give the last of them a few moments.
    let figures = await audit(await stack.ready(), home, options.workload);
    for (let retry = 0; retry < 5 && !auditPassed(figures) && !timedOut; retry++) {
      await sleep(2000);
      figures = await audit(await stack.ready(), home, options.workload);
    }
    (clients as { s3: S3Client } | null)?.s3.destroy();
    return { figures, passed: auditPassed(figures), kills, uploadMs, settledMs, timedOut, output: stack.output() };
  } finally {
    await stack.stop().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  }
}
