// `npm start` in a process of its own that a fault run kills with SIGKILL — no cleanup, no flush, as a power cut
// or an OOM kill would — and starts again on the same CLAIMTRACK_HOME. Clients wait on `ready()` while it is
// down and get the new endpoints (ports change on every start).
import type { Endpoints } from "../../local/endpoints.ts";
import { type StackProcess, startStack } from "../../test/e2e/support/stack-process.ts";

export interface CrashingStack {
  /** The running stack's endpoints; waits while it restarts. */
  ready(): Promise<Endpoints>;
  /** Restarts so far. */
  generation(): number;
  /** kill -9, then starts it again; resolves once it is ready. */
  crash(): Promise<void>;
  stop(): Promise<void>;
  /** What every start printed. */
  output(): string;
}

export async function startCrashingStack(home: string, env: Record<string, string>): Promise<CrashingStack> {
  let current: StackProcess = await startStack(home, env);
  let starting: Promise<StackProcess> | null = null;
  let generation = 0;
  let printed = "";
  return {
    async ready() {
      return (starting ? await starting : current).endpoints;
    },
    generation: () => generation,
    async crash() {
      if (starting) await starting;
      await current.stop("SIGKILL");
      printed += current.output();
      generation++;
      starting = startStack(home, env);
      try {
        current = await starting;
      } finally {
        starting = null;
      }
    },
    async stop() {
      if (starting) await starting.catch(() => undefined);
      await current.stop("SIGTERM");
      printed += current.output();
    },
    output: () => printed + current.output(),
  };
}
