// Re-extraction of what is stored (functions/ingest/reprocess.ts): articles an older engine extracted are re-run
// from their objects through the ingest handler and end exactly as the engine that runs now extracts them — claims,
// counts, the export — while an object uploaded again or deleted since the listing keeps what its own event made.

import { gunzipSync } from "node:zlib";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import { EXTRACTOR_VERSION } from "../../functions/extraction/version.ts";
import type { Extractor } from "../../functions/ingest/deps.ts";
import {
  type ReprocessPage,
  type ReprocessSelection,
  type ReprocessTarget,
  reprocessNotification,
  reprocessTargets,
} from "../../functions/ingest/reprocess.ts";
import { articleIdAt, BUCKET, type Pipeline, PREFIX, seed, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();
const OLD_VERSION = "2020.01.01";

/** An engine of another version: it misses each article's last claim. */
const olderEngine: Extractor = (input, options) => {
  const extraction = extract(input, options);
  return { ...extraction, extractorVersion: OLD_VERSION, claims: extraction.claims.slice(0, -1) };
};

/** A pipeline whose engine can be swapped, as a deploy swaps the function's code. */
async function pipelineWithEngine(): Promise<{ p: Pipeline; use(engine: Extractor): void }> {
  let engine: Extractor = olderEngine;
  const p = await startPipeline(emulators(), { extract: (input, options, budget) => engine(input, options, budget) });
  return {
    p,
    use: (e) => {
      engine = e;
    },
  };
}

async function targetsOf(p: Pipeline, selection: Partial<ReprocessSelection> = {}): Promise<ReprocessTarget[]> {
  const all: ReprocessTarget[] = [];
  for await (const page of reprocessTargets(p.store, { version: EXTRACTOR_VERSION, pageSize: 2, ...selection })) {
    all.push(...page.targets);
  }
  return all;
}

async function exportedRows(p: Pipeline, articleId: string): Promise<Record<string, unknown>[]> {
  const listed = await p.s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "export/claims/" }));
  const key = listed.Contents?.map((o) => o.Key!).find((k) => k.endsWith(`/${articleId}.jsonl.gz`));
  if (!key) return [];
  const object = await p.s3Client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const text = gunzipSync(await object.Body!.transformToByteArray()).toString("utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const SEEDS = ["dev-01.txt", "dev-02.html", "dev-03.md"];

describe("reprocess", () => {
  it("re-extracts what an older engine stored, once, and ends as the current engine extracts it", async () => {
    const { p, use } = await pipelineWithEngine();
    for (const name of SEEDS) await p.deliver(await p.upload(`${PREFIX}${name}`, seed(name)));
    const ids = await Promise.all(SEEDS.map((name) => articleIdAt(p, `${PREFIX}${name}`)));
    for (const id of ids) expect((await p.store.getArticle(id!))!.extractorVersion).toBe(OLD_VERSION);

    use(extract);
    const targets = await targetsOf(p);
    expect(new Set(targets.map((t) => t.articleId))).toEqual(new Set(ids));
    // The order of the event that recorded each object goes with its re-run, so a later event wins over it.
    for (const t of targets) expect(t.sequencer).toMatch(/^[0-9A-F]{40}$/);
    const response = await p.deliver(...targets.map(reprocessNotification));
    expect(response.batchItemFailures).toEqual([]);

    for (const [i, name] of SEEDS.entries()) {
      const expected = extract({ bytes: seed(name), fileName: name }).claims;
      const article = (await p.store.getArticle(ids[i]!))!;
      expect(article.extractorVersion).toBe(EXTRACTOR_VERSION);
      expect(article.claimCount).toBe(expected.length);
      const stored = await p.store.listArticleClaims(ids[i]!, { limit: 200 });
      expect(stored!.items.map((c) => c.text)).toEqual(expected.map((c) => c.text));
      expect((await exportedRows(p, ids[i]!)).map((r) => r.claim_id)).toEqual(expected.map((c) => c.id));
    }
    // Nothing is left to redo, and a second re-run of everything changes nothing.
    expect(await targetsOf(p)).toEqual([]);
    const before = await p.snapshot();
    expect(
      (await p.deliver(...(await targetsOf(p, { all: true })).map(reprocessNotification))).batchItemFailures,
    ).toEqual([]);
    expect(await p.snapshot()).toEqual(before);
  });

  it("leaves alone an object uploaded again or deleted after it was listed", async () => {
    const { p, use } = await pipelineWithEngine();
    const [kept, replaced, deleted] = ["kept.txt", "replaced.txt", "deleted.txt"].map((k) => `${PREFIX}${k}`);
    await p.deliver(await p.upload(kept!, seed("dev-01.txt")));
    await p.deliver(await p.upload(replaced!, seed("dev-05.txt")));
    await p.deliver(await p.upload(deleted!, seed("dev-06.txt")));
    use(extract);
    const targets = await targetsOf(p);
    expect(targets.map((t) => t.source.key).sort()).toEqual([deleted, kept, replaced].sort());

    // After the listing: new content at one key (the current engine processes it), the object of another deleted.
    await p.deliver(await p.upload(replaced!, seed("dev-01.txt")));
    await p.deliver(await p.remove(deleted!));
    const snapshot = await p.snapshot();
    const rerun = targets.filter((t) => t.source.key !== kept);
    expect((await p.deliver(...rerun.map(reprocessNotification))).batchItemFailures).toEqual([]);
    expect(await p.snapshot()).toEqual(snapshot);
    expect(await articleIdAt(p, deleted!)).toBeNull();
    // Both re-runs were refused as older than what their key saw since, not processed over it.
    const outcomes = p.logs.filter((l) => l.eventName === "ObjectCreated:Reprocess").map((l) => [l.key, l.message]);
    expect(outcomes.sort()).toEqual([
      [deleted, "event ignored"],
      [replaced, "event ignored"],
    ]);

    expect(
      (await p.deliver(reprocessNotification(targets.find((t) => t.source.key === kept)!))).batchItemFailures,
    ).toEqual([]);
    const article = (await p.store.getArticle((await articleIdAt(p, kept!))!))!;
    expect(article.extractorVersion).toBe(EXTRACTOR_VERSION);
  });

  it("selects FAILED articles only when asked, and resumes from a page's cursor", async () => {
    const { p, use } = await pipelineWithEngine();
    for (const name of SEEDS) await p.deliver(await p.upload(`${PREFIX}${name}`, seed(name)));
    await p.deliver(await p.upload(`${PREFIX}empty.html`, "<html><body><script>var x = 1;</script></body></html>"));
    const failedId = (await articleIdAt(p, `${PREFIX}empty.html`))!;
    expect((await p.store.getArticle(failedId))!.status).toBe("FAILED");
    use(extract);

    expect((await targetsOf(p)).map((t) => t.articleId)).not.toContain(failedId);
    expect((await targetsOf(p, { failed: true })).map((t) => t.articleId)).toContain(failedId);

    const pages = reprocessTargets(p.store, { version: EXTRACTOR_VERSION, pageSize: 2 });
    const first = (await pages.next()).value as ReprocessPage;
    expect(first.cursor).not.toBeNull();
    const rest = await targetsOf(p, { cursor: first.cursor! });
    expect([...first.targets, ...rest].map((t) => t.articleId).sort()).toEqual(
      (await targetsOf(p)).map((t) => t.articleId).sort(),
    );
    expect(rest.some((t) => first.targets.some((f) => f.articleId === t.articleId))).toBe(false);
  });
});
