// JSON articles: {title, publishedAt, authors, outlet, url, body} and the usual aliases. The body is plain
// text with blank-line paragraphs (read with the plain-text rules), an array of paragraphs, or HTML. Content
// APIs nest the article (`response.content.fields.body`, `item.body_nitf`): the body is looked for at any depth
// and the metadata read from the object holding it and, for what it lacks, from the objects around it.
import { BadArticleError } from "../errors.ts";
import type { FormatReading } from "./assemble.ts";
import { type FieldMap, field, metadataFromFields } from "./fields.ts";
import { htmlFragmentUnits } from "./html.ts";
import { plainTextUnits } from "./plain-text.ts";
import type { Unit } from "./units.ts";

const BODY = [
  "body",
  "body_nitf",
  "body_xhtml",
  "bodyHtml",
  "body_html",
  "text",
  "content",
  "articleBody",
  "article_body",
  "bodyText",
  "body_text",
  "fullText",
  "full_text",
  "story",
];
const SUMMARY = ["description", "summary", "abstract", "lede", "standfirst"];
/** How deep and how widely a nested article is looked for: content-API responses nest it 2–4 levels down. */
const MAX_DEPTH = 6;
const MAX_OBJECTS = 2000;

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message.replace(/\s+/g, " ").slice(0, 160);
    throw new BadArticleError("MALFORMED", `the file is not valid JSON: ${reason}`);
  }
}

/** Paragraph texts from an array body: strings or {text|content|value} objects. */
function paragraphsOf(items: unknown[]): string {
  const parts: string[] = [];
  for (const item of items) {
    if (typeof item === "string") parts.push(item);
    else if (item && typeof item === "object") {
      const o = item as FieldMap;
      const t = o.text ?? o.content ?? o.value ?? o.body;
      if (typeof t === "string") parts.push(t);
    }
  }
  return parts.join("\n\n");
}

/** A body field's text: a string, an array of paragraphs, or an object holding either ({rendered}, {html}). */
function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (Array.isArray(body)) return paragraphsOf(body);
  if (body && typeof body === "object") {
    const o = body as FieldMap;
    return bodyText(o.rendered ?? o.html ?? o.text ?? o.value ?? "");
  }
  return "";
}

interface Holder {
  /** The objects from the root down to the one holding the body. */
  path: FieldMap[];
  length: number;
}

/**
 * The article's fields: the object with the longest body at any depth (the shallowest among equals), merged
 * with the objects above it so that metadata kept beside the body's object (a title or date one level up)
 * is read too; nearer fields win.
 */
function articleFields(root: FieldMap): FieldMap {
  if (field(root, BODY) !== undefined) return root;
  let best: Holder | undefined;
  let seen = 0;
  const queue: FieldMap[][] = [[root]];
  for (let head = 0; head < queue.length && seen < MAX_OBJECTS; head++) {
    const path = queue[head]!;
    const node = path[path.length - 1]!;
    seen++;
    const body = field(node, BODY);
    const length = body === undefined ? 0 : bodyText(body).trim().length;
    if (length > (best?.length ?? 0)) best = { path, length };
    if (path.length > MAX_DEPTH) continue;
    for (const child of Object.values(node)) {
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === "object" && !Array.isArray(item)) queue.push([...path, item as FieldMap]);
      }
    }
  }
  if (!best) return root;
  return Object.assign({}, ...best.path);
}

function bodyUnits(body: unknown): Unit[] {
  const text = bodyText(body);
  const normalized = text.replace(/\r\n?/g, "\n");
  // recheck: run on the first 20,000 characters; each attempt reads at most 200 past the tag name.
  if (/<\/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote)\b[^>]{0,200}>/i.test(normalized.slice(0, 20000))) {
    return htmlFragmentUnits(normalized);
  }
  return plainTextUnits(normalized);
}

export function readJson(text: string, declared: boolean): FormatReading {
  const value = parse(text);
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new BadArticleError(
      "MALFORMED",
      `expected a JSON object with the article's fields (title, body, …), found ${kindOf(value)}${declared ? "" : ""}`,
    );
  }
  const fields = articleFields(value as FieldMap);
  const body = field(fields, BODY) ?? field(fields, SUMMARY);
  if (body === undefined || bodyText(body).trim() === "") {
    throw new BadArticleError(
      "NO_TEXT",
      'the JSON article has no body text (expected a "body" field holding the text)',
    );
  }
  const meta = metadataFromFields(fields);
  // A JSON article names its title in a field; its body starts with the story itself.
  return { format: "json", meta, units: bodyUnits(body), findTitle: false };
}
