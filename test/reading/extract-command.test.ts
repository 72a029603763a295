// The extract command reads each seed with the real readers (not the placeholder) and prints its metadata.
import { execFile } from "node:child_process";
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

describe("npm run extract on a seed page", () => {
  it("prints the HTML page's metadata and a body without page furniture", async () => {
    const { stdout } = await run(
      process.execPath,
      [join(root, "functions/cli/extract.ts"), join(root, "seeds/dev-02.html")],
      {
        timeout: 20_000,
      },
    );
    const { article } = JSON.parse(stdout) as { article: Record<string, unknown> };
    expect(article).toMatchObject({
      format: "html",
      title: "Coalition of the willing meets in Rome as Starmer and Macron dial in from Northwood",
      publishedAt: "2025-07-10T11:48:00+02:00",
      authors: ["Giulia Marchetti"],
      outlet: "The Continental Post",
    });
    expect(article.text).not.toMatch(/cookies|Subscribe|Related|Terms of use/);
  });
});

describe("npm run extract on a wire story whose dateline has no year", () => {
  it("dates it in the year of the file's modification time", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "claimtrack-cli-")), "wire.txt");
    writeFileSync(file, "VALLETTA, Oct. 12 (Island Wire) - The port said on Monday that ferries would sail again.\n");
    const mtime = new Date("2028-10-13T08:00:00Z");
    utimesSync(file, mtime, mtime);
    const { stdout } = await run(process.execPath, [join(root, "functions/cli/extract.ts"), file], { timeout: 20_000 });
    const { article } = JSON.parse(stdout) as { article: Record<string, unknown> };
    expect(article.publishedAt).toBe("2028-10-12");
  });
});
