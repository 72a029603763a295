// Finds every regex the project's code runs: the literals in its sources (parsed by the TypeScript compiler, so a
// division is never mistaken for a pattern) and the RegExps built at run time, which must all go through
// composeRegExp (functions/shared/compose-regexp.ts) so the scan can import their modules and read them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Node, type SourceFile, SyntaxKind } from "typescript/unstable/ast";
import { API } from "typescript/unstable/sync";
import { composedRegExps } from "../../functions/shared/compose-regexp.ts";

/** The shipped and local code: what runs in Lambda, in `npm start` and in the npm scripts. */
export const SCANNED_ROOTS = ["functions", "local", "scripts"];
const REPO = resolve(import.meta.dirname, "../..");
const BUILDER = "functions/shared/compose-regexp.ts";

export interface FoundRegExp {
  source: string;
  flags: string;
  /** "path/from/repo.ts:LINE". */
  site: string;
  /** The reason given by a `// recheck: <why it is bounded>` comment right above the line, if any. */
  acknowledgement: string | null;
}

export interface Inventory {
  literals: FoundRegExp[];
  /** Where patterns are built: composeRegExp calls, and calls of the helpers that build them for their callers. */
  composeCalls: { site: string; acknowledgement: string | null }[];
  /** `new RegExp(…)` or `RegExp(…)` outside the builder: patterns the scan cannot see. */
  bareConstructors: string[];
}

function sourceFiles(): string[] {
  return SCANNED_ROOTS.flatMap((root) =>
    readdirSync(join(REPO, root), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.includes("node_modules"))
      .map((f) => join(REPO, root, f)),
  ).sort();
}

/** The text after "recheck:" in the run of `//` comment lines directly above line `index` (0-based). */
function acknowledgementAbove(lines: string[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith("//")) return null;
    const at = line.indexOf("recheck:");
    if (at >= 0) return line.slice(at + "recheck:".length).trim() || null;
  }
  return null;
}

interface Call {
  callee: string;
  site: string;
  acknowledgement: string | null;
}

/** The name a builder helper is declared under: `const exactly = (…) => composeRegExp(…, 1)`. */
function builderName(call: Node): string | null {
  for (let n: Node | undefined = call.parent; n; n = n.parent) {
    if (n.kind === SyntaxKind.VariableDeclaration || n.kind === SyntaxKind.FunctionDeclaration) {
      const name = (n as unknown as { name?: Node }).name;
      return name?.kind === SyntaxKind.Identifier ? (name as unknown as { text: string }).text : null;
    }
  }
  return null;
}

function calleeName(node: Node): string | null {
  if (node.kind !== SyntaxKind.CallExpression && node.kind !== SyntaxKind.NewExpression) return null;
  const callee = (node as unknown as { expression: Node }).expression;
  return callee.kind === SyntaxKind.Identifier ? (callee as unknown as { text: string }).text : null;
}

function scanFile(sf: SourceFile, path: string, into: Inventory, calls: Call[], builders: Set<string>): void {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  const rel = relative(REPO, path);
  const lineOf = (node: Node) => text.slice(0, node.getStart(sf)).split("\n").length - 1;
  // `const NAME =` on one line and the pattern on the next: the comment sits above the declaration.
  const declarationLine = (node: Node) =>
    node.parent.kind === SyntaxKind.VariableDeclaration ? lineOf(node.parent.parent.parent) : lineOf(node);
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const slash = literal.lastIndexOf("/");
      const line = lineOf(node);
      into.literals.push({
        source: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
        site: `${rel}:${line + 1}`,
        acknowledgement: acknowledgementAbove(lines, line) ?? acknowledgementAbove(lines, declarationLine(node)),
      });
    }
    const callee = calleeName(node);
    if (callee === "RegExp" && rel !== BUILDER) into.bareConstructors.push(`${rel}:${lineOf(node) + 1}`);
    if (callee !== null) {
      const line = lineOf(node);
      const acknowledgement = acknowledgementAbove(lines, line) ?? acknowledgementAbove(lines, declarationLine(node));
      const args = (node as unknown as { arguments?: readonly Node[] }).arguments ?? [];
      if (callee === "composeRegExp" && args.length >= 3) {
        const name = builderName(node);
        if (name) builders.add(name);
      } else calls.push({ callee, site: `${rel}:${line + 1}`, acknowledgement });
    }
    node.forEachChild(visit);
  };
  visit(sf);
}

/** Parses the scanned sources with the TypeScript compiler (syntax only: no libraries, no imports followed). */
export function scanSources(): Inventory {
  const files = sourceFiles();
  const dir = mkdtempSync(join(tmpdir(), "regex-scan-"));
  const config = join(dir, "tsconfig.json");
  const compilerOptions = { noLib: true, noResolve: true, types: [], allowImportingTsExtensions: true, noEmit: true };
  writeFileSync(config, JSON.stringify({ compilerOptions, files }));
  const api = new API({ cwd: dir });
  try {
    const program = api.updateSnapshot({ openProjects: [config] }).getProjects()[0]!.program;
    const inventory: Inventory = { literals: [], composeCalls: [], bareConstructors: [] };
    const calls: Call[] = [];
    const builders = new Set(["composeRegExp"]);
    for (const path of files) {
      const sf = program.getSourceFile(path);
      if (!sf) throw new Error(`the compiler did not parse ${path}`);
      scanFile(sf, path, inventory, calls, builders);
    }
    for (const { callee, site, acknowledgement } of calls)
      if (builders.has(callee)) inventory.composeCalls.push({ site, acknowledgement });
    return inventory;
  } finally {
    api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads the modules that call composeRegExp and returns what they built, keyed to the call sites found. */
export async function composedPatterns(inventory: Inventory): Promise<FoundRegExp[]> {
  const modules = new Set(inventory.composeCalls.map((c) => c.site.slice(0, c.site.lastIndexOf(":"))));
  for (const module of modules) await import(pathToFileURL(join(REPO, module)).href);
  const acknowledgements = new Map(inventory.composeCalls.map((c) => [c.site, c.acknowledgement]));
  return composedRegExps().map(({ regexp, site }) => {
    const rel = relative(REPO, site);
    return {
      source: regexp.source,
      flags: regexp.flags,
      site: rel,
      acknowledgement: acknowledgements.get(rel) ?? null,
    };
  });
}
