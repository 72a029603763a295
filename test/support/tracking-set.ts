// The small tracking set of test/fixtures/tracking (written for these tests): two stories — a harbour fire
// reported, re-counted and rescheduled across three articles, and a library budget in two — read by the real
// extractor.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../../functions/extraction/extract.ts";
import type { Extraction } from "../../functions/schemas/article.ts";

export const TRACKING_DIR = join(import.meta.dirname, "../fixtures/tracking");

export const trackingSet: { file: string; extraction: Extraction }[] = readdirSync(TRACKING_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((file) => ({
    file,
    extraction: extract({ bytes: new Uint8Array(readFileSync(join(TRACKING_DIR, file))), fileName: file }),
  }));

/** The bytes of the set's file whose name starts with `prefix`. */
export const trackingBytes = (prefix: string): Uint8Array =>
  new Uint8Array(readFileSync(join(TRACKING_DIR, trackingSet.find((t) => t.file.startsWith(prefix))!.file)));

/** A seeded shuffle (a linear congruential generator), so a failing order can be replayed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
