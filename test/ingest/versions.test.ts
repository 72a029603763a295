// Versions through the pipeline, against dynalite and the local S3: v1 then v2 uploaded under one key make v1
// the earlier version — readable with its claims and its text, out of the claims export — and v2's version item
// lists what changed; deleting the object deletes both, texts included.
import { readFileSync } from "node:fs";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { EXPORT_PREFIX } from "../../functions/export/export-layout.ts";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { articleTextKey } from "../../functions/shared/article-text-key.ts";
import { BUCKET, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();
const fixture = (name: string) => readFileSync(new URL(`../fixtures/versions/${name}`, import.meta.url));
const V1 = fixture("budget-v1.txt");
const V2 = fixture("budget-v2.txt");
const idOf = (bytes: Uint8Array) => articleIdFor(contentHashOf(bytes));
const KEY = "incoming/versions/budget.txt";

async function textOf(articleId: string): Promise<string | null> {
  try {
    const res = await emulators().s3.client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: articleTextKey(articleId) }),
    );
    return await res.Body!.transformToString("utf-8");
  } catch (err) {
    if ((err as { name?: string }).name === "NoSuchKey") return null;
    throw err;
  }
}

async function exportKeysOf(articleId: string): Promise<string[]> {
  const res = await emulators().s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: EXPORT_PREFIX }));
  return (res.Contents ?? []).map((o) => o.Key!).filter((k) => k.includes(articleId));
}

describe("a key uploaded twice with other content", () => {
  it("keeps v1 as the earlier version and records the claim changes with v2", async () => {
    const p = await startPipeline(emulators());
    expect(await p.deliver(await p.upload(KEY, V1))).toEqual({ batchItemFailures: [] });
    expect(await p.deliver(await p.upload(KEY, V2))).toEqual({ batchItemFailures: [] });
    const [v1, v2] = [idOf(V1), idOf(V2)];

    const history = await p.store.listArticleVersions(v2, { limit: 10 });
    expect(history?.items.map((v) => [v.version, v.id, v.status, v.claimCount])).toEqual([
      [2, v2, "PROCESSED", 3],
      [1, v1, "PROCESSED", 3],
    ]);
    expect(history?.items[0]?.changes).toEqual({
      added: [{ claimId: `${v2}-c0002`, text: "The harbour will reopen to ferries on Monday" }],
      removed: [{ claimId: `${v1}-c0002`, text: "The opposition will vote against it" }],
      changed: [
        {
          before: { claimId: `${v1}-c0001`, text: "We will hire 200 new teachers next year" },
          after: { claimId: `${v2}-c0001`, text: "We will hire 250 new teachers next year" },
        },
      ],
      counts: { added: 1, removed: 1, changed: 1 },
      complete: true,
    });
    expect(await p.store.listArticleVersions(v1, { limit: 10 })).toEqual(history);

    // v1 stays readable — article, claims, text — but only v2 is current: listed and exported.
    expect(await p.store.getArticle(v1)).toMatchObject({ supersededBy: v2, sources: [] });
    expect((await p.store.listArticleClaims(v1, { limit: 10 }))?.items).toHaveLength(3);
    expect(await textOf(v1)).toContain("200 new teachers");
    expect(await exportKeysOf(v1)).toEqual([]);
    expect(await exportKeysOf(v2)).toHaveLength(2);
    expect((await p.store.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([v2]);

    // Deleting the object deletes the story and its history.
    expect(await p.deliver(await p.remove(KEY))).toEqual({ batchItemFailures: [] });
    expect(await p.store.getArticle(v1)).toBeNull();
    expect(await p.store.getArticle(v2)).toBeNull();
    expect(await textOf(v1)).toBeNull();
    expect(await textOf(v2)).toBeNull();
    expect(await p.snapshot()).toEqual([]);
  });
});
