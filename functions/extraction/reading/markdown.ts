// Markdown articles: YAML front matter for metadata (parsed with `yaml`), then the body's block structure
// (headings, quotes, lists, paragraphs) as units with inline markup stripped so the text is plain.
import { parse as parseYaml } from "yaml";
import { BadArticleError } from "../errors.ts";
import type { FormatReading } from "./assemble.ts";
import type { ArticleMetadata } from "./document.ts";
import { type FieldMap, metadataFromFields } from "./fields.ts";
import { TIME_STAMP } from "./labels.ts";
import type { Unit } from "./units.ts";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** Longer than any heading; a longer "# …" line is read as a paragraph. */
const MAX_HEADING_LINE = 1000;
// recheck: run only on lines of at most MAX_HEADING_LINE characters.
const ATX_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const RULE = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(?:```|~~~)/;
const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^[ \t]{0,3}>[ \t]?/;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S/;
const HTML_ONLY = /^[ \t]*<\/?[A-Za-z!][^>]{0,500}>[ \t]*$/;

function frontMatter(text: string): { fields: FieldMap; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { fields: {}, body: text };
  let value: unknown;
  try {
    value = parseYaml(m[1]!, { maxAliasCount: 50 });
  } catch (err) {
    const reason = (err as Error).message.split("\n")[0];
    throw new BadArticleError("MALFORMED", `the Markdown front matter is not valid YAML: ${reason}`);
  }
  const fields = value && typeof value === "object" && !Array.isArray(value) ? (value as FieldMap) : {};
  return { fields, body: text.slice(m[0].length) };
}

/** Inline Markdown to plain text: images dropped, links to their text, emphasis and code markers removed. */
export function stripInline(text: string): string {
  return (
    text
      .replace(/!\[[^[\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, "")
      .replace(/!\[[^[\]\n]{0,500}\]\[[^[\]\n]{0,200}\]/g, "")
      .replace(/\[([^[\]\n]{0,500})\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, "$1")
      .replace(/\[([^[\]\n]{1,500})\]\[[^[\]\n]{0,200}\]/g, "$1")
      // recheck: each attempt reads at most 52 characters.
      .replace(/\[\^[^\]\n]{1,50}\]/g, "")
      .replace(/<(https?:\/\/[^<>\s]{1,2000})>/g, "$1")
      .replace(/<\/?[A-Za-z][^<>\n]{0,300}>/g, "")
      // recheck: each attempt reads at most 503 characters (a bold span longer than that stays as written).
      .replace(/(\*\*|__)(?=\S)([^\n]{0,500}?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2")
      .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([^~\n]*?\S)~~/g, "$1")
      .replace(/`([^`\n]{1,1000})`/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1")
      .replace(/[ \t]+/g, " ")
      .trim()
  );
}

/** The whole raw paragraph is one italic run: "*Markets · 4 min read*", "_Image: …_". */
function isEmphasisOnly(raw: string): boolean {
  const t = raw.replace(/!\[[^[\]\n]{0,500}\]\([^()\s]{0,2000}\)/g, "").trim();
  return /^\*(?!\*)[^*]+\*$/.test(t) || /^_(?!_)[^_]+_$/.test(t);
}

/** "**Key points**" on its own: a heading written in bold. */
function isStrongOnly(raw: string): boolean {
  return /^(?:\*\*|__)[^*_\n]{1,120}(?:\*\*|__)$/.test(raw.trim());
}

/** "**Read more:** …", "**Update:** …": a bold lead-in ending in a colon. */
function leadIn(raw: string): string | undefined {
  // A live blog's entry time: "**11:42** — The Met Office has …".
  const stamp = /^(?:\*\*|__)([^*_\n]{1,20})(?:\*\*|__)\s*[—–-]\s/.exec(raw.trim());
  if (stamp && TIME_STAMP.test(stamp[1]!)) return stamp[1]!;
  const m =
    /^(?:\*\*|__)([^*_\n]{1,80}?:)(?:\*\*|__)/.exec(raw.trim()) ??
    /^(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__):/.exec(raw.trim());
  if (!m) return undefined;
  return m[1]!.endsWith(":") ? m[1]! : `${m[1]!}:`;
}

function paragraphUnit(lines: string[]): Unit | null {
  const raw = lines.join(" ").trim();
  if (!raw) return null;
  if (isStrongOnly(raw)) return { kind: "heading", text: stripInline(raw) };
  const text = stripInline(raw);
  if (!text) return null;
  const unit: Unit = { kind: "paragraph", text };
  if (isEmphasisOnly(raw)) unit.emphasis = true;
  const lead = leadIn(raw);
  if (lead && text.startsWith(lead)) unit.leadIn = lead;
  return unit;
}

/** A quotation's last line "— Name, role" is its attribution. */
function quoteUnit(lines: string[]): Unit | null {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) paragraphs.push(stripInline(current.join(" ")));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(stripInline(current.join(" ")));
  const kept = paragraphs.filter(Boolean);
  let cite: string | undefined;
  if (kept.length > 1 && /^[—―–-]{1,2}\s*\S/.test(kept[kept.length - 1]!)) {
    cite = kept.pop()!.replace(/^[—―–-]+\s*/, "");
  }
  if (kept.length === 0) return null;
  const unit: Unit = { kind: "blockquote", text: kept.join("\n") };
  if (cite) unit.cite = cite;
  return unit;
}

export function markdownUnits(body: string): Unit[] {
  const lines = body.split("\n");
  const units: Unit[] = [];
  let paragraph: string[] = [];
  let quote: string[] | null = null;
  let item: string[] | null = null;
  let inFence = false;

  const push = (unit: Unit | null) => {
    if (unit) units.push(unit);
  };
  const flush = () => {
    if (paragraph.length > 0) push(paragraphUnit(paragraph));
    if (quote) push(quoteUnit(quote));
    if (item) {
      const text = stripInline(item.join(" "));
      if (text) push({ kind: "list-item", text });
    }
    paragraph = [];
    quote = null;
    item = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line.trim())) {
      // Code is not prose: fenced blocks are left out.
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (line.trim() === "") {
      if (quote) {
        // A blank line inside a quotation continues it only when the next line is quoted too.
        if (QUOTE.test(lines[i + 1] ?? "")) {
          quote.push("");
          continue;
        }
      }
      flush();
      continue;
    }
    const heading = line.length <= MAX_HEADING_LINE ? ATX_HEADING.exec(line) : null;
    if (heading) {
      flush();
      const text = stripInline(heading[2]!);
      if (text) units.push({ kind: "heading", text });
      continue;
    }
    if (paragraph.length === 1 && SETEXT_UNDERLINE.test(line) && !quote && !item) {
      const text = stripInline(paragraph[0]!);
      paragraph = [];
      if (text) units.push({ kind: "heading", text });
      continue;
    }
    if (RULE.test(line.trim()) || LINK_DEFINITION.test(line) || HTML_ONLY.test(line) || /^\s*\|/.test(line)) {
      flush();
      continue;
    }
    if (QUOTE.test(line)) {
      if (!quote) flush();
      quote ??= [];
      quote.push(line.replace(QUOTE, ""));
      continue;
    }
    const bullet = LIST_ITEM.exec(line);
    if (bullet) {
      flush();
      item = [line.slice(bullet[0].length)];
      continue;
    }
    if (item && (/^[ \t]{2,}/.test(line) || paragraph.length === 0)) {
      item.push(line.trim());
      continue;
    }
    if (quote) {
      // A lazy continuation line of the quotation.
      quote.push(line);
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return units;
}

export function readMarkdown(text: string): FormatReading {
  const { fields, body } = frontMatter(text);
  const meta: Partial<ArticleMetadata> = metadataFromFields(fields);
  return { format: "markdown", meta, units: markdownUnits(body), findTitle: !meta.title };
}
