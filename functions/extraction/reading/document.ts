// What a reader hands to claim extraction: metadata and the body as plain text cut into blocks.
import type { ArticleFormat } from "../../schemas/article.ts";

/** What the caller knows about the input besides its bytes (file name, HTTP or S3 content type, S3 metadata). */
export interface ReadInput {
  bytes: Uint8Array;
  fileName?: string;
  contentType?: string;
  /** Supplies what the text lacks; the text's own metadata wins when both exist. */
  metadata?: Partial<ArticleMetadata>;
  /**
   * When the file was received (ISO 8601: the object's S3 LastModified, a file's mtime). Only a year for a
   * dateline that gives a month and day without one is taken from it, never a publication date of its own.
   */
  receivedAt?: string;
}

export interface ArticleMetadata {
  title: string | null;
  /** ISO 8601, with the zone offset when the source gives one. */
  publishedAt: string | null;
  authors: string[];
  outlet: string | null;
  url: string | null;
}

export type BlockKind =
  /** Ordinary body paragraph. */
  | "paragraph"
  /** Sub-heading inside the body: never a claim. */
  | "heading"
  /** A bullet or numbered item. */
  | "list-item"
  /** A block quotation; `cite` holds its attribution when the markup gives one. */
  | "blockquote"
  /**
   * A document-level attribution line ("Source: Zelenskyy on X, as reported by European Pravda"):
   * not a claim itself, it names who the following paragraphs come from.
   */
  | "source";

/**
 * One block of the body. `text.slice(start, end)` is the whole block; `contentStart` skips a leading
 * label ("Details: ", "Quote: ", a wire dateline "LONDON, July 4 (Reuters) - ") that is not part of any claim.
 */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  contentStart: number;
  /** The label that opened the block, without its colon: "Details", "Quote", "Background", "Source". */
  label?: string;
  /** For block quotations: who the markup says is quoted ("Keir Starmer, in a statement released by …"). */
  cite?: string;
  /** Set on the block whose label or dateline credits a wire service or outlet ("Reuters"). */
  credit?: string;
}

export interface ArticleDocument extends ArticleMetadata {
  format: ArticleFormat;
  /** The plain body: blocks joined by blank lines. Noise (navigation, credits, promos) is not in it. */
  text: string;
  /** In reading order, non-overlapping, covering every non-blank part of `text`. */
  blocks: Block[];
}
