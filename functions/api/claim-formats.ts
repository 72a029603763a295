// An article's claims as CSV (the export's columns and values, arrays as JSON) or as schema.org Claims in
// JSON-LD: `author` is the speaker, `appearance` the article, `datePublished` the article's publication time.
import { exportRowsOf } from "../export/claim-export.ts";
import { EXPORT_COLUMNS } from "../export/export-columns.ts";
import type { Claim } from "../schemas/claim.ts";
import type { SchemaOrgClaims } from "../schemas/open-formats.ts";
import type { ArticleRecord } from "../schemas/records.ts";

export function claimsCsv(article: ArticleRecord, claims: readonly Claim[]): string {
  const names = EXPORT_COLUMNS.map((c) => c.name);
  const rows = exportRowsOf(article, claims).map((row) =>
    names.map((name) => csvField((row as unknown as Record<string, unknown>)[name])),
  );
  return [names, ...rows].map((fields) => `${fields.join(",")}\r\n`).join("");
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const ORGANIZATIONS = new Set(["organization", "group", "outlet", "document"]);

export function claimsJsonLd(article: ArticleRecord, claims: readonly Claim[]): SchemaOrgClaims {
  const { metadata } = article;
  const publisher = metadata.outlet ? { "@type": "Organization" as const, name: metadata.outlet } : undefined;
  const appearance = {
    "@type": "NewsArticle" as const,
    "@id": metadata.url ?? `urn:claimtrack:article:${article.id}`,
    ...(metadata.title ? { headline: metadata.title } : {}),
    ...(metadata.url ? { url: metadata.url } : {}),
    ...(metadata.publishedAt ? { datePublished: metadata.publishedAt } : {}),
    ...(publisher ? { publisher } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@graph": claims.map((claim) => {
      const { speaker, speakerType } = claim.attribution;
      const author = speaker
        ? {
            "@type": ORGANIZATIONS.has(speakerType ?? "") ? ("Organization" as const) : ("Person" as const),
            name: speaker,
          }
        : publisher;
      return {
        "@type": "Claim" as const,
        "@id": `urn:claimtrack:claim:${claim.id}`,
        identifier: claim.id,
        text: claim.text,
        ...(author ? { author } : {}),
        ...(metadata.publishedAt ? { datePublished: metadata.publishedAt } : {}),
        appearance,
      };
    }),
  };
}
