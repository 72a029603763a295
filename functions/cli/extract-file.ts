// One file to the text `npm run extract` prints: the CLI and scripts/compare-extract.ts share it, so a
// comparison sees exactly what the command line shows.
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { BadArticleError, DEFAULT_MAX_ARTICLE_BYTES } from "../extraction/errors.ts";
import { extract } from "../extraction/extract.ts";

/** What the command prints: JSON on stdout, or one line on stderr with a non-zero exit code. */
export type ExtractOutput = { stdout: string } | { stderr: string; code: number };

class NotAFile extends Error {}

/** Reads at most `limit + 1` bytes, so an oversized file is refused without loading it whole. */
function readBounded(path: string, limit: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAFile(`${path}: not a regular file`);
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

const failure = (message: string, code = 1): ExtractOutput => ({ stderr: `claimtrack extract: ${message}\n`, code });

export function extractFile(path: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): ExtractOutput {
  try {
    const bytes = readBounded(path, maxBytes);
    const receivedAt = statSync(path).mtime.toISOString();
    const result = extract({ bytes, fileName: basename(path), receivedAt }, { maxBytes });
    return { stdout: `${JSON.stringify(result, null, 2)}\n` };
  } catch (err) {
    if (err instanceof NotAFile) return failure(err.message);
    if (err instanceof BadArticleError) return failure(`${path}: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return failure(`${path}: no such file`);
    if (code === "EACCES") return failure(`${path}: permission denied`);
    if (code === "EISDIR") return failure(`${path}: is a directory`);
    return failure(`${path}: unexpected failure: ${(err as Error).message ?? String(err)}`);
  }
}
