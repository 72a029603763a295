// What a claim is compared by: its content lemmas, the keys of the entities it names, the quantities it states
// and the time it is about. Stance (certainty, polarity, the speaker's cue) is kept apart: a denied or rumoured
// claim asserts the same proposition as a confirmed one.
import type { Claim } from "../schemas/claim.ts";
import { capitalisedNames, keysOfName } from "./names.ts";
import { type Quantity, quantities, quantityKey } from "./numbers.ts";
import { fold, lemmas } from "./words.ts";

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
  /**
   * `stated`: the claim's own words name its time (not a dateline or an earlier sentence the extractor took it
   * from); `explicit`: stated by a calendar date ("12 September", "2024"), not by a relative word ("on Tuesday").
   */
  time: { start: string; end: string; explicit: boolean; stated: boolean } | null;
  /**
   * Whether the claim negates its proposition: its wording holds a negation ("had not received"; also inside
   * an embedded clause the extractor read as positive, "insisted it had no indication"), or the extractor read
   * a negating cue where the wording holds none ("denied that it had received"). A rejected figure ("12, not
   * 14") negates the figure, not the claim. Kept beside the proposition, never in it.
   */
  negated: boolean;
  /** Every term the similarity weighs: lemmas, `@name`, `#unit:value` quantity and `$speaker` keys. */
  terms: Set<string>;
}

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b/i;
/** "not 14", "rather than the 14": the negation rejects a figure, read by numbers.ts. */
const REJECTED_FIGURE =
  /\b(?:not|rather than|instead of)\s+(?:the\s+)?(?:about\s+|around\s+)?(?=[$€£\d]|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)/gi;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
/** A date the text spells out with figures ("12 September", "2024"), not one resolved from "Tuesday" or "June". */
const isCalendarDate = (text: string): boolean => /\d/.test(text) && (MONTH.test(text) || /\b\d{4}\b/.test(text));

function timeOf(time: NonNullable<Claim["time"]>, text: string): NonNullable<ClaimFeatures["time"]> {
  const stated = fold(text).includes(fold(time.text).trim());
  return { start: time.start, end: time.end, explicit: stated && isCalendarDate(time.text), stated };
}

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
    time: claim.time ? timeOf(claim.time, claim.text) : null,
    negated:
      NEGATION.test(claim.text.replace(REJECTED_FIGURE, " ")) ||
      (claim.polarity === "negative" && !NEGATION.test(claim.text)),
    terms,
  };
}
