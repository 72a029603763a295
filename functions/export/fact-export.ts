// The export of one tracked fact: a pure function from the fact as the store keeps it (its FactRecord, what
// GET /facts/{id} shows) to its object, one JSON line per member claim with the fact's fields repeated, gzipped,
// at export/facts/<fact id>.jsonl.gz. The same fact gives the same bytes, so rewriting it is harmless.
import type { FactRecord } from "../schemas/fact-records.ts";
import { gzippedJsonLines, speakerKeysOf } from "./claim-export.ts";
import { exportFactKey } from "./export-layout.ts";

/** One line of a fact's file; its keys are FACT_COLUMNS' names, in that order. */
export interface FactExportRow {
  fact_id: string;
  fact_text: string;
  statuses: string[];
  member_count: number;
  article_count: number;
  outlet_count: number;
  speaker_count: number;
  independent_sources: number;
  first_reported: string;
  last_reported: string;
  claim_id: string;
  article_id: string;
  article_title: string | null;
  article_outlet: string | null;
  published_at: string | null;
  reported_at: string;
  text: string;
  speaker: string | null;
  speaker_key: string | null;
  reported_by: string | null;
  via: string[];
  certainty: string;
  polarity: string;
  conflicts_with: string[];
  updated_by: string[];
  update_kinds: string[];
  updates: string[];
}

export interface FactExportFile {
  key: string;
  /** Gzipped JSON Lines. */
  body: Uint8Array;
  rows: number;
}

export function factExportRowsOf(fact: FactRecord): FactExportRow[] {
  const { corroboration } = fact;
  return fact.members.map((m) => {
    const receives = fact.updates.filter((u) => u.from === m.claimId && u.to !== m.claimId);
    return {
      fact_id: fact.id,
      fact_text: fact.text,
      statuses: fact.statuses,
      member_count: fact.members.length,
      article_count: new Set(fact.members.map((x) => x.articleId)).size,
      outlet_count: corroboration.outlets.length,
      speaker_count: corroboration.speakers.length,
      independent_sources: corroboration.independentSources,
      first_reported: fact.firstReported,
      last_reported: fact.lastReported,
      claim_id: m.claimId,
      article_id: m.articleId,
      article_title: m.title,
      article_outlet: m.outlet,
      published_at: m.publishedAt,
      reported_at: m.reportedAt,
      text: m.text,
      speaker: m.speaker,
      speaker_key: speakerKeysOf(m.speaker).speaker_key,
      reported_by: m.reportedBy,
      via: m.via,
      certainty: m.certainty,
      polarity: m.polarity,
      conflicts_with: fact.conflicts.flatMap(({ claims: [a, b] }) =>
        a === m.claimId ? [b] : b === m.claimId ? [a] : [],
      ),
      updated_by: receives.map((u) => u.to),
      update_kinds: receives.map((u) => u.kind),
      updates: fact.updates.filter((u) => u.to === m.claimId && u.from !== m.claimId).map((u) => u.from),
    };
  });
}

export function factExportFileOf(fact: FactRecord): FactExportFile {
  const rows = factExportRowsOf(fact);
  return { key: exportFactKey(fact.id), body: gzippedJsonLines(rows), rows: rows.length };
}
