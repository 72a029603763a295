// `npm start` as a newcomer meets it, on the TypeScript sources: the first start ingests the seeds with a
// progress line and prints where everything is; Ctrl-C stops it; the next start keeps the data and does not seed
// again. Then the full scenario (support/whole-system.ts).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { endpointsPath } from "../../local/endpoints.ts";
import { expectedExtraction, seedFiles } from "./support/articles.ts";
import { apiClient } from "./support/clients.ts";
import { startStack } from "./support/stack-process.ts";
import { describeWholeSystem } from "./support/whole-system.ts";

describe("npm start, first and second time", () => {
  const home = mkdtempSync(join(tmpdir(), "claimtrack-first-"));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("ingests the seeds on the first start, prints the endpoints, and stops on Ctrl-C keeping everything", {
    timeout: 300_000,
  }, async () => {
    const seeds = seedFiles();
    const first = await startStack(home);
    const out = first.output();
    const expectedClaims = seeds.reduce((n, f) => n + expectedExtraction(f).claims.length, 0);
    expect(out).toContain(`Ingesting ${seeds.length} seed articles`);
    expect(out).toContain(`${seeds.length}/${seeds.length} done, ${expectedClaims} claims`);
    const { api: url, s3, bucket, ingestPrefix } = first.endpoints;
    expect(out).toContain(`${url}/docs`);
    expect(out).toContain(`aws --endpoint-url ${s3} s3 cp seeds/dev-01.txt s3://${bucket}/${ingestPrefix}dev-01.txt`);
    expect(out).toContain(`curl ${url}/articles`);

    const api = apiClient(first.endpoints);
    const articles = await api.articles();
    expect(articles.map((a) => a.id).sort()).toEqual(seeds.map((f) => f.id).sort());
    expect(articles.every((a) => a.status === "PROCESSED")).toBe(true);

    expect(await first.stop("SIGINT")).toBe(0);
    expect(first.output()).toMatch(/SIGINT: finishing the work in flight…\nStopped\./);
    expect(existsSync(endpointsPath(home))).toBe(false);

    const second = await startStack(home);
    try {
      expect(second.output()).not.toContain("Ingesting");
      expect(await apiClient(second.endpoints).articles()).toEqual(articles);
      // One stack per data folder.
      await expect(startStack(home)).rejects.toThrow(
        `claimtrack: another claimtrack (pid ${second.endpoints.pid}) is running with CLAIMTRACK_HOME=${home}; stop it first`,
      );
    } finally {
      expect(await second.stop("SIGTERM")).toBe(0);
    }
  });

  it("refuses a bad setting with one line naming it", { timeout: 60_000 }, async () => {
    await expect(startStack(home, { CLAIMTRACK_DYNAMODB: "dynamo-please" })).rejects.toThrow(
      /exited with 1 before it was ready:\n.*claimtrack: invalid environment: CLAIMTRACK_DYNAMODB: must be "local", "aws" or an http\(s\) URL\n$/s,
    );
  });
});

describeWholeSystem(
  "TypeScript sources",
  () => ({}),
  () => "TypeScript sources",
);
