// Expectations and their outcomes: an earlier claim that something may, could or is expected to happen, and a
// later claim that reports it happened (a confirmation) or that it will not (a denial). The later claim is often
// a longer account of the outcome, so the test is how much of the expectation it contains, not a cosine over
// both: "an agreement could be announced in the second quarter" is contained in "the companies today announced
// that they have entered into a combination agreement under which …".
import type { Claim } from "../schemas/claim.ts";
import type { UpdateKind } from "../schemas/fact.ts";
import type { ClaimFeatures } from "./features.ts";
import type { Quantity } from "./numbers.ts";
import { differingFigures, type TermStats } from "./similarity.ts";
import { fold, lemma } from "./words.ts";

export interface Side {
  claim: Claim;
  features: ClaimFeatures;
}

export interface Outcome {
  kind: UpdateKind;
  why: string;
  /** How much of the expectation's weight the later claim shares: the strength of the pairing. */
  share: number;
}

/** Words that make a claim an expectation, a plan or a prospect rather than a report of what happened. */
// recheck: each attempt starts at a word boundary and reads one word; linear in V8 on recheck's attack.
const PROSPECT =
  /\b(?:expect\w*|likely|could|would|will|may|might|plann?\w*|schedul\w*|promis\w*|due to|aim\w*|target\w*|intend\w*|hope\w*|in talks|talks|negotiat\w*|discussions?|consider\w*|explor\w*|weigh\w*)\b/i;
/** The hedge's own lemmas: they say how sure the expectation is, not what is expected. */
const HEDGE_LEMMAS = new Set(["expect", "likel", "plan", "schedul", "promis", "aim", "target", "intend", "hope"]);
/** A later claim that rules the expected thing out. */
const RULED_OUT =
  /\b(?:no plans?|not plann?\w*|no intention|(?:will|would|does|do) not|won['’]t|ruled? out|rules out|not going to)\b/i;
/** An idiom whose negation is a hedge, not a denial: "I wouldn't be surprised to see …", "cannot rule out …". */
export const HEDGED_NEGATION =
  /\b(?:would(?:n['’]t| not) be surprised|(?:can(?:not|['’]t)|could(?:n['’]t| not)|not) rule out|not impossible)\b/i;
/** Words that, just before a verb, keep it a prospect: "will open", "could be announced", "expected to open". */
const MODAL_BEFORE = /\b(?:will|would|could|may|might|can|should|to|be)\s+$/i;
const IRREGULAR_PAST = new Set(
  `went fell gave took made held sent paid rose won lost began brought bought sold built left met ran spoke knew saw
  struck shot hit cut led found got put set told undertook undertaken agreed`.split(/\s+/),
);

/** Minimum share of the expectation's weight the later claim must hold. */
const MIN_SHARE = 0.3;

/** A claim worded as an expectation or a plan, or held with less than certainty. */
export function isProspect(c: Claim): boolean {
  return c.certainty !== "certain" || PROSPECT.test(c.text) || HEDGED_NEGATION.test(c.text);
}

function termWeight(t: string, stats: TermStats): number {
  if (t.startsWith("$")) return 0;
  if (HEDGE_LEMMAS.has(t)) return 0;
  return stats.idf(t);
}

/** The share of the earlier claim's weight (entities, figures, content words; not its hedge) the later holds. */
export function containment(
  earlier: ClaimFeatures,
  later: ClaimFeatures,
  stats: TermStats,
): { share: number; shared: string[]; sharedWords: string[] } {
  let all = 0;
  let common = 0;
  const shared: string[] = [];
  for (const t of earlier.terms) {
    const w = termWeight(t, stats);
    all += w * w;
    if (w > 0 && later.terms.has(t)) {
      common += w * w;
      shared.push(t);
    }
  }
  const sharedWords = shared.filter((t) => !/^[@#$]/.test(t));
  return { share: all > 0 ? common / all : 0, shared, sharedWords };
}

/** The words a claim states in a past form ("opened", "has announced"), not as another prospect. */
function doneWords(text: string): string[] {
  const t = fold(text);
  const out: string[] = [];
  for (const m of t.matchAll(/[\p{L}]+/gu)) {
    const word = m[0];
    const before = t.slice(0, m.index);
    const past = /ed$/.test(word) || IRREGULAR_PAST.has(word) || /\b(?:has|have|had)\s+$/.test(before);
    if (past && !MODAL_BEFORE.test(before) && lemma(word)) out.push(word);
  }
  return out;
}

/** The lemmas of what a claim reports done: the terms an outcome is found by. */
export function doneLemmas(text: string): string[] {
  return [...new Set(doneWords(text).map((w) => lemma(w)!))];
}

/** A shared lemma the later claim states in a past form, if any. */
function statedAsDone(text: string, shared: Set<string>): string | null {
  return doneWords(text).find((w) => shared.has(lemma(w)!)) ?? null;
}

/** Keys an expected range is looked up by and a figure is posted under: its unit, per share or not. */
export function rangeKeys(f: ClaimFeatures): string[] {
  return [...new Set(f.quantities.filter((q) => q.unit !== "").map((q) => `range|${baseUnit(q)}`))];
}

/** Two figures of one unit joined as the ends of a range: "between €16 and €16.50", "16-16.50". */
function rangeOf(c: Side): [Quantity, Quantity] | null {
  const qs = c.features.quantities;
  const text = fold(c.claim.text);
  for (let i = 0; i + 1 < qs.length; i++) {
    const [lo, hi] = [qs[i]!, qs[i + 1]!];
    // Counts are left out: the days of a date ("from July 8 to 10") read as a range of plain numbers.
    if (lo.unit === "" || baseUnit(lo) !== baseUnit(hi) || lo.value >= hi.value) continue;
    const from = text.indexOf(fold(lo.text));
    const to = text.indexOf(fold(hi.text), from + lo.text.length);
    if (from < 0 || to < 0) continue;
    if (/^\s*(?:and|to|-)\s*$/.test(text.slice(from + lo.text.length, to))) return [lo, hi];
  }
  return null;
}

/** A price and a price per share are one currency: an expected "offer of €16–16.50" is a price per share. */
const baseUnit = (q: Quantity): string => q.unit.replace(/\/share$/, "");

/**
 * The outcome a later claim reports of an earlier expectation, if any: a figure inside the range expected, the
 * expected thing reported as done (a confirmation), or ruled out (a denial).
 */
export function outcomeOf(earlier: Side, later: Side, stats: TermStats): Outcome | null {
  const e = earlier.claim;
  const l = later.claim;
  if (!isProspect(e)) return null;
  if (earlier.features.negated && !HEDGED_NEGATION.test(e.text)) return null;
  const c = containment(earlier.features, later.features, stats);
  if (c.sharedWords.length === 0) return null;
  const range = rangeOf(earlier);
  if (range && l.certainty === "certain" && !PROSPECT.test(l.text)) {
    const [lo, hi] = range;
    const inside = later.features.quantities.find(
      (q) => !q.negated && baseUnit(q) === baseUnit(lo) && q.value >= lo.value && q.value <= hi.value,
    );
    if (inside) {
      return {
        kind: "confirmation",
        why: `the figure falls in the range expected: ${inside.text} within ${lo.text}–${hi.text}`,
        share: 1,
      };
    }
  }
  if (c.share < MIN_SHARE) return null;
  // Other figures for one quantity are a revision or a conflict, judged by the figures themselves.
  if (differingFigures(later.features.quantities, earlier.features.quantities)) return null;
  // A prospect ruled out in so many words ("has no plans to move …") needs less in common than an outcome.
  if (later.features.negated) {
    return RULED_OUT.test(l.text)
      ? { kind: "denial", why: `ruled out: “${e.text}” / “${l.text}”`, share: c.share }
      : null;
  }
  if (c.shared.length < 2) return null;
  if (l.certainty !== "certain") return null;
  // What the later claim reports done must not be done already in the earlier one: that is a restatement.
  const done = statedAsDone(l.text, new Set(c.sharedWords));
  if (!done || statedAsDone(e.text, new Set([lemma(done)!]))) return null;
  return {
    kind: "confirmation",
    why: `the expected “${done}” is reported done (shared: ${c.shared.join(", ")})`,
    share: c.share,
  };
}
