// Render: each draft as its claim's text (the clause's words, the subject it needs to stand alone, a leading pronoun
// replaced by who it stands for, quotation marks cut off from their partner dropped) and its evidence span. Drafts
// that do not state anything (fewer than three words, no predicate, an imperative) make no claim.
import type { Draft, RenderedDraft } from "./model.ts";
import { isPredicate, verbBase } from "./pos.ts";
import type { ShortReferences } from "./references.ts";

export const QUOTE_CHARS = /''|``|["“”«»]/g;
// ‘ and ’ quote only at a word's edge and only where a ‘ opens: not in don’t, Haigh’s or the drivers’ union.
const SINGLE_QUOTE_CHARS = /''|``|["“”«»]|(?<![\p{L}\p{N}])‘|’(?![\p{L}\p{N}])/gu;
const quoteChars = (t: string): RegExp => (t.includes("‘") ? SINGLE_QUOTE_CHARS : QUOTE_CHARS);

function render(articleText: string, references: ShortReferences, d: Draft): RenderedDraft["r"] | null {
  const { sentence: s, clause } = d;
  let idx = clause.idx;
  // Evidence never starts or ends on punctuation other than quotation marks.
  while (idx.length && /^[,;:—–-]$/.test(s.tokens[idx[0]!]!.text)) idx = idx.slice(1);
  while (idx.length && /^[,;:—–(-]$/.test(s.tokens[idx.at(-1)!]!.text)) idx = idx.slice(0, -1);
  if (!idx.length) return null;
  let body = "";
  for (let k = 0; k < idx.length; k++) {
    const t = s.tokens[idx[k]!]!;
    if (clause.insert && clause.insert.at === k) body += ` ${clause.insert.word}`;
    if (k > 0) {
      const prev = s.tokens[idx[k - 1]!]!;
      body += idx[k - 1]! + 1 === idx[k]! ? articleText.slice(prev.end, t.start).replace(/\s+/g, " ") : " ";
    }
    body += k === 0 && clause.replaceFirst && idx[0] === clause.idx[0] ? clause.replaceFirst : t.text;
  }
  const start = s.tokens[idx[0]!]!.start;
  const end = s.tokens[idx.at(-1)!]!.end;
  // "… discovered that A and that B": the second "that" is a complementizer, not a determiner.
  if ((clause.opener === "and" || clause.opener === "but") && s.tokens[idx[0]!]!.lower === "that")
    body = body.replace(/^that\s+/i, "");
  let text = [clause.kind === "cause" ? causeOpener(body) : "", clause.prefix, clause.link, body]
    .filter(Boolean)
    .join(" ");
  text = tidy(text);
  text = resolveLeadingPronoun(text, d.referent);
  // "The coalition has not met since March" → "The coalition of the willing has not met …" (not inside a quote).
  if (!s.quoted[idx[0]!]) text = references.expand(text, start);
  if (!text) return null;
  return { text, start, end };
}

function causeOpener(body: string): string {
  const head =
    body
      .replace(QUOTE_CHARS, "")
      .trim()
      .split(/(?<!\s)\s+(?:over|of|about|in|for|from|to|with|on)\s+/i)[0] ?? "";
  return /[^s]s$/i.test(head.trim().split(/\s+/).at(-1) ?? "") ? "There were" : "There was";
}

function tidy(raw: string): string {
  let t = raw.replace(/\s+/g, " ").trim();
  t = t.replace(/^[\s•·*▪●◦‣,;:—–-]+|(?<![\s,;:—–-])[\s,;:—–-]+$/g, "");
  t = t.replace(
    /^(?:and|but|so|however|meanwhile|still|also|moreover|furthermore|in addition|instead|indeed|of course),?\s+/i,
    "",
  );
  const marks = t.match(quoteChars(t))?.length ?? 0;
  // A quotation mark cut off from its partner reads as noise.
  if (marks % 2 === 1 || /^(?:["“«‘]|''|``)[^"“”«»]*(?:["”»’]|'')$/.test(t)) t = t.replace(quoteChars(t), "");
  t = t
    .replace(/(?<!\s)\s+([,.;:!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  t = t.replace(/(?<![,;:])[,;:]+$/, "").trim();
  if (t && /^\p{Ll}/u.test(t)) t = t[0]!.toUpperCase() + t.slice(1);
  return t;
}

/** "He pressed for …" → "Volodymyr Zelenskyy pressed for …", with the referent fixed when the clause was read. */
function resolveLeadingPronoun(text: string, referent: string | null): string {
  const m = text.match(/^(He|She|They|It)\s/);
  if (!m || !referent || /^unidentified/.test(referent)) return text;
  // A description stands as a noun phrase: "He waved" → "The senator waved", not "senator waved".
  const subject = /^\p{Ll}/u.test(referent) ? `The ${referent}` : referent;
  return `${subject}${text.slice(m[1]!.length)}`;
}

/**
 * "Try our pancakes!", "Sign up for the newsletter": an imperative in the article's own voice is a promo. So is a
 * signpost to the reader ("Here is what it means for you.", "Here's how to apply.").
 */
function isImperative(d: Draft): boolean {
  const { sentence: s, clause } = d;
  if (d.speaker || clause.prefix || clause.idx[0] !== 0 || s.quoted[0]) return false;
  const opening = s.tokens
    .slice(0, 4)
    .map((t) => t.lower)
    .join(" ");
  if (/^here(?:'s| is| are) (?:what|how|why|everything|all)\b/.test(opening)) return true;
  const first = s.tokens[0]!.lower;
  if (s.tags[0] !== "verb" || verbBase(first) !== first) return false;
  return !clause.idx.slice(1).some((i) => isPredicate(s.tags[i]));
}

/**
 * What the outlet says to its readers about its own coverage makes no claim: a live blog's "We're following …",
 * "We'll bring you that live", "That's where we'll leave our coverage", an interview's "The interview has been
 * edited for length and clarity", a wire notice in capitals ("NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION …").
 */
// recheck: each runs on one sentence's first 200 characters.
const TO_THE_READER = [
  /^(?:and\s+)?we(?:['’]ll|['’]re|['’]ve been| will| are| have been)?\s+(?:now\s+|also\s+)?(?:leave|leaving|bring(?:ing)? you|be back|be bringing|following|follow(?:ing)? the|keep(?:ing)? you|updat(?:e|ing) this|continu(?:e|ing) (?:to follow|our coverage)|paus(?:e|ing) (?:our|the|this))\b/i,
  /^(?:that['’]s|that is|this is)\s+(?:where|all|it)\b.{0,60}\b(?:coverage|live|blog|updates)\b/i,
  /\b(?:has|have)\s+been\s+(?:lightly\s+)?(?:edited|condensed)\b.{0,40}\b(?:length|clarity)\b/i,
  /^this\s+(?:story|article|post|page|blog)\s+(?:has\s+been|was|will\s+be)\s+updated\b/i,
  /^this\s+(?:transcript|interview|recording)\s+(?:may|might|could)\s+contain\s+errors\b/i,
];
/** Greetings and sign-offs, whoever says them: "Good morning and welcome to …", "Ana Ruiz, thank you both." */
// recheck: each runs on one sentence's first 200 characters.
const COURTESIES = [
  /^(?:good\s+(?:morning|afternoon|evening)|welcome\s+(?:to|back)|(?:hello|hi)\b(?!-))/i,
  /^(?:[^.!?]{0,60},\s*)?thank(?:s|\s+you)(?:\s+(?:both|all|so\s+much|very\s+much|for\s+(?:joining|being|having|your\s+time)[^.!?]{0,40}))?\s*[.!]?$/i,
];

function isToTheReader(articleText: string, d: Draft): boolean {
  const { sentence: s, clause } = d;
  if (!s.tokens.length) return false;
  const text = articleText.slice(s.tokens[0]!.start, Math.min(s.tokens.at(-1)!.end, s.tokens[0]!.start + 200));
  if (clause.idx[0] === 0 && COURTESIES.some((re) => re.test(text))) return true;
  if (d.speaker || s.quoted[0]) return false;
  // A sentence in capitals is a notice or a heading, not a statement (none of its clauses).
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 20 && !/\p{Ll}/u.test(letters) && s.tokens.length >= 6) return true;
  return clause.idx[0] === 0 && TO_THE_READER.some((re) => re.test(text));
}

function hasPredicate(d: Draft): boolean {
  const { sentence: s, clause } = d;
  if (clause.kind === "cause" || clause.kind === "absolute" || clause.link !== "" || clause.verbInPrefix) return true;
  // "Vote: 5-4, after a 4-4-1 first round": a label and a value, not a statement.
  const colon = clause.idx.findIndex((i) => s.tokens[i]!.text === ":");
  const from = colon > 0 && colon <= 3 ? colon + 1 : 0;
  return clause.idx.slice(from).some((i) => isPredicate(s.tags[i]) || (s.tags[i] === "verb-ing" && from === 0));
}

/** The drafts that make claims, rendered, in the order of their evidence in the text. */
export function renderDrafts(
  articleText: string,
  references: ShortReferences,
  drafts: readonly Draft[],
): RenderedDraft[] {
  return drafts
    .map((d) => ({ d, r: render(articleText, references, d) }))
    .filter((x): x is RenderedDraft => x.r !== null)
    .filter(
      ({ d, r }) =>
        r.text.split(/\s+/).length >= 3 && hasPredicate(d) && !isImperative(d) && !isToTheReader(articleText, d),
    )
    .sort((a, b) => a.r.start - b.r.start || a.r.end - b.r.end);
}
