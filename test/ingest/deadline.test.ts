// Extraction runs under a deadline on a worker thread the handler stops: an article that reads too slowly is
// FAILED with TIMEOUT (permanent, acknowledged, never re-run by its redelivery) while the rest of its batch goes
// on, and the one warm thread is replaced only after a termination. The slow extractor is a real module on a
// real thread (support/slow-extract-worker.ts), stuck in a real backtracking regex.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { createThreadExtractor, type ThreadExtractor } from "../../functions/ingest/thread-extractor.ts";
import { IngestEnv, loadEnv } from "../../functions/shared/env.ts";
import { lambdaContext, seed, sqsEvent, sqsMessage, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();
const SLOW_WORKER = new URL("./support/slow-extract-worker.ts", import.meta.url);
const REAL_WORKER = new URL("../../functions/handlers/extract-worker.ts", import.meta.url);

const article = (sentence: string) =>
  new TextEncoder().encode(`${sentence}\n\nThe harbour master said the new pier would open in the spring.\n`);
const idOf = (bytes: Uint8Array) => articleIdFor(contentHashOf(bytes));

let extractor: ThreadExtractor | undefined;
afterEach(async () => {
  await extractor?.close();
  extractor = undefined;
});

async function pipelineWith(entry: URL, deadlineMs: number) {
  extractor = createThreadExtractor({ entry, deadlineMs, reserveMs: 1_000 });
  return startPipeline(emulators(), { extract: extractor.extract });
}

describe("extraction under a deadline", () => {
  it("fails a stalled article with TIMEOUT, acknowledges it and goes on with its batch", {
    timeout: 30_000,
  }, async () => {
    const p = await pipelineWith(SLOW_WORKER, 1_000);
    const stalled = article("STALL: the committee said the report was late.");
    const before = article("The mayor said the bridge would reopen on Monday.");
    const after = article("The council said the library would close for repairs.");
    const notices = [
      await p.upload("incoming/deadline/before.txt", before),
      await p.upload("incoming/deadline/stalled.txt", stalled),
      await p.upload("incoming/deadline/after.txt", after),
    ];
    const started = performance.now();
    const res = await p.handler(sqsEvent(...notices.map((n) => sqsMessage(n))), lambdaContext());
    // The regex alone would run for hours; the batch ends about a deadline after it started.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(res.batchItemFailures).toEqual([]);

    const failed = await p.store.getArticle(idOf(stalled));
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failureReason).toMatch(/^TIMEOUT: reading the file took longer than 1000 ms/);
    for (const ok of [before, after]) expect((await p.store.getArticle(idOf(ok)))?.status).toBe("PROCESSED");
    // The stopped thread is replaced once, for the next article (the batch's messages run concurrently, so its
    // batch-mates may have had their turns before the stalled one).
    const next = article("The governor said the dam would be inspected in June.");
    const nextRes = await p.handler(
      sqsEvent(sqsMessage(await p.upload("incoming/deadline/next.txt", next))),
      lambdaContext(),
    );
    expect(nextRes.batchItemFailures).toEqual([]);
    expect((await p.store.getArticle(idOf(next)))?.status).toBe("PROCESSED");
    expect(extractor!.threadsStarted()).toBe(2);

    // Its redelivery is answered from the idempotency record: the slow file is not read again.
    const again = await p.handler(sqsEvent(sqsMessage(notices[1])), lambdaContext());
    expect(again.batchItemFailures).toEqual([]);
    expect(extractor!.threadsStarted()).toBe(2);
    expect(p.metrics.totals().ArticlesFailed).toBe(1);
  });

  it("keeps one warm thread for every article and carries the extractor's own failures across it", {
    timeout: 30_000,
  }, async () => {
    const p = await pipelineWith(REAL_WORKER, 10_000);
    const seedBytes = seed("up-2025-07-07-coalition-rome.txt");
    const res = await p.handler(
      sqsEvent(
        sqsMessage(await p.upload("incoming/warm/a.txt", seedBytes)),
        sqsMessage(await p.upload("incoming/warm/b.txt", article("The minister said taxes would fall."))),
        sqsMessage(await p.upload("incoming/warm/empty.txt", new Uint8Array(0))),
      ),
      lambdaContext(),
    );
    expect(res.batchItemFailures).toEqual([]);
    const processed = await p.store.getArticle(idOf(seedBytes));
    expect(processed?.status).toBe("PROCESSED");
    expect(processed?.claimCount).toBeGreaterThan(0);
    // The extractor's BadArticleError came back as itself: EMPTY, not a retried unknown error.
    expect((await p.store.getArticle(idOf(new Uint8Array(0))))?.failureReason).toMatch(/^EMPTY: /);
    expect(extractor!.threadsStarted()).toBe(1);
  });

  it("retries, and does not fail, an article its invocation had no time left for", { timeout: 30_000 }, async () => {
    const p = await pipelineWith(SLOW_WORKER, 20_000);
    const stalled = article("STALL: the port authority said fees would rise.");
    const message = sqsMessage(await p.upload("incoming/deadline/late.txt", stalled));
    // 1.5 s left, a quarter of it reserved: the invocation, not the article, runs out after about 1.1 s.
    const res = await p.handler(sqsEvent(message), lambdaContext(1_500));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect((await p.store.getArticle(idOf(stalled)))?.status).toBe("PENDING");
  });
});

describe("a short function timeout", () => {
  it("still leaves its articles time to be read (a quarter of what is left is kept for the writes)", {
    timeout: 30_000,
  }, async () => {
    extractor = createThreadExtractor({ entry: REAL_WORKER, deadlineMs: 20_000 });
    const p = await startPipeline(emulators(), { extract: extractor.extract });
    const bytes = article("The ferry operator said crossings would resume at dawn.");
    const res = await p.handler(
      sqsEvent(sqsMessage(await p.upload("incoming/short/a.txt", bytes))),
      lambdaContext(4_000),
    );
    expect(res.batchItemFailures).toEqual([]);
    expect((await p.store.getArticle(idOf(bytes)))?.status).toBe("PROCESSED");
  });
});

describe("the warm thread", () => {
  it("lets its process exit while idle, so a runtime or a script is never held open by it", () => {
    const script = `import { createThreadExtractor } from ${JSON.stringify(new URL("../../functions/ingest/thread-extractor.ts", import.meta.url).href)};
      createThreadExtractor({ entry: new URL(${JSON.stringify(REAL_WORKER.href)}), deadlineMs: 1000 });`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { timeout: 20_000 });
    expect(run.signal, String(run.stderr)).toBeNull();
    expect(run.status, String(run.stderr)).toBe(0);
  });
});

describe("the deadline's setting", () => {
  const env = { TABLE_NAME: "t", BUCKET_NAME: "bucket" };
  it("defaults to a third of the function's 60 s timeout and refuses what is no duration", () => {
    expect(loadEnv(IngestEnv, env).EXTRACTION_DEADLINE_MS).toBe(20_000);
    expect(loadEnv(IngestEnv, { ...env, EXTRACTION_DEADLINE_MS: "5000" }).EXTRACTION_DEADLINE_MS).toBe(5_000);
    expect(() => loadEnv(IngestEnv, { ...env, EXTRACTION_DEADLINE_MS: "soon" })).toThrow(/EXTRACTION_DEADLINE_MS/);
  });
});
