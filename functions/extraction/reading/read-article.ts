// Placeholder reader: plain text, paragraphs split on blank lines. Replaced by the format readers.
import { BadArticleError } from "../errors.ts";
import type { ArticleDocument, Block, ReadInput } from "./document.ts";

export function readArticle(input: ReadInput): ArticleDocument {
  const text = new TextDecoder("utf-8").decode(input.bytes).replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new BadArticleError("EMPTY", "the file is empty");
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    if (!m[0].trim()) continue;
    blocks.push({ kind: "paragraph", start: m.index, end: m.index + m[0].length, contentStart: m.index });
  }
  return {
    format: "text",
    title: null,
    publishedAt: null,
    authors: [],
    outlet: null,
    url: null,
    ...input.metadata,
    text,
    blocks,
  };
}
