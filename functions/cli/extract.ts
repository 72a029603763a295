// `npm run extract -- FILE`: prints { article, claims } as JSON, or one line naming the problem.
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { BadArticleError, DEFAULT_MAX_ARTICLE_BYTES } from "../extraction/errors.ts";
import { extract } from "../extraction/extract.ts";

function fail(message: string, code = 1): never {
  process.stderr.write(`claimtrack extract: ${message}\n`);
  process.exit(code);
}

/** Reads at most `limit + 1` bytes, so an oversized file is refused without loading it whole. */
function readBounded(path: string, limit: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail(`${path}: not a regular file`);
    if (stat.size > limit) {
      throw new BadArticleError("TOO_LARGE", `the file is ${stat.size} bytes, over the ${limit}-byte limit`);
    }
    const buf = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function main(argv: string[]): void {
  const path = argv[0];
  if (!path || argv.length > 1) fail("usage: npm run extract -- FILE", 2);
  const maxBytes = Number(process.env.CLAIMTRACK_MAX_ARTICLE_BYTES) || DEFAULT_MAX_ARTICLE_BYTES;
  try {
    const bytes = readBounded(path, maxBytes);
    const receivedAt = statSync(path).mtime.toISOString();
    const result = extract({ bytes, fileName: basename(path), receivedAt }, { maxBytes });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (err) {
    if (err instanceof BadArticleError) fail(`${path}: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") fail(`${path}: no such file`);
    if (code === "EACCES") fail(`${path}: permission denied`);
    if (code === "EISDIR") fail(`${path}: is a directory`);
    fail(`${path}: unexpected failure: ${(err as Error).message ?? String(err)}`);
  }
}

main(process.argv.slice(2));
