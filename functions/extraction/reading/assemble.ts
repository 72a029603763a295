// The steps every format shares once it has units: read the header, clean the body, settle the metadata
// (the document's own first, then what the text shows, then what the caller supplied) and build blocks.
import type { ArticleFormat } from "../../schemas/article.ts";
import { BadArticleError } from "../errors.ts";
import { buildBlocks } from "./build-blocks.ts";
import { cleanBody } from "./clean-body.ts";
import type { ArticleDocument, ArticleMetadata } from "./document.ts";
import { readHeader } from "./header.ts";
import { copyrightHolder, copyrightYear, looksLikeOutlet } from "./outlet.ts";
import type { Unit } from "./units.ts";

export interface FormatReading {
  format: ArticleFormat;
  /** Metadata the format states outright (front matter, JSON fields, meta tags, JSON-LD). */
  meta: Partial<ArticleMetadata>;
  units: Unit[];
  /** Plain text has no markup for its title: look for it among the first lines. */
  findTitle: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function hasProse(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

/**
 * The year of a month and day given without one, from when the file was received: the latest such date no more
 * than a day after it (a story filed on 30 December and received on 2 January belongs to the year before).
 */
export function yearBefore(monthDay: { month: number; day: number }, receivedAt: string | undefined): number | null {
  const received = receivedAt ? Date.parse(receivedAt) : Number.NaN;
  if (Number.isNaN(received)) return null;
  const year = new Date(received).getUTCFullYear();
  const dayAfter = received + 86_400_000;
  return Date.UTC(year, monthDay.month - 1, monthDay.day) <= dayAfter ? year : year - 1;
}

export function assemble(
  reading: FormatReading,
  supplied: Partial<ArticleMetadata> | undefined,
  receivedAt?: string,
): ArticleDocument {
  const { meta, units } = reading;
  // With a title supplied alongside the upload (S3 object metadata, API fields), the text's own headline still
  // wins, but only a line that looks like a headline: a first paragraph that reads as a sentence stays body.
  const header = readHeader(units, {
    findTitle: reading.findTitle && !meta.title,
    knownTitle: meta.title ?? null,
    strictTitle: Boolean(supplied?.title),
  });
  const skipped = new Set(header.skipped);
  const body = cleanBody(units.filter((_, k) => k >= header.consumed && !skipped.has(k)));
  const kept = body.drafts.filter((d) => d.kind !== "heading" && hasProse(d.text.slice(d.contentOffset)));
  if (kept.length === 0) {
    throw new BadArticleError("NO_TEXT", "no article text is left once navigation, captions and promos are removed");
  }
  const { text, blocks } = buildBlocks(body.drafts);

  let holder: string | null = null;
  let year: number | null = null;
  for (const unit of units) {
    if (unit.text.length > 300) continue;
    holder ??= copyrightHolder(unit.text);
    year ??= copyrightYear(unit.text);
  }
  const masthead =
    header.mastheadLines.find((l) => holder !== null && l.toLowerCase() === holder.toLowerCase()) ??
    header.mastheadLines.find(looksLikeOutlet) ??
    null;

  let publishedAt = meta.publishedAt ?? header.date?.iso ?? null;
  year = body.year ?? year ?? (body.monthDay ? yearBefore(body.monthDay, receivedAt) : null);
  if (!publishedAt && body.monthDay && year) {
    publishedAt = `${year}-${pad(body.monthDay.month)}-${pad(body.monthDay.day)}`;
  }
  const authors = meta.authors && meta.authors.length > 0 ? meta.authors : header.authors;
  return {
    format: reading.format,
    title: meta.title ?? header.title ?? supplied?.title ?? null,
    publishedAt: publishedAt ?? supplied?.publishedAt ?? null,
    authors: authors.length > 0 ? authors : (supplied?.authors ?? []),
    // A wire credit in a dateline is only a guess at the outlet: a supplied outlet wins over it.
    outlet: meta.outlet ?? masthead ?? holder ?? supplied?.outlet ?? header.credit ?? body.credit ?? null,
    url: meta.url ?? supplied?.url ?? null,
    text,
    blocks,
  };
}
