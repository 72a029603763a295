// Word and punctuation tokens with their offsets into the article text.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index in the array it belongs to. */
  i: number;
}

// Words keep internal apostrophes, hyphens, periods ("U.S.", "4.25") and digit-group commas ("3,000").
// Every alternative consumes at least one character and the inner group needs a separator, so matching is linear.
const TOKEN_RE = /[\p{L}\p{N}]+(?:(?:['’\-.&]|,(?=\d{3}))[\p{L}\p{N}]+)*\.?|''|``|[^\s\p{L}\p{N}]/gu;

/** Tokenizes `text.slice(start, end)`; offsets are absolute. A trailing period stays on a word only for abbreviations. */
export function tokenize(text: string, start: number, end: number, isAbbreviation: (word: string) => boolean): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = start;
  const slice = end;
  for (let m = TOKEN_RE.exec(text); m && m.index < slice; m = TOKEN_RE.exec(text)) {
    let s = m[0];
    let e = m.index + s.length;
    if (e > slice) {
      s = s.slice(0, slice - m.index);
      e = slice;
    }
    // A single capital with a period is an initial only when a name follows ("Donald J. Trump"), not "on X.".
    const initialEndsSentence = /^\p{Lu}\.$/u.test(s) && !/^ \p{Lu}/u.test(text.slice(e, e + 2));
    // "No. 10" is an abbreviation; "Ruiz said no." ends a sentence.
    const answerNo = /^no\.$/i.test(s) && !/^\s*\d/.test(text.slice(e, e + 3));
    if (s.length > 1 && s.endsWith(".") && (!isAbbreviation(s.slice(0, -1)) || initialEndsSentence || answerNo)) {
      out.push(mk(s.slice(0, -1), m.index, e - 1, out.length));
      out.push(mk(".", e - 1, e, out.length));
      continue;
    }
    out.push(mk(s, m.index, e, out.length));
  }
  return out;
}

function mk(text: string, start: number, end: number, i: number): Token {
  const lower = text.toLowerCase();
  return { text, lower: lower.includes("’") ? lower.replace(/’/g, "'") : lower, start, end, i };
}

export const isCapitalized = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};
export const isOpenQuote = (c: string): boolean => c === "“" || c === "«" || c === "„";
export const isCloseQuote = (c: string): boolean => c === "”" || c === "»";
