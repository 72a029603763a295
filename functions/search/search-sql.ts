// The search as one SQL query over the `claims` table, in the SQL Athena (Trino) and DuckDB read alike: each
// word and phrase a case-blind LIKE on the text (its own %, _ and \ escaped), the speaker by its folded key (any
// spelling; a name of one word also matches the speakers of that surname), the time window (periods that overlap it) as string comparisons of YYYY-MM-DD. Every value enters as an escaped string literal: Athena's
// execution parameters are literals too, so quoting here is the one way that works in both engines.
import { isSingleWord, speakerKey } from "../store/speaker-names.ts";
import type { SearchRequest } from "./claim-search.ts";

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const likePattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchSql(request: SearchRequest): string {
  const conditions = [
    ...[...request.words, ...request.phrases].map((t) => `lower(text) LIKE ${literal(likePattern(t))} ESCAPE '\\'`),
    ...(request.speaker ? [speakerCondition(request.speaker)] : []),
    // The period overlaps the window, as in GET /claims.
    ...(request.from ? [`time_end >= ${literal(request.from)}`] : []),
    ...(request.to ? [`time_start <= ${literal(request.to)}`] : []),
    // Rows exported before claims had a kind have none: statements, as the store reads them.
    ...(request.kind ? [`coalesce(kind, 'statement') = ${literal(request.kind)}`] : []),
  ];
  return [
    "SELECT claim_id FROM claims",
    `WHERE ${conditions.length > 0 ? conditions.join(" AND ") : "true"}`,
    "ORDER BY published_at DESC NULLS LAST, article_id, ordinal",
    `LIMIT ${Math.max(1, Math.min(1000, Math.trunc(request.limit)))}`,
  ].join("\n");
}

function speakerCondition(name: string): string {
  const key = literal(speakerKey(name));
  return isSingleWord(speakerKey(name)) ? `(speaker_key = ${key} OR speaker_surname = ${key})` : `speaker_key = ${key}`;
}
