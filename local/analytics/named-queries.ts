// A SQL file of named queries: each starts with a `-- name: <name>` line and ends with `;`. The same file runs
// in the Athena console (paste one query) and through `npm run query -- --file F --name N`.

export interface NamedQuery {
  name: string;
  sql: string;
}

export function parseNamedQueries(text: string): NamedQuery[] {
  const queries: NamedQuery[] = [];
  let current: { name: string; lines: string[] } | null = null;
  const finish = () => {
    if (!current) return;
    const sql = current.lines.join("\n").trim().replace(/;\s*$/, "");
    if (sql) queries.push({ name: current.name, sql });
    current = null;
  };
  for (const line of text.split("\n")) {
    const named = line.match(/^--\s*name:\s*(\S+)\s*$/);
    if (named) {
      finish();
      current = { name: named[1]!, lines: [] };
    } else if (current && !/^\s*--/.test(line)) {
      current.lines.push(line);
    }
  }
  finish();
  return queries;
}

/** The query called `name`; without a name, the file's only query. */
export function namedQuery(text: string, name: string | undefined): string {
  const queries = parseNamedQueries(text);
  const names = queries.map((q) => q.name).join(", ") || "none";
  if (name === undefined) {
    if (queries.length === 1) return queries[0]!.sql;
    throw new Error(`the file holds several queries; choose one with --name (${names})`);
  }
  const found = queries.find((q) => q.name === name);
  if (!found) throw new Error(`no query named ${name} in the file (${names})`);
  return found.sql;
}
