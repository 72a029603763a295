// Whole HTML pages (or HTML fragments): metadata from the head, the story from the article element.
import type { FormatReading } from "./assemble.ts";
import { parseByline } from "./bylines.ts";
import { findDate, normalizeDate } from "./dates.ts";
import { type DomDocument, type DomElement, parsePage } from "./dom.ts";
import { articleRoot, htmlUnits, textOf } from "./html-body.ts";
import { htmlMetadata } from "./html-metadata.ts";
import type { Unit } from "./units.ts";

const BYLINE_SELECTOR = '[class*="byline"], [class*="author"], [rel="author"], [itemprop="author"]';

/** Authors from a byline element inside the story when the head names none ("By Giulia Marchetti in Rome"). */
function bylineAuthors(root: DomElement): string[] {
  const found = root.querySelectorAll(BYLINE_SELECTOR);
  for (let i = 0; i < found.length && i < 10; i++) {
    const text = textOf(found[i]!).text;
    const byline = parseByline(text, true) ?? parseByline(text, false);
    if (byline && byline.authors.length > 0) return byline.authors;
  }
  // "Posted on March 4, 2025 by Karen Olsen" in a post's date or meta line.
  const lines = root.querySelectorAll(DATE_SELECTOR);
  for (let i = 0; i < lines.length && i < 10; i++) {
    const text = textOf(lines[i]!).text;
    // recheck: run only on lines of at most 160 characters.
    const by = text.length <= 160 ? /\bby\s+(\p{Lu}[^\n|]{2,60})$/u.exec(text) : null;
    const authors = by ? (parseByline(`By ${by[1]}`, true)?.authors ?? []) : [];
    if (authors.length > 0) return authors;
  }
  return [];
}

const DATE_SELECTOR = '[class*="date"], [class*="time"], [class*="byline"], [class*="meta"], [class*="posted"]';

/** A <time datetime> in the story, else a date written in a dateline or byline element. */
function firstTime(root: DomElement): string | null {
  const time = root.querySelector("time[datetime]");
  const stamped = time ? normalizeDate(time.getAttribute("datetime")) : null;
  if (stamped) return stamped;
  const found = root.querySelectorAll(DATE_SELECTOR);
  for (let i = 0; i < found.length && i < 10; i++) {
    const date = findDate(textOf(found[i]!).text);
    if (date) return date.iso;
  }
  return null;
}

function bodyOf(document: DomDocument): DomElement | null {
  return document.querySelector("body") ?? document.documentElement;
}

export function readHtml(html: string): FormatReading {
  const document = parsePage(html);
  const meta = htmlMetadata(document);
  const body = bodyOf(document);
  const root = body ? articleRoot(body) : null;
  const units: Unit[] = root ? htmlUnits(root) : [];
  if (!meta.title) {
    const h1 = root?.querySelector("h1") ?? document.querySelector("h1");
    const text = h1 ? textOf(h1).text : "";
    if (text) meta.title = text;
  }
  if (root && (!meta.authors || meta.authors.length === 0)) meta.authors = bylineAuthors(root);
  if (root && !meta.publishedAt) meta.publishedAt = firstTime(root);
  const { siteName: _siteName, ...known } = meta;
  return { format: "html", meta: known, units, findTitle: !known.title };
}

/** An HTML fragment (a JSON article's body written as markup): its units only. */
export function htmlFragmentUnits(html: string): Unit[] {
  const document = parsePage(`<html><body>${html}</body></html>`);
  const body = bodyOf(document);
  return body ? htmlUnits(body) : [];
}
