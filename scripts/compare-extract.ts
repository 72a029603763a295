// `npm run compare-extract -- SAVED FOLDER…`: extracts every file under the folders, as `npm run extract` would,
// and compares each output with the one saved under SAVED (the file's absolute path mirrored below it, with
// `.out` for what it prints and `.err` for a refusal). Lists every difference; exits 1 when there is one.
// `--save` writes the outputs instead, to make a baseline before a change that must not alter them.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { extractFile } from "../functions/cli/extract-file.ts";

function usage(): never {
  process.stderr.write("usage: npm run compare-extract -- [--save] SAVED FOLDER…\n");
  process.exit(2);
}

function filesUnder(folder: string): string[] {
  if (statSync(folder).isFile()) return [folder];
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(folder, e.name)) : e.isFile() ? [join(folder, e.name)] : []));
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The first line where two outputs part, for a readable difference. */
function firstDifference(before: string, after: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n    - ${a[at] ?? "(end)"}\n    + ${b[at] ?? "(end)"}`;
}

function main(argv: string[]): void {
  const save = argv[0] === "--save";
  const [saved, ...folders] = save ? argv.slice(1) : argv;
  if (!saved || !folders.length) usage();
  const files = folders.flatMap((f) => filesUnder(resolve(f)));
  const differences: string[] = [];
  for (const file of files) {
    const output = extractFile(file);
    const base = join(resolve(saved), file);
    const out = "stdout" in output ? output.stdout : "";
    const err = "stderr" in output ? output.stderr : "";
    if (save) {
      mkdirSync(dirname(base), { recursive: true });
      writeFileSync(`${base}.out`, out);
      if (err) writeFileSync(`${base}.err`, err);
      continue;
    }
    const before = { out: readOr(`${base}.out`), err: readOr(`${base}.err`) ?? "" };
    if (before.out === null) differences.push(`${file}: no saved output`);
    else if (before.out !== out) differences.push(`${file}: output differs at ${firstDifference(before.out, out)}`);
    else if (before.err !== err) differences.push(`${file}: refusal differs at ${firstDifference(before.err, err)}`);
  }
  if (save) {
    process.stdout.write(`saved the output of ${files.length} files under ${saved}\n`);
    return;
  }
  for (const d of differences) process.stdout.write(`${d}\n`);
  process.stdout.write(`${files.length} files, ${differences.length} differ\n`);
  if (differences.length) process.exit(1);
}

main(process.argv.slice(2));
