// Time and modality: each rendered draft becomes a claim with its certainty and polarity (modality.ts), its time
// (its own, else its sentence's, its frame's or the sentence before's in the paragraph; time.ts), its entities,
// attribution and id.
import type { Claim } from "../../schemas/claim.ts";
import type { ArticleDocument, Block } from "../reading/document.ts";
import { kindOfCue } from "./lexicon/cues.ts";
import { isPastForm } from "./lexicon/verbs.ts";
import { certaintyOf, polarityOf } from "./modality.ts";
import { ASIDES, type Draft, type RenderedDraft, type Sentence } from "./model.ts";
import { type NameBook, runsOf } from "./names.ts";
import { isPredicate, verbBase } from "./pos.ts";
import { QUOTE_CHARS } from "./render.ts";
import { clockTime, mentionsTime, referenceDay, resolveTime } from "./time.ts";

/** What the claims take from the article besides its drafts. */
export interface ArticleFacts {
  text: string;
  /** The names the article uses, for each claim's entities. */
  names: NameBook;
  /** A wire service credited in a dateline ("LONDON (Reuters) -"), when it is not the outlet itself. */
  wire: string | null;
}

/** An ordinal closing a clause: "in the second", its noun left out. */
const CLOSING_ORDINAL = /\b(?:first|second|third|fourth|last)$/i;

/**
 * `unit` put after an ordinal whose noun is left out at the end of `text` (before one closing `.`, `,` or `;`);
 * `text` itself when it ends otherwise. The end is found by trimming, not by a pattern: a lookahead over
 * trailing spaces would be tried at every position of a long clause.
 */
function withElidedUnit(text: string, unit: string): string {
  let end = text.trimEnd().length;
  if (end > 0 && ".,;".includes(text[end - 1]!)) end = text.slice(0, end - 1).trimEnd().length;
  if (!CLOSING_ORDINAL.test(text.slice(0, end))) return text;
  return `${text.slice(0, end)} ${unit}${text.slice(end)}`;
}

/** The time a sentence names outside all of its claims: in its frame ("ruled on Tuesday"). */
function frameTime(
  articleText: string,
  s: Sentence,
  claims: Map<Sentence, Array<[number, number]>>,
  ref: ReturnType<typeof referenceDay>,
): ReturnType<typeof resolveTime> {
  // The gaps between the sentence's claims, in order, with a space where each claim stood.
  const spans = [...(claims.get(s) ?? [])].sort((x, y) => x[0] - y[0]);
  let at = s.tokens[0]!.start;
  let text = "";
  for (const [a, b] of spans) {
    if (a > at) text += `${articleText.slice(at, a)} `;
    at = Math.max(at, b);
  }
  text += articleText.slice(at, Math.max(at, s.tokens.at(-1)!.end));
  return text.trim().length > 2 && mentionsTime(text) ? resolveTime(text, ref) : null;
}

/**
 * Whether a clause can be about a time borrowed from the sentence before: not a past-tense clause about a future
 * time ("… would file early next year. The company did not disclose the price."), nor a "will" about a past one.
 */
function tenseFits(d: Draft, time: { start: string; end: string }, today: string | null): boolean {
  if (!today) return true;
  const { sentence: s, clause } = d;
  const first = clause.idx.find((i) => isPredicate(s.tags[i]));
  if (first === undefined) return true;
  const w = s.tokens[first]!.lower;
  if (/^(?:will|shall)$/.test(w) || w === "'ll") return time.end >= today;
  const past = /^(?:did|was|were|had)$/.test(w) || (s.tags[first] === "verb" && isPastForm(w));
  return !past || time.start <= today;
}

function isPresentTense(d: Draft): boolean {
  const { sentence: s, clause } = d;
  const first = clause.idx.find((i) => isPredicate(s.tags[i]));
  if (first === undefined) return false;
  const w = s.tokens[first]!.lower;
  if (/^(?:is|are|am|has|have|does|do)$/.test(w)) return true;
  if (s.tags[first] !== "verb") return false;
  // "they oppose the plan": a base form after its subject (not an infinitive, not an imperative).
  const before = s.tokens[first - 1]?.lower ?? "";
  const pluralSubject = /^(?:they|we|i|you)$/.test(before) || (s.tags[first - 1] === "word" && /[^s]s$/.test(before));
  const base = verbBase(w) === w && first !== clause.idx[0] && pluralSubject && !isPastForm(w);
  return base || (/[^s]s$/.test(w) && verbBase(w) !== w);
}

/** The rendered drafts as claims, in order, without repeats (the same words from the same speaker). */
export function toClaims(
  rendered: readonly RenderedDraft[],
  article: ArticleFacts,
  doc: ArticleDocument,
  articleId: string,
): Claim[] {
  const ref = referenceDay(doc.publishedAt);
  const today = doc.publishedAt?.slice(0, 10) ?? null;
  const seen = new Set<string>();
  const claims: Claim[] = [];
  const sentenceTime = new Map<Sentence, NonNullable<ReturnType<typeof resolveTime>>>();
  // The words of each sentence that no claim holds: its frame ("…, a judge ruled on Tuesday").
  const claimSpans = new Map<Sentence, Array<[number, number]>>();
  for (const { d, r } of rendered)
    claimSpans.set(d.sentence, [...(claimSpans.get(d.sentence) ?? []), [r.start, r.end]]);
  // Lifted relative clauses, appositives and remarks speak of their own times, not of their sentence's.
  const backgroundSpans = new Map<Sentence, Array<[number, number]>>();
  for (const { d, r } of rendered) {
    if (!ASIDES.has(d.clause.kind)) continue;
    const spans = backgroundSpans.get(d.sentence) ?? [];
    spans.push([r.start, r.end]);
    backgroundSpans.set(d.sentence, spans);
  }
  // A clause without a time of its own is about the time of an earlier clause of its sentence, or of the
  // sentence before it in the same paragraph.
  let lastTime: { block: Block; sentence: Sentence; time: NonNullable<ReturnType<typeof resolveTime>> } | null = null;
  for (const { d, r } of rendered) {
    const key = `${d.speaker?.name ?? ""}|${r.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The month "May" is not the modal "may".
    const words = r.text
      .replace(/\b(?<=(?:in|since|by|of|until|from|early|late|mid|last|next|this)\s)May\b|\bMay(?=\s+\d)/g, "MONTH")
      .toLowerCase()
      .replace(QUOTE_CHARS, "")
      .replace(/([,;:])/g, " $1 ")
      .split(/\s+/)
      .filter(Boolean);
    const certainty = certaintyOf(words, d.hedgedByCue ? d.cueBase : null);
    const polarity = d.negatedByCue ? "negative" : polarityOf(words, null);
    const quote = article.text.slice(r.start, r.end);
    // "Rosa Diaz, who opposed the lanes in 2019, now supports them": the lifted clause's time is not the claim's.
    let own = quote;
    for (const [a, b] of backgroundSpans.get(d.sentence) ?? [])
      if (a >= r.start && b <= r.end && !(a === r.start && b === r.end))
        own = own.slice(0, a - r.start) + " ".repeat(b - a) + own.slice(b - r.start);
    // A clause that copies its subject and verb from the sentence ("Council will vote Monday on a fund | for
    // those in hospital") is about the time those words name, before any of its own.
    if (d.clause.prefix) own = `${d.clause.prefix} ${own}`;
    let time = mentionsTime(own) ? resolveTime(own, ref) : null;
    // "…by 0.3% in the third quarter, after 0.1% in the second": an ordinal on its own takes the unit of the
    // time its sentence names.
    const unit = sentenceTime.get(d.sentence)?.text.match(/\b(quarter|half|week)\b/i)?.[1];
    if (!time && unit) {
      const elided = withElidedUnit(own, unit.toLowerCase());
      if (elided !== own) time = resolveTime(elided, ref);
    }
    // Background lifted out of a sentence ("Acme, which employs 15,000 people, …") keeps no borrowed time.
    // So does a clause in the present tense ("… opened in 1952 and still serves breakfast").
    const background = ASIDES.has(d.clause.kind) || isPresentTense(d);
    if (time && !sentenceTime.has(d.sentence)) sentenceTime.set(d.sentence, time);
    else if (!time && !background) {
      // An earlier clause of the same sentence that names its time, the time its frame names ("…, a judge ruled on
      // Tuesday"), else the sentence before in the paragraph.
      time = sentenceTime.get(d.sentence) ?? frameTime(article.text, d.sentence, claimSpans, ref);
      if (
        !time &&
        lastTime &&
        lastTime.block === d.block &&
        lastTime.sentence !== d.sentence &&
        tenseFits(d, lastTime.time, today)
      )
        time = lastTime.time;
      // "The span gave way at about 5:40 a.m.": a time of day alone is of the day the article reports.
      time ??= clockTime(own, ref);
      if (time) sentenceTime.set(d.sentence, time);
    }
    if (time && !background) lastTime = { block: d.block, sentence: d.sentence, time };
    const speaker = d.speaker;
    const ordinal = claims.length;
    claims.push({
      id: `${articleId}-c${String(ordinal).padStart(4, "0")}`,
      ordinal,
      text: r.text,
      evidence: { quote, start: r.start, end: r.end },
      attribution: {
        speaker: speaker?.name ?? null,
        speakerType: speaker?.type ?? null,
        cue: speaker ? d.cue : null,
        kind: speaker ? kindOfCue(d.cue) : "statement",
        via: speaker ? dedupe(d.via) : [],
        // A story credited to a wire service ("LONDON (Reuters) -") reached the outlet through it.
        reportedBy: speaker ? (speaker.reportedBy ?? article.wire) : null,
        anonymous: speaker?.anonymous ?? false,
      },
      certainty,
      polarity,
      time,
      entities: entitiesOf(article.names, d),
    });
  }
  return claims;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

function entitiesOf(names: NameBook, d: Draft) {
  const idx = d.clause.idx;
  // A copied subject ("The coalition … is led by …") comes from earlier in the same sentence.
  const from = d.clause.prefix ? 0 : idx[0]!;
  return names.entitiesOfRuns(runsOf(d.sentence), from, idx.at(-1)! + 1);
}
