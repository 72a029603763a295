// `npm start` with the keys that break an S3 emulator: a 300-byte last segment, `incoming/../../../../x` and 60
// keys of one folder holding one article that is then deleted through the API. Each is ingested, nothing is
// written outside CLAIMTRACK_HOME, the deletion completes, and the stack keeps running and starts again.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { apiClient, putObject, s3ClientFor } from "./support/clients.ts";
import { startStack } from "./support/stack-process.ts";

const MINUTE = 60_000;
const parent = mkdtempSync(join(tmpdir(), "claimtrack-keys-"));
const home = join(parent, "home");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const seed = (name: string) => readFileSync(join(import.meta.dirname, "..", "..", "seeds", name));
const idOf = (bytes: Uint8Array) => articleIdFor(contentHashOf(bytes));

describe("npm start with hostile keys", () => {
  it("ingests them inside CLAIMTRACK_HOME, completes a deletion of 60 keys, and starts again", {
    timeout: 6 * MINUTE,
  }, async () => {
    const stack = await startStack(home, { CLAIMTRACK_SEEDS: "none" });
    const s3 = s3ClientFor(stack.endpoints);
    const api = apiClient(stack.endpoints);
    try {
      const longSegment = seed("dev-01.txt");
      const escaping = seed("dev-05.txt");
      const shared = seed("dev-06.txt");
      await putObject(s3, stack.endpoints, `incoming/${"a long file name ".repeat(18)}.txt`, longSegment);
      await putObject(s3, stack.endpoints, "incoming/../../../../escaped.txt", escaping);
      const folder = Array.from({ length: 60 }, (_, i) => `incoming/one folder/copy ${i}.txt`);
      await Promise.all(folder.map((key) => putObject(s3, stack.endpoints, key, shared)));

      for (const bytes of [longSegment, escaping, shared]) {
        expect((await api.settled(idOf(bytes))).status).toBe("PROCESSED");
      }
      expect(readdirSync(parent)).toEqual(["home"]);
      // The article settles with its first copy; the other copies' events attach their keys after it.
      await expect
        .poll(async () => (await api.article(idOf(shared)))!.sources.length, { timeout: 2 * MINUTE, interval: 200 })
        .toBe(60);

      expect((await api.delete(`/articles/${idOf(shared)}`)).status).toBe(202);
      await api.gone(idOf(shared));
      expect((await api.get(`/articles/${idOf(shared)}/claims`)).status).toBe(404);
    } finally {
      s3.destroy();
      expect(await stack.stop("SIGTERM")).toBe(0);
    }

    const again = await startStack(home, { CLAIMTRACK_SEEDS: "none" });
    try {
      const ids = (await apiClient(again.endpoints).articles()).map((a) => a.id).sort();
      expect(ids).toEqual([idOf(seed("dev-01.txt")), idOf(seed("dev-05.txt"))].sort());
    } finally {
      expect(await again.stop("SIGTERM")).toBe(0);
    }
  });
});
