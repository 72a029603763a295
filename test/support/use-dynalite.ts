// A dynalite for the tests of one file (vitest hooks, so apart from dynalite.ts, which scripts import too).
import { afterAll, beforeAll } from "vitest";
import { type DynaliteOptions, type RunningDynalite, startDynalite } from "./dynalite.ts";

/** Started before the file's tests, stopped after them; call the returned function inside a test. */
export function useDynalite(options: DynaliteOptions = {}): () => RunningDynalite {
  let db: RunningDynalite | undefined;
  beforeAll(async () => {
    db = await startDynalite(options);
  });
  afterAll(async () => {
    await db?.stop();
  });
  return () => db!;
}
