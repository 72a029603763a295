// What a claim is compared by: its content lemmas, the keys of the entities it names, the quantities it states
// and the time it is about. Stance (certainty, polarity, the speaker's cue) is kept apart: a denied or rumoured
// claim asserts the same proposition as a confirmed one.
import type { Claim } from "../schemas/claim.ts";
import { capitalisedNames, keysOfName } from "./names.ts";
import { type Quantity, quantities, quantityKey } from "./numbers.ts";
import { lemmas } from "./words.ts";

export interface ClaimFeatures {
  claimId: string;
  articleId: string;
  /** Position of the article in publication order (or arrival order in a store). */
  articleIndex: number;
  lemmas: Set<string>;
  names: Set<string>;
  /** Lemmas of the words that make up the names: kept apart from content words. */
  nameWords: Set<string>;
  quantities: Quantity[];
  /** `explicit`: named by a calendar date ("12 September", "2024"), not by a relative word ("on Tuesday"). */
  time: { start: string; end: string; explicit: boolean } | null;
  /** Kept beside the proposition, never in it: a negated claim is a different fact that conflicts. */
  polarity: "positive" | "negative";
  /** Whether the wording itself holds a negation: polarities that differ while both wordings negate (or
   * neither does) are a difference in reading, not in what is asserted. */
  negated: boolean;
  /** Every term the similarity weighs: lemmas, `@name`, `#unit:value` quantity and `$speaker` keys. */
  terms: Set<string>;
}

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
/** A date the text spells out with figures ("12 September", "2024"), not one resolved from "Tuesday" or "June". */
const isCalendarDate = (text: string): boolean => /\d/.test(text) && (MONTH.test(text) || /\b\d{4}\b/.test(text));

export function featuresOf(claim: Claim, articleId: string, articleIndex: number): ClaimFeatures {
  const names = new Set<string>();
  const nameWords = new Set<string>();
  for (const n of [...claim.entities.map((e) => e.name), ...capitalisedNames(claim.text)]) {
    const keys = keysOfName(n);
    for (const k of keys) names.add(k);
    if (keys.length > 0) for (const l of lemmas(n)) nameWords.add(l);
  }
  const qs = quantities(claim.text);
  const ls = new Set(lemmas(claim.text));
  // A name's own words count once, as a name, not again as content words.
  for (const l of nameWords) ls.delete(l);
  const terms = new Set<string>(ls);
  for (const n of names) terms.add(`@${n}`);
  for (const q of qs) terms.add(quantityKey(q));
  for (const n of capitalisedNames(` ${claim.attribution.speaker ?? ""}`))
    for (const k of keysOfName(n)) terms.add(`$${k}`);
  return {
    claimId: claim.id,
    articleId,
    articleIndex,
    lemmas: ls,
    names,
    nameWords,
    quantities: qs,
    time: claim.time
      ? { start: claim.time.start, end: claim.time.end, explicit: isCalendarDate(claim.time.text) }
      : null,
    polarity: claim.polarity,
    negated: NEGATION.test(claim.text),
    terms,
  };
}
