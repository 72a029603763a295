// Conflicts and updates between claims of different articles on one subject (found through the blocking index,
// judged by the stance-free similarity). Figures that differ conflict, unless the later claim says the figure
// moved (a revised figure) or a correction note says the earlier one was wrong; dates that differ for a plan are
// a rescheduling; a claim negated by another source is a denial and a conflict, by its own source a retraction;
// a rumoured or expected claim later asserted as certain is confirmed.
import type { Claim } from "../schemas/claim.ts";
import type { Conflict, TrackedArticle, Update, UpdateKind } from "../schemas/fact.ts";
import type { ClaimFeatures } from "./features.ts";
import type { FactIndex } from "./link.ts";
import { keysOfName } from "./names.ts";
import { compatible, type Quantity } from "./numbers.ts";
import { doneLemmas, isProspect, type Outcome, outcomeOf, rangeKeys } from "./outcomes.ts";
import { differingQuantities, type FigurePair, quantityBlockingKeys } from "./same-quantity.ts";
import {
  differingFigures,
  type LinkReason,
  oppositeStance,
  similarity,
  type TermStats,
  timesDisjoint,
} from "./similarity.ts";

export interface RelationOptions {
  /** Minimum stance-free similarity for two claims to be about one subject. */
  minTopic: number;
  /** Minimum similarity of their content words. */
  minWords: number;
  /** Minimum stance-free similarity for a negation to contradict: more than a shared subject. */
  minNegationTopic: number;
  /** Minimum stance-free similarity for a later certain claim to confirm an earlier hedged one. */
  minConfirmationTopic: number;
  /** Minimum evidence that two differing figures measure one quantity (see same-quantity.ts). */
  minFigureStrength: number;
  /** Newest claims read per figure blocking key. */
  maxPostings: number;
}

export const DEFAULT_RELATION_OPTIONS: RelationOptions = {
  minTopic: 0.3,
  minWords: 0.2,
  minNegationTopic: 0.5,
  minConfirmationTopic: 0.3,
  minFigureStrength: 1,
  maxPostings: 200,
};

const REVISION =
  /\b(?:rose|risen|rises?|rising|climb\w*|increas\w*|rais\w*|lift\w*|brings?|brought|revis\w*|updat\w*|up from|down from|lower\w*|sweeten\w*|boost\w*|higher|now|new (?:total|figure|toll))\b/i;
const CORRECTION =
  /\b(?:correction|corrected|an earlier version|incorrectly|misstated|erroneously|mistakenly|wrongly)\b/i;
const SCHEDULE =
  /\b(?:reopen\w*|complet\w*|expect\w*|schedul\w*|due|postpon\w*|delay\w*|slip\w*|target\w*|plann?\w*|deadline|resum\w*|finish\w*|take place|will|would|moved?|pushed back|brought forward)\b/i;
/** Newest postings read per outcome key, and outcomes compared per expectation: the step's bounds. */
const OUTCOME_POSTINGS = 64;
const OUTCOME_CANDIDATES = 32;
/** A claim that calls the statement before it wrong, in the first person or pointing back to it. */
const SELF_RETRACTION =
  /\b(?:(?:that|this|it|i|we) (?:was|were|is) (?:wrong|incorrect|mistaken|inaccurate|not true|untrue)|i misspoke|we misspoke|(?:i|we) (?:retract|withdraw|take back)\b)/i;
/** Two pairings at least this close in strength are told apart by recency. */
const LATEST_SHARE = 0.5;

/** Words of a plan or an expectation: a claim worded so states no outcome, so it confirms nothing. */
const PROSPECT =
  /\b(?:expect\w*|likely|could|would|will|may|might|plann?\w*|schedul\w*|promis\w*|due to|aim\w*|target\w*|intend\w*|hope\w*)\b/i;
/** Counts that official tallies revise as a story develops. */
const TALLY =
  /\b(?:injur\w*|wounded|dead|died|deaths?|killed|toll|missing|casualt\w*|victims|hospitali[sz]ed|evacuated|arrested|infected|cases)\b/i;

interface Context {
  claim: Claim;
  article: TrackedArticle;
  features: ClaimFeatures;
}

const speakerKeys = (c: Claim): Set<string> => new Set(c.attribution.speaker ? keysOfName(c.attribution.speaker) : []);

function sameSpeaker(a: Claim, b: Claim): boolean {
  const x = speakerKeys(a);
  if (x.size === 0) return a.attribution.speaker === null && b.attribution.speaker === null;
  for (const k of speakerKeys(b)) if (x.has(k)) return true;
  return false;
}

/** The correction note of an article, if any: "Correction: …", "An earlier version of this article said …". */
function correctionNote(article: TrackedArticle): string | null {
  const text = article.article.text;
  const cue = /\b(?:correction|an earlier version|corrected|incorrectly)\b/i.exec(text);
  if (!cue) return null;
  // From the start of the cue's sentence (after the last "." or line break before it) to the end of its line.
  const start = Math.max(text.lastIndexOf(".", cue.index - 1), text.lastIndexOf("\n", cue.index - 1)) + 1;
  const end = text.indexOf("\n", cue.index);
  return text.slice(start, end < 0 ? text.length : end);
}

interface Found {
  conflict: string | null;
  update: { kind: UpdateKind; why: string } | null;
}

function figureRelation(earlier: Context, later: Context, figures: [Quantity, Quantity]): Found {
  const [a, b] = figures;
  const pair = `${b.text} → ${a.text}`;
  const both = `${earlier.claim.text} ${later.claim.text}`;
  if (a.unit === "clock" || a.unit === "year") {
    return SCHEDULE.test(later.claim.text)
      ? { conflict: null, update: { kind: "rescheduled", why: `the date moved: ${pair}` } }
      : { conflict: `different times for one event: ${pair}`, update: null };
  }
  const note = correctionNote(later.article);
  if (CORRECTION.test(later.claim.text) || note?.includes(a.text)) {
    return {
      conflict: `different figures: ${pair}`,
      update: { kind: "correction", why: `corrected: ${pair}` },
    };
  }
  // Only an earlier bound can be met later ("at least three" → four); a later bound the earlier figure meets
  // ("costing more than $5 million" after "$14.6 million") is another statement, not a revision.
  if (b.bound === "at-least" && compatible(b, a)) {
    return { conflict: null, update: { kind: "revised-figure", why: `the figure moved past its bound: ${pair}` } };
  }
  if (compatible(a, b)) return { conflict: null, update: null };
  if (REVISION.test(later.claim.text)) {
    return { conflict: null, update: { kind: "revised-figure", why: `the figure was revised: ${pair}` } };
  }
  if (TALLY.test(both)) {
    return {
      conflict: `different counts: ${pair}`,
      update: { kind: "revised-figure", why: `the count was revised: ${pair}` },
    };
  }
  return { conflict: `different figures for one quantity: ${pair}`, update: null };
}

function relationOf(
  earlier: Context,
  later: Context,
  r: LinkReason,
  sameFact: boolean,
  options: RelationOptions,
): Found | null {
  // Differing figures are judged by the figures' own context (figureRelations), not by the claims' subject.
  // Other years are other dates, judged here: "in the fourth quarter of 2026" / "in the first quarter of 2027".
  const figures = differingFigures(later.features.quantities, earlier.features.quantities);
  const otherYear = figures !== null && figures[0].unit === "year";
  if (figures && !otherYear) return null;
  // Two plans for one thing dated apart, by whatever words ("by April 14" / "in the first week of June").
  const plans = PROSPECT.test(earlier.claim.text) && PROSPECT.test(later.claim.text);
  const moved =
    otherYear ||
    timesDisjoint(later.features, earlier.features) ||
    (plans && periodsDiffer(earlier.features, later.features));
  const confirms =
    earlier.claim.certainty !== "certain" &&
    later.claim.certainty === "certain" &&
    !PROSPECT.test(later.claim.text) &&
    !oppositeStance(earlier.features, later.features) &&
    (sameFact || (r.topic >= options.minConfirmationTopic && r.wordScore >= options.minWords));
  if (r.topic < options.minTopic || r.wordScore < options.minWords) {
    return confirms
      ? { conflict: null, update: { kind: "confirmation", why: `asserted as certain: “${later.claim.text}”` } }
      : null;
  }
  if (moved) {
    const t = `${earlier.claim.time?.text} → ${later.claim.time?.text}`;
    return SCHEDULE.test(later.claim.text) || SCHEDULE.test(earlier.claim.text)
      ? { conflict: null, update: { kind: "rescheduled", why: `the date moved: ${t}` } }
      : { conflict: `different dates for one event: ${t}`, update: null };
  }
  // A claim and its negation, whether or not they were linked as one fact (stance stays out of the fact).
  if (earlier.features.negated !== later.features.negated && r.topic >= options.minNegationTopic) {
    const own = sameSpeaker(earlier.claim, later.claim);
    const what = `“${earlier.claim.text}” / “${later.claim.text}”`;
    // A dated plan its own source takes back ("will reopen by 14 April" / "will no longer reopen by then") is
    // a plan moved, not a statement withdrawn.
    if (own && earlier.claim.time && SCHEDULE.test(earlier.claim.text))
      return { conflict: null, update: { kind: "rescheduled", why: `the dated plan is dropped: ${what}` } };
    if (own) return { conflict: null, update: { kind: "retraction", why: `its own source takes it back: ${what}` } };
    return {
      conflict: `one source asserts what another negates: ${what}`,
      update: { kind: later.features.negated ? "denial" : "correction", why: `contradicted: ${what}` },
    };
  }
  if (confirms) {
    return { conflict: null, update: { kind: "confirmation", why: `asserted as certain: “${later.claim.text}”` } };
  }
  return null;
}

/** Both claims are dated, by whatever words, and their periods cannot overlap. */
function periodsDiffer(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (!a.time || !b.time) return false;
  return a.time.end < b.time.start || b.time.end < a.time.start;
}

/**
 * Both claims name their periods in their own words, and the periods are not one: apart ("on 3 May" / "on 9
 * June") or one inside the other ("in the fourth quarter" / "for 2025" — a quarter's loss is not the year's).
 */
function statedPeriodsDiffer(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (!a.time?.stated || !b.time?.stated) return false;
  return a.time.start !== b.time.start || a.time.end !== b.time.end;
}

/** For each later claim, the earlier claim whose differing figure most surely measures the same quantity. */
function figureRelations(
  contexts: Context[],
  stats: TermStats,
  options: RelationOptions,
): Array<[Context, Context, Found]> {
  const postings = new Map<string, Context[]>();
  const out: Array<[Context, Context, Found]> = [];
  let article = -1;
  let pending: Context[] = [];
  for (const later of contexts) {
    if (later.features.articleIndex !== article) {
      // Claims become candidates once their article is over: figures are compared across articles.
      for (const c of pending) {
        for (const k of quantityBlockingKeys(c.features)) {
          const list = postings.get(k) ?? [];
          list.push(c);
          postings.set(k, list);
        }
      }
      pending = [];
      article = later.features.articleIndex;
    }
    pending.push(later);
    const seen = new Set<Context>();
    for (const k of quantityBlockingKeys(later.features)) {
      for (const c of (postings.get(k) ?? []).slice(-options.maxPostings)) seen.add(c);
    }
    // Each figure of the later claim keeps the earlier claim that most surely states the same quantity, the
    // latest of those nearly as sure: a figure revised twice is revised from its last statement.
    const best = new Map<Quantity, { earlier: Context; pair: FigurePair }>();
    const better = (x: { earlier: Context; pair: FigurePair }, y: { earlier: Context; pair: FigurePair }) => {
      const xi = x.earlier.features.articleIndex;
      const yi = y.earlier.features.articleIndex;
      if (
        xi !== yi &&
        Math.min(x.pair.strength, y.pair.strength) >= LATEST_SHARE * Math.max(x.pair.strength, y.pair.strength)
      )
        return xi > yi;
      return x.pair.strength > y.pair.strength;
    };
    for (const earlier of seen) {
      // Amounts, shares and prices of other periods are other quantities ("closed at €11 on 3 May" / "closed at
      // €15 on Friday"; a quarter's loss and the year's); a tally of other days is the same count revised.
      if (
        statedPeriodsDiffer(earlier.features, later.features) &&
        !TALLY.test(`${earlier.claim.text} ${later.claim.text}`)
      )
        continue;
      for (const pair of differingQuantities(earlier.features, later.features, stats)) {
        if (pair.strength < options.minFigureStrength) continue;
        const known = best.get(pair.later);
        if (!known || better({ earlier, pair }, known)) best.set(pair.later, { earlier, pair });
      }
    }
    const strongest = new Map<Context, FigurePair>();
    for (const { earlier, pair } of best.values()) {
      const known = strongest.get(earlier);
      if (!known || pair.strength > known.strength) strongest.set(earlier, pair);
    }
    for (const [earlier, pair] of strongest) {
      out.push([earlier, later, figureRelation(earlier, later, [pair.later, pair.earlier])]);
    }
  }
  return out;
}

export function findConflictsAndUpdates(
  articles: TrackedArticle[],
  index: FactIndex,
  factIdOf: (claimId: string) => string | null,
  options: RelationOptions = DEFAULT_RELATION_OPTIONS,
): { conflicts: Conflict[]; updates: Update[] } {
  const context = new Map<string, Context>();
  for (const article of articles) {
    for (const claim of article.claims) {
      const features = index.featuresOf(claim.id);
      if (features) context.set(claim.id, { claim, article, features });
    }
  }
  const conflicts: Conflict[] = [];
  const updates: Update[] = [];
  const record = (earlier: Context, later: Context, found: Found): void => {
    if (found.conflict) conflicts.push({ claims: [earlier.claim.id, later.claim.id], why: found.conflict });
    if (found.update) updates.push({ from: earlier.claim.id, to: later.claim.id, ...found.update });
  };
  for (const [earlier, later, found] of figureRelations([...context.values()], index.stats, options)) {
    record(earlier, later, found);
  }
  for (const later of context.values()) {
    let best: { earlier: Context; found: Found; topic: number } | null = null;
    for (const cand of index.candidates(later.features)) {
      if (cand.articleIndex >= later.features.articleIndex) continue;
      const earlier = context.get(cand.claimId)!;
      const r = similarity(later.features, earlier.features, index.stats);
      if (r.topic < Math.min(options.minTopic, options.minConfirmationTopic)) continue;
      const fact = factIdOf(later.claim.id);
      const found = relationOf(earlier, later, r, fact !== null && fact === factIdOf(earlier.claim.id), options);
      if (found && (!best || r.topic > best.topic)) best = { earlier, found, topic: r.topic };
    }
    if (best) record(best.earlier, later, best.found);
  }
  // Each expectation keeps the later claim that most fully reports its outcome, unless already related to it.
  // An outcome is found by what it reports done ("opened", "announced") and by the units of its figures, as
  // well as through the claim index: a long account of an outcome is not posted under all of its words.
  const related = new Set(updates.map((u) => `${u.from} ${u.to}`));
  const outcomes = new Map<string, Context[]>();
  for (const c of context.values()) {
    for (const k of [...doneLemmas(c.claim.text), ...rangeKeys(c.features)]) {
      const list = outcomes.get(k) ?? [];
      list.push(c);
      outcomes.set(k, list);
    }
  }
  for (const earlier of context.values()) {
    if (!isProspect(earlier.claim)) continue;
    let best: { later: Context; outcome: Outcome } | null = null;
    // At most `maxOutcomeCandidates` of the posted outcomes, most shared weight first: a common verb ("told")
    // is posted for many claims and must not make the step grow with the batch.
    const tally = new Map<Context, number>();
    for (const k of [...earlier.features.lemmas, ...rangeKeys(earlier.features)]) {
      const list = outcomes.get(k);
      if (!list) continue;
      const w = index.stats.idf(k);
      for (let i = list.length - 1, read = 0; i >= 0 && read < OUTCOME_POSTINGS; i--) {
        const c = list[i]!;
        if (c.features.articleIndex <= earlier.features.articleIndex) break;
        read++;
        tally.set(c, (tally.get(c) ?? 0) + w);
      }
    }
    const seen = new Set<Context>(
      [...tally.entries()]
        .sort((x, y) => y[1] - x[1] || (x[0].claim.id < y[0].claim.id ? -1 : 1))
        .slice(0, OUTCOME_CANDIDATES)
        .map(([c]) => c),
    );
    for (const cand of index.candidates(earlier.features)) seen.add(context.get(cand.claimId)!);
    for (const later of seen) {
      if (later.features.articleIndex <= earlier.features.articleIndex) continue;
      const outcome = outcomeOf(earlier, later, index.stats);
      if (outcome && (!best || outcome.share > best.outcome.share)) best = { later, outcome };
    }
    if (best && !related.has(`${earlier.claim.id} ${best.later.claim.id}`)) {
      const { kind, why } = best.outcome;
      updates.push({ from: earlier.claim.id, to: best.later.claim.id, kind, why });
    }
  }
  // A speaker who calls an earlier statement wrong retracts it: the statement is the one the claim points to
  // ("On Tuesday I said … That was wrong"; a headline "Tessier: that was wrong" before the body restates it),
  // the nearest of the three claims on either side that is found again in the speaker's earlier articles.
  for (const article of articles) {
    article.claims.forEach((claim, i) => {
      if (!SELF_RETRACTION.test(claim.text)) return;
      const later = context.get(claim.id);
      if (!later) return;
      const near = [-1, 1, -2, 2, -3, 3].map((d) => article.claims[i + d]).filter((c) => c !== undefined);
      for (const antecedent of near) {
        if (SELF_RETRACTION.test(antecedent.text)) continue;
        const ante = context.get(antecedent.id);
        if (!ante) continue;
        const speaker = claim.attribution.speaker ? claim : antecedent;
        let best: { earlier: Context; topic: number } | null = null;
        for (const cand of index.candidates(ante.features)) {
          if (cand.articleIndex >= later.features.articleIndex) continue;
          const earlier = context.get(cand.claimId)!;
          if (!earlier.claim.attribution.speaker || !sameSpeaker(earlier.claim, speaker)) continue;
          const r = similarity(ante.features, earlier.features, index.stats);
          if (r.topic < options.minTopic || r.wordScore < options.minWords) continue;
          if (!best || r.topic > best.topic) best = { earlier, topic: r.topic };
        }
        if (best && !related.has(`${best.earlier.claim.id} ${claim.id}`)) {
          updates.push({
            from: best.earlier.claim.id,
            to: claim.id,
            kind: "retraction",
            why: `its speaker calls it wrong: “${antecedent.text}” / “${claim.text}”`,
          });
          related.add(`${best.earlier.claim.id} ${claim.id}`);
          return;
        }
      }
    });
  }
  return { conflicts, updates };
}
