// The claims export in the bucket, behind a small interface: the ingest pipeline writes an article's file when
// the article is processed and deletes it when the article goes or fails. Both are idempotent and resumable: an
// index object (export/index/<id>.txt) lists every partition that may hold the article's file, and is widened
// before a file is written and narrowed only after the stale ones are deleted, so a crash at any point leaves
// the index naming every file there is — the retry, or a later delete, removes whatever is left behind.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { Claim } from "../schemas/claim.ts";
import { type ExportedArticle, exportFileOf } from "./claim-export.ts";
import { exportClaimsKey, exportIndexKey } from "./export-layout.ts";

export interface ClaimExports {
  /** Writes the article's file (the same bytes for the same article and claims) and removes any older one. */
  put(article: ExportedArticle, claims: readonly Claim[]): Promise<void>;
  /** Removes the article's file wherever it is; deleting an article that has none succeeds. */
  delete(articleId: string): Promise<void>;
}

export function createS3ClaimExports(s3: S3Client, bucket: string): ClaimExports {
  async function readIndex(articleId: string): Promise<string[]> {
    try {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: exportIndexKey(articleId) }));
      const text = (await res.Body?.transformToString("utf-8")) ?? "";
      return text.split("\n").filter((line) => line !== "");
    } catch (err) {
      if ((err as { name?: string }).name === "NoSuchKey") return [];
      throw err;
    }
  }
  const writeIndex = (articleId: string, partitions: string[]) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: exportIndexKey(articleId),
        Body: partitions.map((p) => `${p}\n`).join(""),
        ContentType: "text/plain; charset=utf-8",
      }),
    );
  const deleteKey = (key: string) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));

  return {
    async put(article, claims) {
      const file = exportFileOf(article, claims);
      const held = await readIndex(article.id);
      if (!held.includes(file.partition)) await writeIndex(article.id, [...held, file.partition]);
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: file.key,
          Body: file.body,
          // A gzip file, not a gzip-encoded response: clients must not unpack it on download.
          ContentType: "application/gzip",
        }),
      );
      const stale = held.filter((p) => p !== file.partition);
      for (const partition of stale) await deleteKey(exportClaimsKey(article.id, partition));
      if (stale.length > 0) await writeIndex(article.id, [file.partition]);
    },
    async delete(articleId) {
      for (const partition of await readIndex(articleId)) await deleteKey(exportClaimsKey(articleId, partition));
      await deleteKey(exportIndexKey(articleId));
    },
  };
}
