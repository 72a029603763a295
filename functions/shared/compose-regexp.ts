// Every RegExp built at run time from parts (word lists, shared fragments) is made here, so the regex safety scan
// (test/safety/regex-scan.test.ts) checks the exact patterns the code runs, not only the literals in the source.
import { fileURLToPath } from "node:url";

export interface ComposedRegExp {
  readonly regexp: RegExp;
  /** "path/to/file.ts:LINE" of the call that built it: where a `// recheck:` acknowledgement would sit. */
  readonly site: string;
}

const composed: ComposedRegExp[] = [];

/** The file and line `depth` calls above composeRegExp's caller, from a frame "at f (file:///a.ts:5:26)". */
function callerSite(depth: number): string {
  const frame = (new Error().stack?.split("\n")[3 + depth] ?? "").trim();
  const location = frame.endsWith(")") ? frame.slice(frame.lastIndexOf("(") + 1, -1) : frame.slice("at ".length);
  const parts = location.split(":");
  const line = parts.at(-2);
  const file = parts.slice(0, -2).join(":");
  if (!line || !file) return "unknown";
  return `${file.startsWith("file:") ? fileURLToPath(file) : file}:${line}`;
}

/**
 * `new RegExp(source, flags)`, remembered with the line that built it. Call it when a module loads (the scan test
 * checks that importing the module builds every call site's pattern). A helper that builds patterns for its
 * callers (lexicon/build.ts) passes `builderDepth` 1, so the line recorded is its caller's.
 */
export function composeRegExp(source: string, flags = "", builderDepth = 0): RegExp {
  const regexp = new RegExp(source, flags);
  composed.push({ regexp, site: callerSite(builderDepth) });
  return regexp;
}

/** The patterns built so far by the modules loaded in this process. */
export function composedRegExps(): readonly ComposedRegExp[] {
  return composed;
}
