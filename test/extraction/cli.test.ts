import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { Extraction } from "../../functions/schemas/article.ts";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "../../functions/cli/extract.ts");

async function extractFile(path: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, path], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("extract command", () => {
  it("prints an extraction that satisfies the schema for the seed article", async () => {
    const { code, stdout } = await extractFile(
      join(import.meta.dirname, "../../seeds/up-2025-07-07-coalition-rome.txt"),
    );
    expect(code).toBe(0);
    const parsed = Extraction.parse(JSON.parse(stdout));
    expect(parsed.claims.length).toBeGreaterThan(0);
  });

  it("names a missing file in one line and exits non-zero", async () => {
    const { code, stdout, stderr } = await extractFile("/nonexistent/article.txt");
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/no such file/);
  });

  it.each([
    ["binary.txt", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0)]), /PDF/],
    ["big.txt", Buffer.alloc(6 * 1024 * 1024, "word "), /limit/],
    [
      "nav.html",
      Buffer.from("<html><body><nav><a href='/'>Home</a></nav><footer>© 2025</footer></body></html>"),
      /text/,
    ],
    ["bad.json", Buffer.from('{"title": "x", "body": '), /JSON|json/],
  ])("answers %s with one line, no stack trace", async (name, bytes, pattern) => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-"));
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const { code, stdout, stderr } = await extractFile(path);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("decodes a Windows-1252 file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-"));
    const path = join(dir, "cp1252.txt");
    // "The minister’s plan costs €5 million, officials said." with ’ (0x92) and € (0x80) in Windows-1252.
    const text = Buffer.from("Budget news\n\nThe minister\x92s plan costs \x805 million, officials said.\n", "latin1");
    writeFileSync(path, text);
    const { code, stdout } = await extractFile(path);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).article.text).toContain("minister’s plan costs €5 million");
  });

  it("refuses an empty file with one clear line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-"));
    const path = join(dir, "empty.txt");
    writeFileSync(path, "");
    const { code, stderr } = await extractFile(path);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/empty/);
  });
});
