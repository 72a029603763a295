import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = join(import.meta.dirname, "../../scripts/compare-extract.ts");

async function compare(...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [script, ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe("compare-extract", () => {
  it("finds no difference against its own saved outputs, and names the file whose output changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-extract-"));
    const articles = join(dir, "articles");
    mkdirSync(join(articles, "nested"), { recursive: true });
    const story = join(articles, "nested", "story.txt");
    writeFileSync(story, "Harbour fees\n\nThe port authority said on Monday that harbour fees would rise by 4%.\n");
    writeFileSync(join(articles, "empty.txt"), "");
    const saved = join(dir, "saved");
    expect((await compare("--save", saved, articles)).stdout).toMatch(/saved the output of 2 files/);
    const same = await compare(saved, articles);
    expect(same).toEqual({ code: 0, stdout: "2 files, 0 differ\n" });
    writeFileSync(story, "Harbour fees\n\nThe port authority said on Monday that harbour fees would fall by 4%.\n");
    const changed = await compare(saved, articles);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`${story}: output differs at line`);
    expect(changed.stdout).toMatch(/2 files, 1 differ\n$/);
  });
});
