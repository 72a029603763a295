// Articles for the end-to-end test and the load run: the seeds as files an uploader has, and any number of
// distinct new articles made by recombining the seeds' paragraphs, each with what the extractor makes of it —
// the claims the running system must end up serving.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { articleIdFor, contentHashOf } from "../../../functions/extraction/article-id.ts";
import { extract } from "../../../functions/extraction/extract.ts";
import type { Extraction } from "../../../functions/schemas/article.ts";
import { contentTypeFor } from "../../../local/seeds.ts";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const SEEDS_DIR = join(ROOT, "seeds");

export interface ArticleFile {
  name: string;
  bytes: Buffer;
  contentType: string;
  /** articleIdFor(sha256 of the bytes): the id the system gives it. */
  id: string;
}

export function articleFile(name: string, bytes: Buffer, contentType = contentTypeFor(name)): ArticleFile {
  return { name, bytes, contentType, id: articleIdFor(contentHashOf(bytes)) };
}

export function seedFiles(): ArticleFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => articleFile(name, readFileSync(join(SEEDS_DIR, name))));
}

/**
 * What the extractor makes of a file uploaded with its content type and no metadata (as ingest reads it), today:
 * ingest dates a yearless wire dateline by the object's upload time, which for these tests is now.
 */
export function expectedExtraction(file: ArticleFile): Extraction {
  const receivedAt = new Date().toISOString();
  return extract({ bytes: file.bytes, fileName: file.name, contentType: file.contentType, metadata: {}, receivedAt });
}

/** The seeds' body paragraphs that yield claims on their own: building blocks for new articles. */
export function paragraphPool(): string[] {
  const paragraphs = seedFiles()
    .filter((f) => f.name.endsWith(".txt"))
    .flatMap((f) => f.bytes.toString("utf8").split(/\n\s*\n/))
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter((p) => p.length >= 120);
  return [...new Set(paragraphs)].filter((p) => {
    try {
      return extract({ bytes: Buffer.from(p), fileName: "p.txt", contentType: "text/plain" }).claims.length > 0;
    } catch {
      return false;
    }
  });
}

/** A small deterministic PRNG (mulberry32), so every run builds the same articles. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct plain-text articles, each a headline and three to six pool paragraphs in a shuffled order.
 * `tag` keeps batches from different runs apart (distinct content is a distinct article).
 */
export function recombinedArticles(count: number, tag: string, pool = paragraphPool()): ArticleFile[] {
  const next = random(count * 7919 + tag.length);
  return Array.from({ length: count }, (_, i) => {
    const picked = new Set<number>();
    const size = 3 + Math.floor(next() * 4);
    while (picked.size < Math.min(size, pool.length)) picked.add(Math.floor(next() * pool.length));
    const body = [...picked].map((p) => pool[p]!).join("\n\n");
    const text = `Claimtrack ${tag} article ${i + 1}: a digest of the week's diplomacy\n\n${body}\n`;
    return articleFile(`${tag}-${String(i + 1).padStart(4, "0")}.txt`, Buffer.from(text));
  });
}
