// Sentences and quotations inside one block of the article.
import { ABBREVIATIONS } from "./lexicon/abbreviations.ts";
import type { Sentence } from "./model.ts";
import { tagTokens } from "./pos.ts";
import { isCloseQuote, isOpenQuote, type Token, tokenize } from "./tokens.ts";

export interface Span {
  start: number;
  end: number;
}

export const isAbbreviation = (word: string): boolean =>
  ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);

export const MAX_SENTENCE_TOKENS = 160;
const SENTENCE_END = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "”", "’", ")", "]", "»", "'"]);
const DOTTED_CAPS = /^(?:\p{Lu}\.)+$/u;
const TIME_OF_DAY = /^[ap]\.m\.$/i;
/** "we’ll" → "we". */
const withoutContraction = (word: string): string => {
  const cut = word.search(/['’]/);
  return cut < 0 ? word : word.slice(0, cut);
};
const STARTERS = new Set(["the", "it", "he", "she", "they", "we", "but", "in", "a", "an", "this", "that", "on", "i"]);

/** Quotation spans [open mark, close mark] in text[start, end): curly, guillemets and paired straight quotes. */
export function findQuotes(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let straightOpen = -1;
  // British style quotes with single marks: ‘We will fix the roads,’ she said. An apostrophe (don’t, the boys’)
  // closes nothing unless a ‘ opened at a word's start is pending.
  let singleOpen = -1;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === "‘" && open < 0 && straightOpen < 0 && singleOpen < 0) {
      if ((i === start || /[\s(["“—–-]/.test(text[i - 1]!)) && i + 1 < end && !/\s/.test(text[i + 1]!)) singleOpen = i;
      continue;
    }
    if (c === "’" && singleOpen >= 0 && (i + 1 >= end || /[\s.,;:!?)\]—–-]/.test(text[i + 1]!))) {
      spans.push({ start: singleOpen, end: i + 1 });
      singleOpen = -1;
      continue;
    }
    if (isOpenQuote(c)) {
      if (open < 0) open = i;
    } else if (isCloseQuote(c)) {
      if (open >= 0) {
        spans.push({ start: open, end: i + 1 });
        open = -1;
      } else if (straightOpen >= 0) {
        // Mixed marks ("work-related” emails) still pair up.
        spans.push({ start: straightOpen, end: i + 1 });
        straightOpen = -1;
      }
    } else if (c === '"' || (c === "'" && text[i + 1] === "'") || (c === "`" && text[i + 1] === "`")) {
      // '' and `` stand for a double quotation mark in some wire and newspaper styles.
      if (c !== '"') i++;
      if (straightOpen < 0) straightOpen = c === '"' ? i : i - 1;
      else {
        spans.push({ start: straightOpen, end: i + 1 });
        straightOpen = -1;
      }
    }
  }
  // An opening mark never closed in its paragraph runs to the paragraph's end (news style for multi-paragraph quotes).
  const dangling = open >= 0 ? open : straightOpen;
  if (dangling >= 0) spans.push({ start: dangling, end });
  return spans.sort((a, b) => a.start - b.start);
}

/** Splits tokens into sentences; a sentence also ends at a line break. */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    // No real sentence runs past MAX_SENTENCE_TOKENS; a longer run (a list, a table, garbage) is cut at its
    // punctuation so that every later step stays linear in the article's length.
    let from = 0;
    while (current.length - from > MAX_SENTENCE_TOKENS) {
      let cut = from + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > from + MAX_SENTENCE_TOKENS / 2; k--) {
        if (/^[,;:)\]]$/.test(current[k]!.text)) {
          cut = k + 1;
          break;
        }
      }
      sentences.push(current.slice(from, cut));
      from = cut;
    }
    if (from > 0) current = current.slice(from);
    if (current.length) sentences.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = current.at(-1);
    if (prev && text.slice(prev.end, t.start).includes("\n")) flush();
    current.push(t);
    const next = tokens[i + 1];
    if (!next) break;
    let boundary = false;
    if (t.text === "." && tokens[i + 1]?.text === "." && tokens[i + 2]?.text === ".") {
      // An ellipsis ends a sentence when a new clause follows it, whatever its case.
      i += 2;
      current.push(tokens[i - 1]!, tokens[i]!);
      if (tokens[i + 1] && /^[\p{L}"“]/u.test(tokens[i + 1]!.text)) flush();
      continue;
    }
    if (SENTENCE_END.has(t.text)) {
      // Closing quotes and brackets stay with the sentence they close.
      while (tokens[i + 1] && CLOSERS.has(tokens[i + 1]!.text) && tokens[i + 1]!.start === current.at(-1)!.end) {
        i++;
        current.push(tokens[i]!);
      }
      const after = tokens[i + 1];
      boundary = !!after && /^[\p{Lu}\p{N}"“‘'([«•–—-]/u.test(after.text) && !isDashCredit(text, tokens, i + 1);
    } else if (
      (DOTTED_CAPS.test(t.text) || TIME_OF_DAY.test(t.text)) &&
      STARTERS.has(withoutContraction(next.lower)) &&
      /^\p{Lu}/u.test(next.text)
    ) {
      boundary = true; // "… from the U.S. The next …", "… at 2 p.m. We will …"
    }
    if (boundary) flush();
  }
  flush();
  return sentences;
}

/** "“We will rebuild.” — Governor Ana Ruiz": a dash and a short name closing the line credit the quotation. */
function isDashCredit(text: string, tokens: Token[], at: number): boolean {
  if (!/^[—–-]$/.test(tokens[at]?.text ?? "")) return false;
  let k = at + 1;
  while (k < tokens.length && k - at <= 8 && !text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes("\n")) {
    if (SENTENCE_END.has(tokens[k]!.text)) return false;
    k++;
  }
  const lineEnds = k >= tokens.length || text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes("\n");
  return lineEnds && k - at >= 2 && /^\p{Lu}/u.test(tokens[at + 1]!.text);
}

export function tokenizeSpan(text: string, start: number, end: number): Token[] {
  return tokenize(text, start, end, isAbbreviation);
}

/** A sentence's tokens with their part-of-speech tags and, for each, whether it lies inside a quotation. */
export function makeSentence(tokens: Token[], quotes: Span[]): Sentence {
  // One sweep over tokens and the sorted quotation spans.
  const quoted = new Array<boolean>(tokens.length);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && quotes[q]!.end < t.end) q++;
    const span = quotes[q];
    quoted[i] = !!span && t.start >= span.start && t.end <= span.end;
  }
  return { tokens, tags: tagTokens(tokens), quoted };
}
