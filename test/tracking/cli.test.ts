import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { Tracking } from "../../functions/schemas/fact.ts";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "../../functions/cli/track.ts");

async function trackFiles(paths: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...paths], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), "track-cli-"));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("track command", () => {
  it("tracks the good files and names each bad one on one line", async () => {
    const first = write(
      "first.txt",
      "Dam repairs delayed\n\nBy Ona Petrauskaite\n\nEngineers found a crack 14 metres long in the Varna dam on Monday, the water authority said.\n\nRepairs will cost about 3.2 million euros, the authority said.\n",
    );
    const second = write(
      "second.txt",
      "Varna dam crack\n\nBy Lukas Berg\n\nA crack 14 metres long was found in the Varna dam, the water authority said on Monday.\n\nThe reservoir will be lowered by two metres.\n",
    );
    const empty = write("empty.json", "{}");
    const missing = join(dir, "missing.txt");
    const { code, stdout, stderr } = await trackFiles([first, empty, second, missing]);
    expect(code).toBe(0);
    const out = Tracking.parse(JSON.parse(stdout));
    expect(out.articles.map((a) => a.file)).toEqual([first, second]);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^claimtrack track: .*empty\.json: /);
    expect(lines[1]).toMatch(/missing\.txt: no such file$/);
    const crack = out.articles.map((a) => a.claims.find((c) => c.text.includes("14 metres"))!.factId);
    expect(crack[0]).not.toBeNull();
    expect(crack[1]).toBe(crack[0]);
  });

  it("exits non-zero with usage when no file is given", async () => {
    const { code, stderr } = await trackFiles([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run track -- FILE/);
  });
});
