// The claims export follows the articles: a processed article has exactly one file under its month, holding its
// stored claims; it goes when the article goes or fails, moves when the article's month changes, and a run that
// dies after any of its S3 writes is retried to exactly the same files.
import { describe, expect, it } from "vitest";
import { exportClaimsKey, exportIndexKey } from "../../functions/export/export-layout.ts";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { exportKeys, exportRows, objectBytes } from "../support/export-files.ts";
import { failAfter } from "../support/sdk-spy.ts";
import { BUCKET, type Pipeline, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();

const article = (place: string) =>
  `Ferry service to ${place} resumes\n\n` +
  `The ferry to ${place} will run again from Monday, harbour master Lena Kovac said.\n\n` +
  `"We repaired both engines and the ramp," Kovac told the island council.\n\n` +
  "Tickets will cost less than last year, according to the operator Blue Line.\n";

const idOf = (body: string) => articleIdFor(contentHashOf(new TextEncoder().encode(body)));
const keys = () => exportKeys(emulators().s3.client, BUCKET);
const dated = (day: string) => ({ metadata: { "published-at": day, outlet: "Island Post" } });

async function expectExportOf(p: Pipeline, id: string, month: string): Promise<void> {
  const stored = await p.store.getArticle(id);
  const claims = (await p.store.listArticleClaims(id, { limit: 200 }))!.items;
  const rows = await exportRows(emulators().s3.client, BUCKET, exportClaimsKey(id, month));
  expect(rows.map((r) => r.claim_id)).toEqual(claims.map((c) => c.id));
  expect(rows.map((r) => r.text)).toEqual(claims.map((c) => c.text));
  for (const row of rows) {
    expect(row).toMatchObject({
      article_id: id,
      article_title: stored!.metadata.title,
      article_outlet: stored!.metadata.outlet,
      published_at: stored!.metadata.publishedAt,
      article_version: stored!.version,
    });
  }
}

describe("the claims export", () => {
  it("holds a processed article's claims under its month, with an index naming the partition", async () => {
    const p = await startPipeline(emulators());
    const body = article("Vis");
    await p.deliver(await p.upload("incoming/vis.txt", body, dated("2025-06-14")));
    const id = idOf(body);
    expect((await p.store.getArticle(id))?.status).toBe("PROCESSED");
    expect((await keys()).filter((k) => k.includes(id))).toEqual([exportClaimsKey(id, "2025-06"), exportIndexKey(id)]);
    await expectExportOf(p, id, "2025-06");
  });

  it("files an article without a date under published=unknown", async () => {
    const p = await startPipeline(emulators());
    const body = article("Lastovo");
    await p.deliver(await p.upload("incoming/lastovo.txt", body));
    const id = idOf(body);
    expect((await p.store.getArticle(id))?.metadata.publishedAt).toBeNull();
    await expectExportOf(p, id, "unknown");
  });

  it("writes nothing for a failed article", async () => {
    const p = await startPipeline(emulators());
    const body = "Nothing in this short note is attributed to anybody\n";
    await p.deliver(await p.upload("incoming/nothing.txt", body));
    expect((await p.store.getArticle(idOf(body)))?.status).toBe("FAILED");
    expect((await keys()).filter((k) => k.includes(idOf(body)))).toEqual([]);
  });

  it("keeps the file while another object holds the article and deletes it with the last", async () => {
    const p = await startPipeline(emulators());
    const body = article("Hvar");
    const id = idOf(body);
    await p.deliver(await p.upload("incoming/a/hvar.txt", body, dated("2025-05-02")));
    await p.deliver(await p.upload("incoming/b/hvar.txt", body, dated("2025-05-02")));
    await p.deliver(await p.remove("incoming/a/hvar.txt"));
    expect((await keys()).filter((k) => k.includes(id))).toHaveLength(2);
    await p.deliver(await p.remove("incoming/b/hvar.txt"));
    expect(await p.store.getArticle(id)).toBeNull();
    expect((await keys()).filter((k) => k.includes(id))).toEqual([]);
  });

  it("follows an overwrite with other content in another month: the old article's file goes", async () => {
    const p = await startPipeline(emulators());
    const first = article("Brac");
    const second = article("Solta");
    await p.deliver(await p.upload("incoming/ferry.txt", first, dated("2025-03-30")));
    await p.deliver(await p.upload("incoming/ferry.txt", second, dated("2025-04-02")));
    // The earlier version stays readable, but only current claims are exported.
    expect(await p.store.getArticle(idOf(first))).toMatchObject({ supersededBy: idOf(second) });
    expect((await keys()).filter((k) => k.includes(idOf(first)))).toEqual([]);
    expect((await keys()).filter((k) => k.includes(idOf(second)))).toEqual([
      exportClaimsKey(idOf(second), "2025-04"),
      exportIndexKey(idOf(second)),
    ]);
    await expectExportOf(p, idOf(second), "2025-04");
  });

  it("moves the file when the same article is completed with another month, leaving no copy", async () => {
    const p = await startPipeline(emulators());
    const body = article("Korcula");
    const id = idOf(body);
    await p.deliver(await p.upload("incoming/korcula.txt", body, dated("2025-01-20")));
    await p.deliver(await p.upload("incoming/korcula.txt", body, dated("2025-02-03")));
    expect((await p.store.getArticle(id))?.metadata.publishedAt).toMatch(/^2025-02/);
    expect((await keys()).filter((k) => k.includes(id))).toEqual([exportClaimsKey(id, "2025-02"), exportIndexKey(id)]);
    await expectExportOf(p, id, "2025-02");
  });

  it("rewrites the same bytes when an event is delivered again", async () => {
    const p = await startPipeline(emulators(), { idempotency: false });
    const body = article("Mljet");
    const id = idOf(body);
    const event = await p.upload("incoming/mljet.txt", body, dated("2025-08-09"));
    await p.deliver(event);
    const before = await objectBytes(emulators().s3.client, BUCKET, exportClaimsKey(id, "2025-08"));
    await p.deliver(event);
    const after = await objectBytes(emulators().s3.client, BUCKET, exportClaimsKey(id, "2025-08"));
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});

describe("a run that dies after an S3 write", () => {
  // The writes of a run that moves an article to another month (text, index widened, file, old file deleted,
  // index narrowed) and of the removal of its object (text, file, index): dying after each one is retried.
  const writes = { PutObjectCommand: { move: 4, removal: 0 }, DeleteObjectCommand: { move: 1, removal: 3 } };
  for (const [command, counts] of Object.entries(writes)) {
    for (let n = 0; n < Math.max(counts.move, counts.removal); n++) {
      it(`(${command} #${n + 1}) is retried to exactly the files a clean run leaves`, async () => {
        const p = await startPipeline(emulators(), { idempotency: false });
        const key = `incoming/pag-${command}-${n}.txt`;
        const body = article(`Pag ${command} ${n}`);
        const id = idOf(body);
        const deliverDying = async (event: unknown, dies: boolean) => {
          const fault = failAfter(p.s3Client as never, command, n);
          const first = await p.deliver(event);
          fault.heal();
          p.s3Client.middlewareStack.remove(`failAfter-${command}`);
          expect(first.batchItemFailures.length).toBe(dies ? 1 : 0);
          if (dies) expect((await p.deliver(event)).batchItemFailures).toEqual([]);
        };
        await p.deliver(await p.upload(key, body, dated("2025-09-01")));
        await deliverDying(await p.upload(key, body, dated("2025-10-01")), n < counts.move);
        expect((await keys()).filter((k) => k.includes(id))).toEqual([
          exportClaimsKey(id, "2025-10"),
          exportIndexKey(id),
        ]);
        await expectExportOf(p, id, "2025-10");

        await deliverDying(await p.remove(key), n < counts.removal);
        expect((await keys()).filter((k) => k.includes(id))).toEqual([]);
      });
    }
  }
});
