// The claims export through `npm start`: the seeds' claims land in the local bucket under export/claims/, `npm
// run query` counts them all, GET /claims/search finds words in them, and deleting and overwriting articles
// makes the export follow exactly — no file left behind, none missing. The facts tracking found land under
// export/facts/, one file per fact GET /facts lists, and `npm run query` reads them.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EXPORT_CLAIMS_PREFIX,
  EXPORT_FACTS_PREFIX,
  exportClaimsKey,
  exportFactKey,
} from "../../functions/export/export-layout.ts";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { exportKeys, exportRows } from "../support/export-files.ts";
import { ROOT, seedFiles } from "./support/articles.ts";
import { apiClient, putObject, s3ClientFor } from "./support/clients.ts";
import { type StackProcess, startStack } from "./support/stack-process.ts";

const run = promisify(execFile);
const home = mkdtempSync(join(tmpdir(), "claimtrack-export-e2e-"));
let stack: StackProcess;
beforeAll(async () => {
  stack = await startStack(home);
}, 300_000);
afterAll(async () => {
  await stack?.stop("SIGTERM");
  rmSync(home, { recursive: true, force: true });
});

const claimFiles = async () =>
  (await exportKeys(s3ClientFor(stack.endpoints), stack.endpoints.bucket)).filter((k) =>
    k.startsWith(EXPORT_CLAIMS_PREFIX),
  );
const query = async (sql: string) =>
  JSON.parse(
    (
      await run(process.execPath, ["scripts/query.ts", "--format", "json", sql], {
        cwd: ROOT,
        env: { ...process.env, CLAIMTRACK_HOME: home },
      })
    ).stdout,
  ) as Record<string, unknown>[];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const article = (place: string, day: string) =>
  Buffer.from(
    `Title: Ferry to ${place}\nPublished: ${day}\n\n` +
      `The ferry to ${place} will run again from Monday, harbour master Lena Kovac said.\n\n` +
      `"We repaired both engines," Kovac told the island council.\n`,
  );

describe("the claims export under npm start", () => {
  it("holds every seed's claims, which npm run query and GET /claims/search read", { timeout: 120_000 }, async () => {
    const api = apiClient(stack.endpoints);
    const seeds = seedFiles();
    const files = await claimFiles();
    expect(files.map((k) => k.split("/").pop()).sort()).toEqual(seeds.map((s) => `${s.id}.jsonl.gz`).sort());
    const claimCounts = await Promise.all(
      seeds.map(async (s) => (await api.get<{ claimCount: number }>(`/articles/${s.id}`)).body.claimCount),
    );
    const total = claimCounts.reduce((n, c) => n + c, 0);
    expect(await query("SELECT count(*) AS n FROM claims")).toEqual([{ n: total }]);

    const found = await api.get<{ items: { text: string }[] }>("/claims/search?q=ceasefire&limit=200");
    expect(found.status).toBe(200);
    const expected = await query("SELECT claim_id FROM claims WHERE lower(text) LIKE '%ceasefire%'");
    expect(found.body.items.length).toBe(expected.length);
    expect(found.body.items.length).toBeGreaterThan(0);
    for (const c of found.body.items) expect(c.text.toLowerCase()).toContain("ceasefire");
  });

  it("holds one file per tracked fact, which npm run query reads with its members", { timeout: 120_000 }, async () => {
    const api = apiClient(stack.endpoints);
    const facts: { id: string; memberCount: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { items: { id: string; memberCount: number }[]; nextCursor: string | null };
      } = await api.get(`/facts?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.status).toBe(200);
      facts.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const files = (await exportKeys(s3ClientFor(stack.endpoints), stack.endpoints.bucket)).filter((k) =>
      k.startsWith(EXPORT_FACTS_PREFIX),
    );
    expect(facts.length).toBeGreaterThan(0);
    expect(files).toEqual(facts.map((f) => exportFactKey(f.id)).sort());
    const members = facts.reduce((n, f) => n + f.memberCount, 0);
    expect(await query("SELECT count(DISTINCT fact_id) AS facts, count(*) AS members FROM facts")).toEqual([
      { facts: facts.length, members },
    ]);
    expect(await query("SELECT count(*) AS n FROM facts f JOIN claims c ON c.claim_id = f.claim_id")).toEqual([
      { n: members },
    ]);
  });

  it("follows a delete and an overwrite into another month exactly", { timeout: 120_000 }, async () => {
    const api = apiClient(stack.endpoints);
    const [victim] = seedFiles();
    const before = (await query("SELECT count(*) AS n FROM claims"))[0]!.n as number;
    const victimRows = (await query(`SELECT count(*) AS n FROM claims WHERE article_id = '${victim!.id}'`))[0]!
      .n as number;
    expect((await api.delete(`/articles/${victim!.id}`)).status).toBe(202);
    await until("the deleted article's file is gone", async () =>
      (await claimFiles()).every((k) => !k.includes(victim!.id)),
    );
    expect(await query("SELECT count(*) AS n FROM claims")).toEqual([{ n: before - victimRows }]);

    const s3 = s3ClientFor(stack.endpoints);
    const march = article("Vis", "2025-03-30");
    const april = article("Brac", "2025-04-02");
    const [marchId, aprilId] = [march, april].map((b) => articleIdFor(contentHashOf(b)));
    await putObject(s3, stack.endpoints, `${stack.endpoints.ingestPrefix}e2e/ferry.txt`, march, "text/plain");
    await until("the March article is exported", async () =>
      (await claimFiles()).includes(exportClaimsKey(marchId!, "2025-03")),
    );
    await putObject(s3, stack.endpoints, `${stack.endpoints.ingestPrefix}e2e/ferry.txt`, april, "text/plain");
    await until("the April article replaces it", async () => {
      const files = await claimFiles();
      return files.includes(exportClaimsKey(aprilId!, "2025-04")) && files.every((k) => !k.includes(marchId!));
    });
    const rows = await exportRows(s3, stack.endpoints.bucket, exportClaimsKey(aprilId!, "2025-04"));
    const stored = (await api.get<{ items: { id: string }[] }>(`/articles/${aprilId}/claims?limit=200`)).body.items;
    expect(rows.map((r) => r.claim_id)).toEqual(stored.map((c) => c.id));
    expect(await query(`SELECT count(*) AS n FROM claims WHERE article_id = '${marchId}'`)).toEqual([{ n: 0 }]);
    expect((await claimFiles()).length).toBe(seedFiles().length);
  });
});
