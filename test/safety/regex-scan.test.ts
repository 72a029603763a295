// Every regex in the shipped and local code is checked by recheck on every run (nothing cached): it must be
// linear, or carry a `// recheck: <why its input is bounded>` comment right above it. A regex recheck cannot
// decide within REGEX_TIMEOUT_MS ("unknown") counts as a finding too: it must be simplified or acknowledged.
// An acknowledged pattern recheck finds safe is no finding: its verdict on borderline patterns varies with time.
import { checkSync, type Diagnostics } from "recheck";
import { beforeAll, describe, expect, it } from "vitest";
import { composedPatterns, type FoundRegExp, type Inventory, scanSources } from "./regex-inventory.ts";

/** Per regex; generous because the machine may be busy. The slowest safe pattern takes a few CPU seconds. */
const REGEX_TIMEOUT_MS = 60_000;
/** recheck's fuzzer is random; a fixed seed makes every run check the same attack strings. */
const RANDOM_SEED = 16;

let inventory: Inventory;
let composed: FoundRegExp[];

beforeAll(async () => {
  inventory = scanSources();
  composed = await composedPatterns(inventory);
}, 120_000);

function verdict(d: Diagnostics): string {
  if (d.status === "vulnerable") return `${d.complexity.type} (attack: ${d.attack.pattern})`;
  if (d.status === "unknown") return `unknown (${d.error.kind})`;
  return "safe";
}

describe("the regex inventory", () => {
  it("finds the literals in the sources", () => {
    expect(inventory.literals.length).toBeGreaterThan(300);
    expect(inventory.literals.every((r) => r.source.length > 0)).toBe(true);
  });

  it("builds every run-time RegExp through composeRegExp, each call site's when its module loads", () => {
    expect(inventory.bareConstructors).toEqual([]);
    expect([...new Set(composed.map((c) => c.site))].sort()).toEqual(
      [...new Set(inventory.composeCalls.map((c) => c.site))].sort(),
    );
  });
});

describe("every regex", () => {
  it("is linear, or acknowledged with its bound", { timeout: 30 * 60_000 }, () => {
    const all = [...inventory.literals, ...composed];
    const verdicts = new Map<string, string>();
    const problems: string[] = [];
    for (const r of all) {
      const key = `/${r.source}/${r.flags}`;
      let v = verdicts.get(key);
      if (v === undefined) {
        v = verdict(checkSync(r.source, r.flags, { timeout: REGEX_TIMEOUT_MS, randomSeed: RANDOM_SEED }));
        verdicts.set(key, v);
      }
      if (v !== "safe" && !r.acknowledgement) problems.push(`${r.site} ${key}: ${v}`);
    }
    expect(problems).toEqual([]);
  });
});
