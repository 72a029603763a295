// The slice of the DOM the HTML reader uses, typed here because the project compiles without the DOM lib.
import { parseHTML } from "linkedom";
import { BadArticleError } from "../errors.ts";

export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  localName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Elements whose end tag may be left out or that have none: they do not deepen the tree. */
const NOT_NESTING = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "tr",
  "td",
  "th",
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** Real pages nest a few dozen levels; the DOM builder slows down superlinearly on thousands. */
const MAX_DEPTH = 1000;

/** Measures nesting with one pass over the tags and refuses absurd depth before the parser sees it. */
function checkDepth(html: string): void {
  let depth = 0;
  // recheck: each attempt starts at a "<" and stops at the next "<" or ">", after at most 31 name characters:
  // the work is at most 31 times the input length.
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,30})\b[^<>]{0,2000}?(\/?)>/g;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (NOT_NESTING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > MAX_DEPTH) {
      throw new BadArticleError("MALFORMED", `the HTML nests elements more than ${MAX_DEPTH} levels deep`);
    }
  }
}

/** Stands in for a "<" that opens no tag while the page is parsed (a private-use character). */
const STRAY_LT = "\uE000";

/**
 * Parses a page with linkedom. A "<" that opens no tag is text, but thousands of them make the tokenizer emit
 * thousands of text pieces and crawl; they are swapped for a placeholder that `restoreText` turns back.
 */
export function parsePage(html: string): DomDocument {
  checkDepth(html);
  const safe = html.replace(/<(?![A-Za-z!/?])/g, STRAY_LT);
  // linkedom builds no implied <html> element: a fragment or bare text would leave the document without one.
  const whole = /<html[\s>]/i.test(safe.slice(0, 65536)) ? safe : `<html>${safe}</html>`;
  return parseHTML(whole).document as unknown as DomDocument;
}

/** Text read from a parsed page, with every stray "<" put back. */
export function restoreText(text: string): string;
export function restoreText(text: string | null): string | null;
export function restoreText(text: string | null): string | null {
  return text?.includes(STRAY_LT) ? text.replaceAll(STRAY_LT, "<") : text;
}
