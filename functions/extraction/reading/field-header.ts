// Plain-text exports that open with "Title: …", "Author: …", "Date: …", "Source: …" lines: those lines are
// metadata, not body (and "Source:" there names the outlet, not who a claim comes from).
import type { ArticleMetadata } from "./document.ts";
import { type FieldMap, metadataFromFields } from "./fields.ts";

const FIELD_LINE =
  /^(title|headline|author|authors|byline|by|date|published|publication date|pubdate|source|outlet|publisher|publication|url|link)\s*:\s*(\S.{0,500})$/i;

/** Fields count only as a block of at least two at the very top, so one "Source:" line in a story stays body. */
const MIN_FIELDS = 2;

export function fieldHeader(text: string): { meta: Partial<ArticleMetadata>; rest: string } {
  const lines = text.split("\n");
  const fields: FieldMap = {};
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  const start = i;
  for (; i < lines.length; i++) {
    const m = FIELD_LINE.exec(lines[i]!.trim());
    if (!m) break;
    const key = m[1]!.toLowerCase();
    fields[key === "publication date" ? "date" : key] ??= m[2]!.trim();
  }
  if (i - start < MIN_FIELDS) return { meta: {}, rest: text };
  return { meta: metadataFromFields(fields), rest: lines.slice(i).join("\n") };
}
