// The common shape every format reader produces before noise removal: a list of text units in reading
// order. Plain text, Markdown, HTML and JSON bodies all become units, so one set of rules cleans them all.

export type UnitKind = "paragraph" | "heading" | "list-item" | "blockquote";

export interface Unit {
  kind: UnitKind;
  /** The unit's text as it will appear in the article body (already trimmed). */
  text: string;
  /** Leading characters that are markup kept in the text (a bullet "• "): outside any claim. */
  markerLength?: number;
  /** For block quotations: the attribution the markup gives. */
  cite?: string;
  /** The markup emphasised the whole unit (an italic line): captions, promos and sign-offs look like this. */
  emphasis?: boolean;
  /** A bold lead-in the markup gave ("Update, 18:32 CEST:"), when the unit starts with one. */
  leadIn?: string;
  /** The markup says the unit is mostly link text (a related-stories item). */
  linkOnly?: boolean;
}
