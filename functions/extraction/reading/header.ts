// Reads the top of an article, where layouts put the masthead, section, title, byline and date, and finds
// where the body starts. Works on units from any format; plain text also asks it to find the title.
import { noiseReason, wordCount } from "./boilerplate.ts";
import { parseByline } from "./bylines.ts";
import { type FoundDate, findDate } from "./dates.ts";
import type { Unit } from "./units.ts";

export interface Header {
  title: string | null;
  authors: string[];
  /** The most precise publication date the header gives. */
  date: FoundDate | null;
  /** An "Updated …" date: the publication date only when no other is given. */
  updated: FoundDate | null;
  /** Short lines above the title (masthead, section): the reader decides which names the outlet. */
  mastheadLines: string[];
  /** A wire or outlet the byline credits. */
  credit: string | null;
  /** How many units from the start belong to the header. */
  consumed: number;
  /** Byline or date units just below a standfirst, past `consumed`, that are header too. */
  skipped: number[];
}

export interface HeaderOptions {
  /** Plain text has no markup for its title: find it among the first lines. */
  findTitle: boolean;
  /** Accept only a line that cannot be a sentence of the body (a title was supplied with the upload). */
  strictTitle?: boolean;
  /** The title from metadata: a line repeating it is dropped. */
  knownTitle: string | null;
}

/** Headers are short: past this many units the body has started whatever they look like. */
const MAX_HEADER_UNITS = 14;
/** How many units below the first body unit may still be the byline or date (after a standfirst). */
const STANDFIRST_LOOKAHEAD = 3;

/** Words that may stand beside a date on a date line: " date 2025-07-07 All Sections", "Updated 3 hours ago". */
const DATE_LINE_FILLER = new Set([
  "date",
  "updated",
  "published",
  "posted",
  "on",
  "at",
  "last",
  "modified",
  "first",
  "min",
  "mins",
  "read",
  "ago",
  "hours",
  "hour",
  "minutes",
  "minute",
  "days",
  "day",
  "by",
  "time",
  "and",
  "am",
  "pm",
  "a.m.",
  "p.m.",
]);

const UPDATED = /^\W*(?:last\s+)?(?:updated|modified|edited)\b/i;

function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export function sameTitle(a: string, b: string): boolean {
  const x = normalizeForCompare(a);
  const y = normalizeForCompare(b);
  if (x.length === 0 || y.length === 0) return false;
  return x === y || (Math.min(x.length, y.length) >= 20 && (x.startsWith(y) || y.startsWith(x)));
}

/** A short line that is mostly a date (plus filler such as "Updated", "All Sections"). */
export function dateLine(text: string): FoundDate | null {
  if (text.length > 140 || text.includes("\n") || wordCount(text) > 18) return null;
  const date = findDate(text);
  if (!date) return null;
  const rest = (text.slice(0, date.index) + " " + text.slice(date.end)).split(/[\s|·•,()[\]–—-]+/);
  for (const word of rest) {
    if (word === "" || /^\d/.test(word)) continue;
    if (DATE_LINE_FILLER.has(word.toLowerCase())) continue;
    if (/^\p{Lu}/u.test(word)) continue;
    return null;
  }
  return date;
}

function endsWithSentence(text: string): boolean {
  return /[.!?…]["”’)\]]?$/.test(text);
}

function titleCaseRatio(text: string): number {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function titleCandidate(units: readonly Unit[], i: number, firstContent: boolean, strict: boolean): boolean {
  const unit = units[i]!;
  const text = unit.text;
  if (unit.kind === "list-item" || unit.kind === "blockquote" || text.includes("\n")) return false;
  const words = wordCount(text);
  if (words < 2 || words > 30 || text.length > 250) return false;
  if (!/^[\p{Lu}\p{N}"“‘'«]/u.test(text) || /[:,]$/.test(text)) return false;
  if (unit.kind === "heading") return true;
  if (!endsWithSentence(text) || /[?!]["”’]?$/.test(text)) return true;
  if (strict) return false;
  // Titles that end in a period: title case, or a short first line standing above more text
  // (some archives add the period to every headline; ledes run longer than 16 words).
  if (titleCaseRatio(text) >= 0.6) return true;
  const next = units[i + 1];
  return firstContent && next !== undefined && (words <= 16 || next.text.length > text.length * 1.5);
}

function shortLine(unit: Unit): boolean {
  const text = unit.text;
  return (
    unit.kind !== "list-item" &&
    text.length <= 60 &&
    !text.includes("\n") &&
    wordCount(text) <= 5 &&
    !endsWithSentence(text) &&
    !text.endsWith(":")
  );
}

function better(a: FoundDate | null, b: FoundDate): boolean {
  return a === null || b.precision > a.precision;
}

/** Records a byline or a date line into the header; false when the text is neither. */
function takeBylineOrDate(header: Header, text: string, namesWithoutCue: boolean): boolean {
  const byline = parseByline(text, true) ?? (namesWithoutCue ? parseByline(text, false) : null);
  if (byline) {
    for (const author of byline.authors) if (!header.authors.includes(author)) header.authors.push(author);
    if (byline.date && better(header.date, byline.date)) header.date = byline.date;
    header.credit ??= byline.credit ?? null;
    return true;
  }
  const date = dateLine(text);
  if (!date) return false;
  if (UPDATED.test(text)) header.updated ??= date;
  else if (better(header.date, date)) header.date = date;
  // "Posted on March 4, 2025 by Karen Olsen": the names after the date.
  // recheck: dateLine accepts only lines of at most 140 characters.
  const by = /\bby\s+(\p{Lu}.{2,80})$/u.exec(text.slice(date.index));
  for (const author of (by && parseByline(`By ${by[1]}`, true)?.authors) || [])
    if (!header.authors.includes(author)) header.authors.push(author);
  return true;
}

export function readHeader(units: readonly Unit[], options: HeaderOptions): Header {
  const header: Header = {
    title: null,
    authors: [],
    date: null,
    updated: null,
    mastheadLines: [],
    credit: null,
    consumed: 0,
    skipped: [],
  };
  let seenContent = false;
  const limit = Math.min(units.length, MAX_HEADER_UNITS);
  let i = 0;
  for (; i < limit; i++) {
    const unit = units[i]!;
    const text = unit.text;
    if (text.length === 0) continue;
    const firstContent = !seenContent;
    seenContent = true;
    const knownTitle = header.title ?? options.knownTitle;
    if (knownTitle && sameTitle(text, knownTitle)) continue;
    // An emphasised line is a standfirst or a caption, unless it is the byline ("*By Priya Shah · 12 March 2025*").
    if (takeBylineOrDate(header, text, Boolean(knownTitle) || !options.findTitle)) continue;
    if (unit.emphasis && unit.kind === "paragraph") continue;
    const noise = noiseReason(text);
    if (noise !== null && noise !== "promo") continue;

    if (options.findTitle && !header.title && titleCandidate(units, i, firstContent, options.strictTitle ?? false)) {
      if (wordCount(text) >= 4 || unit.kind === "heading") {
        header.title = text;
        continue;
      }
    }
    if (
      shortLine(unit) &&
      (options.findTitle ? !header.title || unit.kind !== "heading" : i < 4 && unit.kind !== "heading")
    ) {
      if (!header.title) header.mastheadLines.push(text);
      continue;
    }
    break;
  }
  // A short title ("Kyiv under fire") is the last short line above the body.
  if (options.findTitle && !header.title && header.mastheadLines.length > 0 && i < units.length) {
    const last = header.mastheadLines[header.mastheadLines.length - 1]!;
    if (wordCount(last) >= 2) {
      header.title = last;
      header.mastheadLines.pop();
    }
  }
  header.consumed = i;
  // Layouts that put a standfirst between the title and the byline: look a few units past it.
  if (header.title ?? options.knownTitle) {
    for (let j = i + 1; j < Math.min(units.length, i + 1 + STANDFIRST_LOOKAHEAD); j++) {
      if (wordCount(units[j - 1]!.text) > 60) break;
      if (units[j]!.text.length <= 200 && takeBylineOrDate(header, units[j]!.text, true)) header.skipped.push(j);
    }
  }
  header.date ??= header.updated;
  return header;
}
