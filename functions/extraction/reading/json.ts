// JSON articles: {title, publishedAt, authors, outlet, url, body} and the usual aliases. The body is plain
// text with blank-line paragraphs (read with the plain-text rules), an array of paragraphs, or HTML.
import { BadArticleError } from "../errors.ts";
import type { FormatReading } from "./assemble.ts";
import { type FieldMap, field, metadataFromFields } from "./fields.ts";
import { htmlFragmentUnits } from "./html.ts";
import { plainTextUnits } from "./plain-text.ts";
import type { Unit } from "./units.ts";

const BODY = [
  "body",
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
/** Wrappers some exports put around the article. */
const WRAPPERS = ["article", "data", "story", "item", "document", "post"];

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

function bodyUnits(body: unknown): Unit[] {
  const text = bodyText(body);
  const normalized = text.replace(/\r\n?/g, "\n");
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
  let fields = value as FieldMap;
  if (field(fields, BODY) === undefined) {
    const inner = field(fields, WRAPPERS);
    if (inner && typeof inner === "object" && !Array.isArray(inner)) fields = inner as FieldMap;
  }
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
