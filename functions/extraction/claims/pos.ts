// A small part-of-speech guesser: closed word classes from lists, verbs from a lexicon of common news verbs
// and their inflections, the rest from shape. Enough to find clause boundaries and predicates; not a tagger.
import { CUE_VERBS } from "./lexicon/cues.ts";
import {
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  PREPOSITIONS,
  PRONOUNS,
  SUBORDINATORS,
} from "./lexicon/function-words.ts";
import { TITLES } from "./lexicon/speaker-nouns.ts";
import { MONTHS, WEEKDAYS } from "./lexicon/time-words.ts";
import { IRREGULAR, isPastForm, NEWS_VERBS, sForm, verbForms } from "./lexicon/verbs.ts";
import type { Pos } from "./model.ts";
import { isCapitalized, type Token } from "./tokens.ts";

const VERB_FORMS = verbForms(NEWS_VERBS);

/** Words after which a verb-looking word is a noun ("the report", "a cut", "its plan"). */
export const NOUN_MARKERS = new Set([
  "a",
  "an",
  "the",
  "this",
  "these",
  "those",
  "his",
  "her",
  "its",
  "their",
  "our",
  "my",
  "your",
  "no",
  "every",
  "each",
  "another",
  "any",
  "several",
]);
/** Adjective endings: "editorial", "executive", "economic", "famous", "regulatory", "different". */
const ADJECTIVE = /(?:al|ive|ic|ous|ary|ory|ent|ant|ful|less|ible|able)$/;
/** Nouns with an adjective's ending, often the subject of a verb ("the official cut", "the resident said"). */
const ADJECTIVE_LIKE_NOUNS = new Set(
  `official resident agent participant assistant consultant student defendant applicant tenant rival critic
  arrival approval individual original criminal principal capital hospital animal journal
  referral survival proposal dismissal withdrawal denial trial memorial tribunal cardinal liberal radical
  native relative detective objective initiative collective representative executive incumbent opponent
  patient parent client president government department movement statement agreement investment
  management settlement parliament employment treatment tournament commitment document`.split(/\s+/),
);
/** -ing words that are nouns far more often than verbs. */
const ING_NOUNS = new Set(
  `morning evening building meeting funding thing king spring string ceiling wedding briefing
  hearing ruling warning rating spending training bombing shooting killing landing opening beginning reading
  nothing something anything everything during being clothing housing feeling offering painting setting ending
  wing ring sibling pudding darling ceiling lightning sterling viking`.split(/\s+/),
);
const MODALS = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must"]);
const ADVERBS = new Set(
  `also then now still already just only even again previously later earlier initially recently soon never not
  n't yet once further however meanwhile instead too very well really currently immediately particularly
  especially formally officially reportedly allegedly apparently likely probably perhaps possibly nearly almost
  about around roughly approximately merely simply`.split(/\s+/),
);

// Every verb with irregular forms is a verb too ("spoke", "sat", "fled").
for (const base of Object.keys(IRREGULAR))
  for (const [form, b] of verbForms([base])) if (!VERB_FORMS.has(form)) VERB_FORMS.set(form, b);

export function isVerbForm(lower: string): boolean {
  return VERB_FORMS.has(lower) || CUE_VERBS.has(lower);
}

export function pastTense(base: string): string {
  const irregular = IRREGULAR[base]?.[0];
  if (irregular) return irregular;
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

export const thirdPerson = (base: string): string => (base === "have" ? "has" : sForm(base));

export function verbBase(lower: string): string | undefined {
  return CUE_VERBS.get(lower) ?? VERB_FORMS.get(lower);
}

/** Guesses each token's class from its own shape and its left neighbour. */
export function tagTokens(tokens: Token[]): Pos[] {
  const tags: Pos[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.lower;
    const prev = tags[i - 1];
    let tag: Pos;
    if (!/^[\p{L}\p{N}]/u.test(t.text)) tag = "punct";
    else if (/^\d/.test(w)) tag = "num";
    else if (MODALS.has(w)) tag = "modal";
    else if (AUXILIARIES.has(w) || w.endsWith("n't")) tag = "aux";
    else if (PRONOUNS.has(w) && w !== "that") tag = "pron";
    else if (DETERMINERS.has(w)) tag = "det";
    else if (SUBORDINATORS.has(w)) tag = "sub";
    else if (PREPOSITIONS.has(w)) tag = "prep";
    else if (CONJUNCTIONS.has(w)) tag = "conj";
    else if (ADVERBS.has(w) || (w.endsWith("ly") && w.length > 4 && !isVerbForm(w) && !(i > 0 && isCapitalized(t))))
      tag = "adv";
    else if (isCapitalized(t) && (i > 0 || MONTHS[w] !== undefined || WEEKDAYS[w] !== undefined)) tag = "propn";
    else if (
      isVerbForm(w) &&
      !(NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "") || prev === "num" || /'s$/.test(tokens[i - 1]?.lower ?? "")) &&
      // "secretary of state", "a lack of control": a bare verb form after a preposition is a noun.
      !(prev === "prep" && tokens[i - 1]!.lower !== "to" && VERB_FORMS.get(w) === w)
    )
      tag = w.endsWith("ing") ? "verb-ing" : "verb";
    else if (/^[a-z]+ed$/.test(w) && w.length > 4 && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "")) tag = "verb";
    else if (/^[a-z]{3,}ing$/.test(w) && !ING_NOUNS.has(w) && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? ""))
      tag = "verb-ing";
    else tag = "word";
    tags.push(tag);
  }
  // "on elderly and disabled voters", "the sick and wounded soldiers": a participle coordinated with a modifier
  // inside a noun phrase is an adjective, not a second predicate.
  for (let i = 3; i + 1 < tags.length; i++) {
    if (tags[i] !== "verb" || !/ed$/.test(tokens[i]!.lower) || tags[i + 1] !== "word") continue;
    if (!/^(?:and|or)$/.test(tokens[i - 1]!.lower) || !/^(?:word|adv)$/.test(tags[i - 2] ?? "")) continue;
    if (tags[i - 3] === "prep" || tags[i - 3] === "det") tags[i] = "word";
  }
  // "Transport Secretary Louise Hay said": a capitalised first word before a capitalised name is part of it.
  if (tags[0] === "verb" && isCapitalized(tokens[0]!) && tags[1] === "propn" && tags[2] === "propn") tags[0] = "propn";
  // "Federal and state officials said": after a conjunction or determiner and before a noun and a verb, a
  // verb-looking word is an adjective.
  for (let i = 1; i + 2 < tags.length; i++) {
    if (tags[i] !== "verb" || tags[i + 1] !== "word" || !isPredicate(tags[i + 2])) continue;
    const prev = tokens[i - 1]!.lower;
    // (Only a base form: "and said ministers had …" keeps its verb.)
    const w = tokens[i]!.lower;
    if ((tags[i - 1] === "conj" || NOUN_MARKERS.has(prev)) && !/ed$/.test(w) && VERB_FORMS.get(w) === w)
      tags[i] = "word";
  }
  // "an economist and tax expert", "editorial board", "professional conduct": a bare verb form that modifies or
  // heads a noun phrase, after a noun and "and" or after an adjective, is a noun.
  for (let i = 1; i < tags.length; i++) {
    if (tags[i] !== "verb" || VERB_FORMS.get(tokens[i]!.lower) !== tokens[i]!.lower) continue;
    const afterNounAnd = tags[i - 1] === "conj" && tags[i - 2] === "word" && tags[i + 1] === "word";
    const prevWord = tokens[i - 1]!.lower;
    const afterAdjective =
      tags[i - 1] === "word" &&
      ADJECTIVE.test(prevWord) &&
      !TITLES.has(prevWord) &&
      !ADJECTIVE_LIKE_NOUNS.has(prevWord);
    if (afterNounAnd || afterAdjective) tags[i] = "word";
  }
  // "it underscores", "they reckoned": after a subject pronoun an unknown -s or -ed word is a verb.
  for (let i = 1; i < tags.length; i++) {
    if (tags[i] !== "word" || !/^(?:he|she|it|they|we|i|you|who)$/.test(tokens[i - 1]!.lower)) continue;
    if (/^[a-z]{3,}(?:[^s]s|ed)$/.test(tokens[i]!.text)) tags[i] = "verb";
  }
  // "last week", "last Tuesday": a time, not the verb "to last".
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tokens[i]!.lower !== "last" || tags[i] !== "verb") continue;
    const n = tokens[i + 1]!.lower;
    if (
      /^(?:week|month|year|night|weekend|time|summer|winter|spring|autumn|fall|season|quarter|decade|century)$/.test(
        n,
      ) ||
      WEEKDAYS[n] !== undefined ||
      MONTHS[n] !== undefined
    )
      tags[i] = "adv";
  }
  // "Shares of Acme", "reports of shelling": a plural before "of" is a noun ("consists of" and the like aside).
  for (let i = 0; i + 1 < tags.length; i++) {
    const w = tokens[i]!.lower;
    if (tags[i] !== "verb" || tokens[i + 1]!.lower !== "of" || !/[^s]s$/.test(w)) continue;
    if (!/^(?:consists|thinks|approves|disposes|speaks|hears|knows|dreams|warns|reminds|accuses|smacks|tires)$/.test(w))
      tags[i] = "word";
  }
  // A verb-looking word right before a finite verb is a noun: "a powerful storm swept", "prices rise".
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] !== "verb" || !isPredicate(tags[i + 1])) continue;
    const w = tokens[i]!.lower;
    if (CUE_VERBS.has(w) && /(?:ed|said|told|wrote)$/.test(w)) continue;
    if (isPastForm(w) || tokens[i - 1]?.lower === "to") continue;
    // "now expects adjusted earnings": after an adverb it is the verb, and a participle before a noun is an adjective.
    if (tags[i - 1] === "adv") continue;
    if (/ed$/.test(tokens[i + 1]!.lower) && tags[i + 2] === "word") continue;
    tags[i] = "word";
  }
  return tags;
}

/** True for a token that can head a predicate: a finite verb, an auxiliary or a modal. */
export const isPredicate = (p: Pos | undefined): boolean => p === "verb" || p === "aux" || p === "modal";
