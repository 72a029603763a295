// Helpers for the reader tests: load fixtures and seeds, and check the block invariants every document keeps.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { ArticleDocument, ReadInput } from "../../functions/extraction/reading/document.ts";
import { readArticle } from "../../functions/extraction/reading/read-article.ts";

const root = join(import.meta.dirname, "../..");

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(root, "test/fixtures/reading", name));
}

export function readFixture(name: string, extra: Partial<ReadInput> = {}): ArticleDocument {
  return checked(readArticle({ bytes: fixtureBytes(name), fileName: name, ...extra }));
}

export function readSeed(name: string): ArticleDocument {
  return checked(readArticle({ bytes: readFileSync(join(root, "seeds", name)), fileName: name }));
}

export function readText(text: string, fileName = "article.txt", extra: Partial<ReadInput> = {}): ArticleDocument {
  return checked(readArticle({ bytes: new TextEncoder().encode(text), fileName, ...extra }));
}

/** The text of each block's content (after its label, bullet or dateline). */
export function contents(doc: ArticleDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.contentStart, b.end));
}

/**
 * Offsets in range and in order, blocks separated by exactly one blank line, contentStart inside its block,
 * no block with leading or trailing whitespace, and nothing in `text` outside a block but that separator.
 */
export function blockInvariantViolations(doc: ArticleDocument): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  doc.blocks.forEach((b, i) => {
    if (!(b.start >= 0 && b.start < b.end && b.end <= doc.text.length)) problems.push(`block ${i} out of range`);
    if (!(b.contentStart >= b.start && b.contentStart <= b.end)) problems.push(`block ${i} contentStart outside`);
    const gap = doc.text.slice(previousEnd, b.start);
    if (i === 0 ? gap !== "" : gap !== "\n\n") problems.push(`block ${i} is not separated by one blank line`);
    const body = doc.text.slice(b.start, b.end);
    if (body !== body.trim()) problems.push(`block ${i} has surrounding whitespace`);
    previousEnd = b.end;
  });
  if (doc.text.slice(previousEnd) !== "") problems.push("text continues after the last block");
  if (doc.blocks.length === 0) problems.push("no blocks");
  return problems;
}

export function checked(doc: ArticleDocument): ArticleDocument {
  expect(blockInvariantViolations(doc)).toEqual([]);
  return doc;
}
