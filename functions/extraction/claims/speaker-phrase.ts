// Noun phrases that can be a speaker ("Senator Paul Hart", "people familiar with the matter", "the ministry's
// spokesman, who …,") and the appositives and noun-like verb forms inside them.

import { SPEAKER_OPENERS } from "./lexicon/speaker-nouns.ts";
import { WEEKDAYS } from "./lexicon/time-words.ts";
import { isPastForm } from "./lexicon/verbs.ts";
import type { Range, Sentence } from "./model.ts";
import { isPredicate, verbBase } from "./pos.ts";

/** Quotation marks as tokens. */
export const STRAIGHT_OR_CURLY = /^(?:["“”«»‘’]|''|``)$/;

const BETWEEN_SPEAKER_AND_CUE = new Set([
  "also",
  "then",
  "now",
  "later",
  "previously",
  "earlier",
  "has",
  "have",
  "had",
  "will",
  "would",
  "again",
  "once",
  "repeatedly",
  "recently",
  "separately",
  "further",
  "publicly",
  "privately",
  "immediately",
  "quickly",
  "reportedly",
  "initially",
  "last",
  "week",
  "month",
  "year",
  "yesterday",
  "today",
  "on",
  ...Object.keys(WEEKDAYS),
  "in",
  "a",
  "an",
  "statement",
  "separate",
  "written",
  "has",
  "is",
  "are",
  "was",
  "were",
  "been",
]);
/** A noun phrase that can be a speaker: short, no predicate outside its appositives, no quotation. */
export function speakerPhrase(
  s: Sentence,
  from: number,
  to: number,
  /** After the cue ("…, said lead author Dr Melissa Lane"): words that look like verbs are titles. */
  inverted = false,
  /** A bare plural may be the speaker ("listeners said"); not after a comma ("…, potent chemicals found in"). */
  barePlurals = true,
): { speaker: Range; appositives: Range[]; text: string } | null {
  // "Gingrich cynically said": an adverb between the speaker and the cue is not part of the speaker.
  while (to - from > 1 && s.tags[to - 1] === "adv") to--;
  while (to > from && BETWEEN_SPEAKER_AND_CUE.has(s.tokens[to - 1]!.lower) && to - from > 1) {
    // "Zelenskyy also said", "the office has said", "X said on Friday" are trimmed to the noun phrase.
    const w = s.tokens[to - 1]!.lower;
    if (["a", "an", "in", "on", "statement", "separate", "written"].includes(w)) break;
    to--;
  }
  // "Sanders on Tuesday said": the time goes, and so does the preposition it leaves behind.
  while (to - from > 1 && /^(?:on|in|at)$/.test(s.tokens[to - 1]!.lower)) to--;
  // "A study published [on Wednesday] found": the participle left behind goes too.
  if (to - from > 2 && s.tags[to - 1] === "verb" && /ed$/.test(s.tokens[to - 1]!.lower) && s.tags[to - 2] === "word")
    to--;
  // "Even China, …, said": a focus adverb is not part of the speaker.
  while (to - from > 1 && /^(?:even|only|also|now)$/.test(s.tokens[from]!.lower)) from++;
  // "sources who reviewed them told POLITICO": a short restrictive relative clause narrows the speaker.
  for (let k = from + 1; k < to && k <= from + 6; k++) {
    if (s.tokens[k]!.lower !== "who" || s.tokens[k - 1]!.text === "," || s.quoted[k]) continue;
    if (to - k <= 10 && !s.tokens.slice(k, to).some((t) => t.text === ",")) to = k;
    break;
  }
  if (to <= from || s.tags[to - 1] === "conj") return null;
  const appositives: Range[] = [];
  const kept: number[] = [];
  let i = from;
  while (i < to) {
    const t = s.tokens[i]!;
    if (t.text === ",") {
      // The comma that closes the last appositive, right before the cue.
      if (i === to - 1 && appositives.length) {
        i++;
        continue;
      }
      // An appositive runs to the next comma inside the phrase: ", who represented the families,"; several may
      // follow each other (", a developer and spokeswoman for X, which is made up of …,").
      let j = i + 1;
      while (j < to && s.tokens[j]!.text !== ",") j++;
      if (j >= to || !isAppositive(s, i + 1, j)) return null;
      appositives.push({ from: i + 1, to: j });
      i = j;
      continue;
    }
    kept.push(i);
    i++;
  }
  if (!kept.length || kept.length > 16) return null;
  const first = s.tokens[kept[0]!]!;
  const firstTag = s.tags[kept[0]!];
  if (
    firstTag === "prep" ||
    firstTag === "sub" ||
    firstTag === "conj" ||
    firstTag === "punct" ||
    firstTag === "verb-ing"
  )
    return null;
  if (kept.some((k) => s.tokens[k]!.text === ":" || s.tokens[k]!.text === ";")) return null;
  const named = kept.some((k) => /^\p{Lu}/u.test(s.tokens[k]!.text));
  // A bare plural ("listeners said", "local residents say") names a group.
  const head = s.tokens[kept.at(-1)!]!.text;
  const barePlural =
    kept.length <= 3 &&
    firstTag === "word" &&
    /^[a-z-]+[^s]s$/.test(head) &&
    (barePlurals || /(?:ers|ors|ists|ants|ents|ians|experts|officials|people|sources|members|leaders)$/.test(head));
  const opener = SPEAKER_OPENERS.has(first.lower) || barePlural || (firstTag === "verb" && nounLikeVerb(s, kept[0]!));
  if (!(firstTag === "propn" || firstTag === "num" || named || opener)) return null;
  for (const k of kept) {
    // (An unquoted ’ is an apostrophe: "the drivers’ union".)
    if (s.quoted[k] || (STRAIGHT_OR_CURLY.test(s.tokens[k]!.text) && s.tokens[k]!.text !== "’")) return null;
    const tag = s.tags[k];
    // The phrase's last word right before the cue is its head noun even when it can be a verb ("air force").
    const headBeforeCue = k === kept.at(-1) && tag === "verb" && kept.length > 1;
    const titleWord = inverted && tag === "verb";
    if (
      isPredicate(tag) &&
      !headBeforeCue &&
      !titleWord &&
      !nounLikeVerb(s, k) &&
      !/^(?:has|have|had|will|would)$/.test(s.tokens[k]!.lower)
    ) {
      // A capitalised "verb" inside a name ("Homes", "Leads") is still part of the name.
      if (!/^\p{Lu}/u.test(s.tokens[k]!.text)) return null;
    }
    if (tag === "sub" && s.tokens[k]!.lower !== "that") return null;
    if (s.tokens[k]!.lower === "that") return null;
  }
  // "David Axelrod on Twitter", "the Security Council on Friday": a trailing time or channel is not the speaker.
  const text = kept
    .map((k) => s.tokens[k]!.text)
    .join(" ")
    .replace(TRAILING_CIRCUMSTANCE, "")
    .replace(/ (['’])(?= |$)/g, "$1");
  if (!text) return null;
  return { speaker: { from: kept[0]!, to: kept.at(-1)! + 1 }, appositives, text };
}

// recheck: run on at most 16 tokens joined by single spaces, so at most 15 attempts, each reading the text once.
const TRAILING_CIRCUMSTANCE =
  /\s+(?:on|in|at|during|via|late|early|last|this)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|x|twitter|facebook|instagram|telegram|tiktok|youtube|linkedin|television|tv|radio|podcast|interview|statement|briefing|speech|post|video|tweet|email|letter|call|conference|press conference|rally|hearing)\b.*)$/i;

/** ", who represented the families,", ", sitting in Leeds,", ", a lawyer for the families,". */
export function isAppositive(s: Sentence, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 24) return false;
  const first = s.tokens[from]!;
  if (s.tokens.slice(from, to).some((t, k) => s.quoted[from + k] || /^[-–—"“”]$/.test(t.text))) return false;
  const tag = s.tags[from];
  if (
    /^(?:who|which|whose|a|an|the|one|himself|herself)$/.test(first.lower) ||
    tag === "verb-ing" ||
    (tag === "verb" && /ed$/.test(first.lower))
  ) {
    return true;
  }
  // "director of the Institute …", "Oklahoma's attorney general": a description without a verb of its own.
  return !s.tags.slice(from, to).some((t, k) => isPredicate(t) && !nounLikeVerb(s, from + k));
}

/**
 * Inside a noun phrase, a bare verb form after a modifier is a noun ("campaign manager", "a later press gaggle",
 * "its only ally", "top lawmakers", "elected officials"); only a pronoun subject ("they press") makes it a verb.
 */
export function nounLikeVerb(s: Sentence, k: number): boolean {
  if (s.tags[k] !== "verb") return false;
  const w = s.tokens[k]!.lower;
  const prev = s.tokens[k - 1]?.lower ?? "";
  if (/^(?:they|we|i|you|who|which|that)$/.test(prev)) return false;
  // A participle before a noun is an adjective: "elected officials", "retired generals", "unnamed sources".
  // After a noun and before a preposition it shortens a relative clause: "a poll released in late August",
  // "research conducted by the Center …".
  if (isPastForm(w)) {
    const before = s.tags[k - 1] ?? "punct";
    if (s.tags[k + 1] === "word" && !/^(?:word|propn|pron|verb|aux|modal)$/.test(before)) return true;
    // "retired Air Force general Lloyd Newton", right after a quotation or a comma.
    if (s.tags[k + 1] === "propn" && (before === "punct" || before === "det")) return true;
    return /ed$|en$/.test(w) && /^(?:word|propn)$/.test(s.tags[k - 1] ?? "") && s.tags[k + 1] === "prep";
  }
  return verbBase(w) === w;
}
