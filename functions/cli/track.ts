// `npm run track -- FILE…`: extracts every file, tracks them together in the order given (publication order)
// and prints { articles, facts, conflicts, updates, versions } as JSON. A bad file gets the extract command's
// one-line error on stderr and is left out; the others are still tracked.
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { BadArticleError, DEFAULT_MAX_ARTICLE_BYTES } from "../extraction/errors.ts";
import { extract } from "../extraction/extract.ts";
import type { Extraction } from "../schemas/article.ts";
import { type TrackInput, track } from "../tracking/track.ts";

function problemOf(path: string, err: unknown): string {
  if (err instanceof BadArticleError) return `${path}: ${err.message}`;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${path}: no such file`;
  if (code === "EACCES") return `${path}: permission denied`;
  if (code === "EISDIR") return `${path}: is a directory`;
  return `${path}: unexpected failure: ${(err as Error).message ?? String(err)}`;
}

function extractFile(path: string, maxBytes: number): Extraction {
  const stat = statSync(path);
  if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (!stat.isFile()) throw new BadArticleError("MALFORMED", "not a regular file");
  if (stat.size > maxBytes) {
    throw new BadArticleError("TOO_LARGE", `the file is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
  }
  return extract({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) }, { maxBytes });
}

function main(paths: string[]): void {
  if (paths.length === 0) {
    process.stderr.write("claimtrack track: usage: npm run track -- FILE...\n");
    process.exit(2);
  }
  const maxBytes = Number(process.env.CLAIMTRACK_MAX_ARTICLE_BYTES) || DEFAULT_MAX_ARTICLE_BYTES;
  const inputs: TrackInput[] = [];
  let failed = 0;
  for (const path of paths) {
    try {
      inputs.push({ file: path, extraction: extractFile(path, maxBytes) });
    } catch (err) {
      failed++;
      process.stderr.write(`claimtrack track: ${problemOf(path, err)}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(track(inputs), null, 2)}\n`);
  if (failed === paths.length) process.exit(1);
}

main(process.argv.slice(2));
