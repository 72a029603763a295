// The article body of an HTML page as units: find the element that holds the story, then walk it, skipping
// navigation, banners, figures, share bars, related links and the like by tag, role and class names.
import { type DomElement, type DomNode, isElement, restoreText, TEXT_NODE } from "./dom.ts";
import { TIME_STAMP } from "./labels.ts";
import type { Unit } from "./units.ts";

/** Elements that never hold article prose. */
const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "figure",
  "figcaption",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "option",
  "iframe",
  "svg",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "dialog",
  "object",
  "embed",
  "map",
  "menu",
  "label",
  "meta",
  "link",
  "head",
  "title",
  "source",
  "track",
]);

const SKIP_ROLES =
  /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar|tablist|button)$/i;

/** Class or id tokens of page furniture ("cookie-banner", "share_tools", "related"). */
const JUNK_TOKEN =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|banner|newsletters?|subscribe|subscription|signup|promo|promos|promotion|related|recommended|recommendations?|share|sharing|social|socials|ad|ads|advert|adverts|advertisement|adslot|dfp|sponsor|sponsored|outbrain|taboola|comments?|disqus|breadcrumbs?|byline|bylines|dateline|kicker|eyebrow|authors?|bio|tags|topics|captions?|credits?|popup|modal|overlay|paywall|nav|navbar|navigation|menu|toolbar|sidebar|rail|footer|masthead|skip|sr-only|visually-hidden|screen-reader-text|disclaimer|trending|popular|teasers?|widget|timestamp|meta|toc|pagination|pager|login|gallery|slideshow|player|podcast)(?=$|[\s_-])/i;
const JUNK_COMBINED = /most-?read|read-?more|more-?stories|also-?read|see-?also/i;

/** Elements laid out as blocks: text on either side of them belongs to different paragraphs. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hgroup",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
  "ul",
  "caption",
]);

export function isSkipped(el: DomElement): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
  const role = el.getAttribute("role");
  if (role && SKIP_ROLES.test(role)) return true;
  const style = el.getAttribute("style");
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("data-component") ?? ""} ${el.getAttribute("data-testid") ?? ""}`;
  return names.length > 3 && names.length < 500 && (JUNK_TOKEN.test(names) || JUNK_COMBINED.test(names));
}

interface TextStats {
  text: string;
  linkChars: number;
}

/** Visible text of an element: whitespace collapsed, <br> kept as a line break, furniture skipped. */
function collectText(
  node: DomNode,
  out: string[],
  stats: { linkChars: number },
  inLink: boolean,
  skip?: (el: DomElement) => boolean,
): void {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? "";
      out.push(value);
      if (inLink) stats.linkChars += value.trim().length;
    } else if (isElement(child)) {
      if (child.localName === "br") out.push("\n");
      else if (!isSkipped(child) && !skip?.(child))
        collectText(child, out, stats, inLink || child.localName === "a", skip);
    }
  }
}

function normalizeSpace(raw: string): string {
  // Line breaks survive (a <br><br> pair as one blank line, which separates paragraphs); other space collapses.
  return raw
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n[^\S\n]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function textOf(el: DomNode, skip?: (el: DomElement) => boolean): TextStats {
  const parts: string[] = [];
  const stats = { linkChars: 0 };
  collectText(el, parts, stats, false, skip);
  return { text: restoreText(normalizeSpace(parts.join(""))), linkChars: stats.linkChars };
}

function linkOnly(stats: TextStats): boolean {
  const letters = stats.text.replace(/\s+/g, "").length;
  return letters > 0 && stats.linkChars >= letters * 0.9;
}

/** The first meaningful child, when it is a bold run ending in a colon ("Update, 18:32 CEST:"). */
function boldLeadIn(el: DomElement): string | undefined {
  const children = el.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeType === TEXT_NODE) {
      if ((child.nodeValue ?? "").trim()) return undefined;
      continue;
    }
    if (!isElement(child)) continue;
    if (child.localName !== "strong" && child.localName !== "b") return undefined;
    const lead = textOf(child).text;
    return lead.endsWith(":") || TIME_STAMP.test(lead) ? lead : undefined;
  }
  return undefined;
}

/** True when every piece of text in the element sits inside <em>/<i>: a caption or a sign-off line. */
function allEmphasised(el: DomElement): boolean {
  let plain = false;
  let emphasised = false;
  const visit = (node: DomNode, inEm: boolean) => {
    const children = node.childNodes;
    for (let i = 0; i < children.length && !plain; i++) {
      const child = children[i]!;
      if (child.nodeType === TEXT_NODE) {
        if ((child.nodeValue ?? "").trim()) {
          if (inEm) emphasised = true;
          else plain = true;
        }
      } else if (isElement(child) && !isSkipped(child)) {
        visit(child, inEm || child.localName === "em" || child.localName === "i");
      }
    }
  };
  visit(el, false);
  return emphasised && !plain;
}

/** Whether a block element sits anywhere below `node` (a plain walk: selector engines cost more per call). */
function hasBlockChild(node: DomNode): boolean {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (isElement(child) && (BLOCK_TAGS.has(child.localName) || hasBlockChild(child))) return true;
  }
  return false;
}

/** A list whose text is nearly all links is a link list (related stories, tags), not content. */
function isLinkList(list: DomElement): boolean {
  const items = list.querySelectorAll("li");
  if (items.length < 2) return false;
  return linkOnly(textOf(list));
}

/** A table is kept only as layout (cells holding paragraphs); data tables are not prose. */
function isLayoutTable(table: DomElement): boolean {
  return table.querySelector("p, div p, h2, h3") !== null;
}

class UnitCollector {
  readonly units: Unit[] = [];
  private inline: string[] = [];
  private inlineLinkChars = 0;

  private pushUnit(unit: Unit): void {
    if (unit.text.length > 0) this.units.push(unit);
  }

  flush(): void {
    if (this.inline.length === 0) return;
    const text = restoreText(normalizeSpace(this.inline.join("")));
    const stats = { text, linkChars: this.inlineLinkChars };
    this.inline = [];
    this.inlineLinkChars = 0;
    // A <br><br> inside running text separates paragraphs.
    for (const part of text.split(/\n{2,}/)) {
      const t = part.trim();
      if (t) this.pushUnit({ kind: "paragraph", text: t, ...(linkOnly(stats) ? { linkOnly: true } : {}) });
    }
  }

  private addInline(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.inline.push(node.nodeValue ?? "");
      return;
    }
    if (!isElement(node)) return;
    if (node.localName === "br") {
      this.inline.push("\n");
      return;
    }
    const stats = textOf(node);
    this.inline.push(" ", stats.text, " ");
    this.inlineLinkChars += node.localName === "a" ? stats.text.length : stats.linkChars;
  }

  private paragraph(el: DomElement, kind: "paragraph" | "heading"): void {
    const stats = textOf(el);
    // "text<br><br>more text" in one element is several paragraphs.
    const parts = stats.text.split(/\n{2,}/);
    if (parts.length > 1) {
      for (const part of parts) if (part.trim()) this.pushUnit({ kind, text: part.trim() });
      return;
    }
    const unit: Unit = { kind, text: stats.text };
    if (linkOnly(stats)) unit.linkOnly = true;
    if (kind === "paragraph") {
      if (allEmphasised(el)) unit.emphasis = true;
      const lead = boldLeadIn(el);
      if (lead && stats.text.startsWith(lead)) unit.leadIn = lead;
    }
    this.pushUnit(unit);
  }

  private blockquote(el: DomElement): void {
    const isCite = (child: DomElement) => child.localName === "cite" || child.localName === "footer";
    let cite = "";
    const cites = el.querySelectorAll("cite, footer");
    for (let i = 0; i < cites.length; i++) cite ||= textOf(cites[i]!).text;
    const paragraphs = el.querySelectorAll("p");
    const lines: string[] = [];
    if (paragraphs.length > 0) {
      for (let i = 0; i < paragraphs.length; i++) {
        const t = textOf(paragraphs[i]!, isCite).text;
        if (t) lines.push(t);
      }
    } else {
      lines.push(...textOf(el, isCite).text.split("\n"));
    }
    // An embedded post signs off with "— Name (@handle) date" after its text.
    if (!cite) {
      const tail = textOf(el, (child) => isCite(child) || child.localName === "p").text;
      if (/^[—―–-]/.test(tail) && paragraphs.length > 0) cite = tail.replace(/^[—―–-]+\s*/, "");
      else if (lines.length > 1 && /^[—―–]/.test(lines[lines.length - 1]!))
        cite = lines.pop()!.replace(/^[—―–]+\s*/, "");
    }
    const text = lines
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
    const unit: Unit = { kind: "blockquote", text };
    if (cite) unit.cite = cite;
    this.pushUnit(unit);
  }

  private listItem(el: DomElement): void {
    const nested = (child: DomElement) => child.localName === "ul" || child.localName === "ol";
    const stats = textOf(el, nested);
    const unit: Unit = { kind: "list-item", text: stats.text };
    if (linkOnly(stats)) unit.linkOnly = true;
    this.pushUnit(unit);
    const children = el.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (isElement(child) && nested(child) && !isLinkList(child)) this.walk(child);
    }
  }

  walk(node: DomNode): void {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!isElement(child)) {
        if (child.nodeType === TEXT_NODE) this.addInline(child);
        continue;
      }
      if (child.localName === "br") {
        this.addInline(child);
        continue;
      }
      if (isSkipped(child)) continue;
      const tag = child.localName;
      if (!BLOCK_TAGS.has(tag) && !hasBlockChild(child)) {
        this.addInline(child);
        continue;
      }
      this.flush();
      if (/^h[1-6]$/.test(tag)) this.paragraph(child, "heading");
      else if (tag === "p" || tag === "dt" || tag === "dd" || tag === "pre" || tag === "caption") {
        if (hasBlockChild(child) && tag !== "pre") this.walk(child);
        else this.paragraph(child, tag === "dt" ? "heading" : "paragraph");
      } else if (tag === "blockquote") this.blockquote(child);
      else if (tag === "li") this.listItem(child);
      else if (tag === "ul" || tag === "ol") {
        if (!isLinkList(child)) this.walk(child);
      } else if (tag === "table") {
        if (isLayoutTable(child)) this.walk(child);
      } else if (tag !== "hr") this.walk(child);
      this.flush();
    }
  }
}

function paragraphScore(el: DomElement): number {
  const ps = el.querySelectorAll("p");
  let score = 0;
  for (let i = 0; i < ps.length; i++) score += (ps[i]!.textContent ?? "").length;
  return score;
}

const ROOT_SELECTOR =
  '[itemprop="articleBody"], article, [role="article"], main, [role="main"], [class*="article-body"], [class*="article__body"], [class*="story-body"], [class*="entry-content"], [class*="post-content"], [class*="article-content"], [id*="article-body"], [id*="story-body"]';

/** The element that holds the story: the article-ish container with the most paragraph text. */
export function articleRoot(body: DomElement): DomElement {
  const total = paragraphScore(body);
  const candidates = body.querySelectorAll(ROOT_SELECTOR);
  let best: DomElement | null = null;
  let bestScore = 0;
  for (let i = 0; i < candidates.length && i < 50; i++) {
    const el = candidates[i]!;
    if (isSkipped(el)) continue;
    const score = paragraphScore(el);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // A container holding less than half the page's paragraphs is a teaser, not the story.
  return best && bestScore >= total * 0.5 ? best : body;
}

export function htmlUnits(root: DomElement): Unit[] {
  const collector = new UnitCollector();
  collector.walk(root);
  collector.flush();
  return collector.units;
}
