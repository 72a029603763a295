// Paragraph labels used by wire-style and Ukrainian/European news layouts ("Details:", "Quote:",
// "Background:", "Source:"). A label stays in the text but the block's content starts after it, so no
// claim begins with "Details:".

export interface LabelMatch {
  /** Canonical label, without its colon: "Details", "Source". */
  label: string;
  /** Offset just past "Label: " in the matched text. */
  contentOffset: number;
  /** True when the text is the label alone ("Background:"): it introduces the blocks below it. */
  labelOnly: boolean;
  /** A "Source:" line names who the following paragraphs come from. */
  isSource: boolean;
}

const CONTENT_LABELS = [
  "Details",
  "Quote",
  "Quotes",
  "Background",
  "Context",
  "Reminder",
  "Recap",
  "Update",
  "Summary",
  "Key points",
  "Key facts",
  "Highlights",
  "What happened",
  "What we know",
  "Why it matters",
  "Big picture",
  "The big picture",
  "What's next",
  "What’s next",
  "What they're saying",
  "What they’re saying",
  "Between the lines",
  "By the numbers",
  "Driving the news",
  "Flashback",
  "Bottom line",
  "The bottom line",
  "Reality check",
  "Zoom in",
  "Zoom out",
  "Yes, but",
  "For the record",
  "Prehistory",
  "Timeline",
  "Reaction",
];
const SOURCE_LABELS = ["Source", "Sources"];

const CANONICAL = new Map<string, string>();
for (const label of [...CONTENT_LABELS, ...SOURCE_LABELS]) CANONICAL.set(label.toLowerCase(), label);

// Up to four words before the colon; the lookup below decides whether it is a known label.
const LABEL_RE = /^([A-Za-z][A-Za-z'’,]*(?: [A-Za-z'’,]+){0,3})\s*:(?:\s+|$)/;

export function matchLabel(text: string): LabelMatch | null {
  const m = LABEL_RE.exec(text.slice(0, 60));
  if (!m) return null;
  const label = CANONICAL.get(m[1]!.toLowerCase());
  if (!label) return null;
  const contentOffset = m[0].length;
  return {
    label,
    contentOffset,
    labelOnly: text.slice(contentOffset).trim().length === 0,
    isSource: SOURCE_LABELS.includes(label),
  };
}

/** A live blog's entry time, set in bold before the entry: "11:42", "10:50 GMT", "9.15am". */
export const TIME_STAMP = /^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$/i;

/** "**Update, 18:32 CEST:**" style lead-ins from markup: a short bold run ending in a colon. */
export function leadInLabel(lead: string): string | null {
  const t = lead.trim();
  // A live blog's bold time stamp: "**11:42** — The Met Office has …".
  if (TIME_STAMP.test(t)) return t;
  if (!t.endsWith(":") || t.length > 60) return null;
  const words = t.split(/\s+/).length;
  return words <= 6 ? t.slice(0, -1).trim() : null;
}
