// The extract command reads each seed with the real readers (not the placeholder) and prints its metadata.
import { execFile } from "node:child_process";
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
