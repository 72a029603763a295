// The export of one article: a pure function from the article and its claims to the object the export keeps
// for it — one JSON line per claim carrying the article's metadata, gzipped, at its month's partition. The same
// article and claims give the same bytes, so rewriting it is harmless.
import { gzipSync } from "node:zlib";
import type { AttributionKind, Claim } from "../schemas/claim.ts";
import type { ArticleRecord } from "../schemas/records.ts";
import { speakerKey, surnameOf } from "../store/speaker-names.ts";
import { exportClaimsKey, exportPartitionOf } from "./export-layout.ts";

/** What the export needs of an article. */
export type ExportedArticle = Pick<ArticleRecord, "id" | "version"> & {
  metadata: Pick<ArticleRecord["metadata"], "title" | "outlet" | "url" | "publishedAt" | "authors">;
};

/** One line of the export; its keys are EXPORT_COLUMNS' names, in that order. */
export interface ClaimExportRow {
  article_id: string;
  article_title: string | null;
  article_outlet: string | null;
  article_url: string | null;
  article_authors: string[];
  published_at: string | null;
  article_version: number;
  claim_id: string;
  ordinal: number;
  text: string;
  quote: string;
  evidence_start: number;
  evidence_end: number;
  speaker: string | null;
  speaker_key: string | null;
  speaker_surname: string | null;
  speaker_type: string | null;
  cue: string | null;
  kind: AttributionKind;
  via: string[];
  reported_by: string | null;
  anonymous: boolean;
  certainty: string;
  polarity: string;
  time_text: string | null;
  time_start: string | null;
  time_end: string | null;
  entities: { name: string; type: string }[];
  entity_names: string[];
}

export interface ExportFile {
  key: string;
  partition: string;
  /** Gzipped JSON Lines. */
  body: Uint8Array;
  rows: number;
}

export function exportRowsOf(article: ExportedArticle, claims: readonly Claim[]): ClaimExportRow[] {
  const { metadata } = article;
  return [...claims]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((claim) => ({
      article_id: article.id,
      article_title: metadata.title,
      article_outlet: metadata.outlet,
      article_url: metadata.url,
      article_authors: metadata.authors,
      published_at: metadata.publishedAt,
      article_version: article.version,
      claim_id: claim.id,
      ordinal: claim.ordinal,
      text: claim.text,
      quote: claim.evidence.quote,
      evidence_start: claim.evidence.start,
      evidence_end: claim.evidence.end,
      speaker: claim.attribution.speaker,
      ...speakerKeysOf(claim.attribution.speaker),
      speaker_type: claim.attribution.speakerType,
      cue: claim.attribution.cue,
      kind: claim.attribution.kind,
      via: claim.attribution.via,
      reported_by: claim.attribution.reportedBy,
      anonymous: claim.attribution.anonymous,
      certainty: claim.certainty,
      polarity: claim.polarity,
      time_text: claim.time?.text ?? null,
      time_start: claim.time?.start ?? null,
      time_end: claim.time?.end ?? null,
      entities: claim.entities.map((e) => ({ name: e.name, type: e.type })),
      entity_names: claim.entities.map((e) => e.name),
    }));
}

/** The speaker as the store keys it, so the export's queries join spellings as `GET /claims?speaker=` does. */
export function speakerKeysOf(speaker: string | null): Pick<ClaimExportRow, "speaker_key" | "speaker_surname"> {
  if (speaker === null) return { speaker_key: null, speaker_surname: null };
  const key = speakerKey(speaker);
  return { speaker_key: key, speaker_surname: surnameOf(key) };
}

/** JSON Lines: one row a line, each line ending with "\n". */
export function toJsonLines(rows: readonly object[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

/** Gzipped JSON Lines; gzip's header carries no time from Node's zlib, so the bytes depend on the content only. */
export function gzippedJsonLines(rows: readonly object[]): Uint8Array {
  return new Uint8Array(gzipSync(toJsonLines(rows), { level: 9 }));
}

export function exportFileOf(article: ExportedArticle, claims: readonly Claim[]): ExportFile {
  const partition = exportPartitionOf(article.metadata.publishedAt);
  const rows = exportRowsOf(article, claims);
  const body = gzippedJsonLines(rows);
  return { key: exportClaimsKey(article.id, partition), partition, body, rows: rows.length };
}
