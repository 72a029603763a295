// Joins cleaned units into the article body: blocks separated by blank lines, with offsets into the text.
import type { Block, BlockKind } from "./document.ts";

export interface BlockDraft {
  kind: BlockKind;
  text: string;
  /** Where the content starts inside `text` (after a label, bullet or dateline). */
  contentOffset: number;
  label?: string;
  cite?: string;
  credit?: string;
}

export function buildBlocks(drafts: readonly BlockDraft[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const draft of drafts) {
    if (parts.length > 0) offset += 2;
    const block: Block = {
      kind: draft.kind,
      start: offset,
      end: offset + draft.text.length,
      contentStart: offset + Math.min(draft.contentOffset, draft.text.length),
    };
    if (draft.label) block.label = draft.label;
    if (draft.cite) block.cite = draft.cite;
    if (draft.credit) block.credit = draft.credit;
    blocks.push(block);
    parts.push(draft.text);
    offset += draft.text.length;
  }
  return { text: parts.join("\n\n"), blocks };
}
