// The articles in seeds/ go into the bucket on the first start, as uploads, so a newcomer has claims to query
// at once. They take the same path as any upload (event → queue → ingest); this only waits for each to end
// PROCESSED or FAILED, showing progress. A marker in CLAIMTRACK_HOME says it was done; an interrupted seeding
// runs again next time (the same bytes are the same articles, so nothing is doubled).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { articleIdFor, contentHashOf } from "../functions/extraction/article-id.ts";
import type { ArticleReader } from "../functions/store/claim-store.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".markdown": "text/markdown; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".json": "application/json",
};

/** The Content-Type an uploader would give a file of this name (what the AWS CLI guesses from the extension). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

export interface SeedOptions {
  directory: string;
  markerPath: string;
  s3: S3Client;
  bucket: string;
  ingestPrefix: string;
  store: Pick<ArticleReader, "getArticle">;
  /** Called with each progress line; `final` for the last one. */
  progress: (line: string, final: boolean) => void;
  timeoutMs?: number;
}

export interface SeedResult {
  seeded: boolean;
  processed: number;
  failed: number;
  claims: number;
}

export async function seedOnFirstStart(options: SeedOptions): Promise<SeedResult> {
  const none = { seeded: false, processed: 0, failed: 0, claims: 0 };
  if (existsSync(options.markerPath) || !existsSync(options.directory)) return none;
  const files = readdirSync(options.directory)
    .filter((name) => !name.startsWith(".") && statSync(join(options.directory, name)).isFile())
    .sort();
  if (files.length === 0) return none;

  const pending = new Map<string, string>();
  for (const name of files) {
    const bytes = readFileSync(join(options.directory, name));
    await options.s3.send(
      new PutObjectCommand({
        Bucket: options.bucket,
        Key: `${options.ingestPrefix}seeds/${name}`,
        Body: bytes,
        ContentType: contentTypeFor(name),
      }),
    );
    pending.set(articleIdFor(contentHashOf(bytes)), name);
  }

  const total = pending.size;
  const result = { seeded: true, processed: 0, failed: 0, claims: 0 };
  const line = () =>
    `Ingesting ${total} seed articles from ${options.directory}: ${result.processed + result.failed}/${total} done` +
    (result.failed ? `, ${result.failed} failed` : "") +
    (result.claims ? `, ${result.claims} claims` : "");
  options.progress(line(), false);
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  while (pending.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const id of [...pending.keys()]) {
      const article = await options.store.getArticle(id);
      if (!article || article.status === "PENDING") continue;
      pending.delete(id);
      if (article.status === "PROCESSED") {
        result.processed++;
        result.claims += article.claimCount;
      } else result.failed++;
      options.progress(line(), false);
    }
  }
  if (pending.size > 0) {
    options.progress(
      `${line()}; still waiting for ${[...pending.values()].join(", ")} (they continue in the background)`,
      true,
    );
    return result;
  }
  options.progress(line(), true);
  writeFileSync(options.markerPath, `${JSON.stringify({ seededAt: new Date().toISOString(), files }, null, 2)}\n`);
  return result;
}
