// The similarity model: an IDF-weighted cosine over a claim's terms (lemmas, entity keys, quantity keys), with
// entities weighing more than words, then vetoed when the two claims state different values for the same kind
// of quantity or times that cannot overlap. Every score comes with the shared terms that made it.
import type { ClaimFeatures } from "./features.ts";
import { comparable, type Quantity, quantityKey, sameFigure } from "./numbers.ts";

/** Document frequencies of terms over the claims seen: what makes a shared word rare (telling) or common. */
export class TermStats {
  private readonly df = new Map<string, number>();
  private n = 0;

  add(terms: Iterable<string>): void {
    this.n++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  remove(terms: Iterable<string>): void {
    this.n = Math.max(0, this.n - 1);
    for (const t of terms) {
      const d = (this.df.get(t) ?? 0) - 1;
      if (d > 0) this.df.set(t, d);
      else this.df.delete(t);
    }
  }

  get claims(): number {
    return this.n;
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  private readonly cache = new Map<string, number>();
  private cachedAt = 0;
  private refreshes = 0;

  /**
   * Which set of cached IDF values is current: it changes each time the number of claims has grown by 1% (a
   * store's running statistics move slowly; a batch's do not move at all), so anything weighted with the old
   * values is weighted again.
   */
  generation(): number {
    if (this.n > this.cachedAt * 1.01 || this.n < this.cachedAt) {
      this.cache.clear();
      this.cachedAt = this.n;
      this.refreshes++;
    }
    return this.refreshes;
  }

  /** Smoothed IDF; an unseen term counts as seen once. Cached for the current `generation`. */
  idf(term: string): number {
    this.generation();
    let v = this.cache.get(term);
    if (v === undefined) {
      v = Math.log(1 + (this.n + 1) / (this.frequency(term) + 1));
      this.cache.set(term, v);
    }
    return v;
  }
}

/** Why two claims were judged alike, or why not. */
export interface LinkReason {
  score: number;
  /** The same cosine with stance ignored: how close the two are in subject, whatever either asserts of it. */
  topic: number;
  /** The cosine over content words alone: an entity-only resemblance ("both name the bridge") is not a fact. */
  wordScore: number;
  sharedEntities: string[];
  sharedNumbers: string[];
  /** Speakers both claims are attributed to: evidence of one statement reported twice, never required. */
  sharedSpeakers: string[];
  sharedWords: string[];
  /** Set when a veto applied: the figures or times that differ. */
  differs: string | null;
  /** A figure both state of what one word beside it in each says it measures (see `sharedMeasure`). */
  measure: string | null;
}

const ENTITY_WEIGHT = 1;
const NUMBER_WEIGHT = 2;
const NEGATION_FACTOR = 0.5;
const SPEAKER_WEIGHT = 0.3;

/** A claim's term weights and norms under one generation of IDF values: computed once, not per comparison. */
interface Weights {
  stats: TermStats;
  generation: number;
  of: Map<string, number>;
  norm2: number;
  wordNorm2: number;
}

const weightsCache = new WeakMap<ClaimFeatures, Weights>();

const isWordTerm = (t: string): boolean => !t.startsWith("@") && !t.startsWith("#") && !t.startsWith("$");

function weightsOf(f: ClaimFeatures, stats: TermStats): Weights {
  const generation = stats.generation();
  const known = weightsCache.get(f);
  if (known && known.stats === stats && known.generation === generation) return known;
  const of = new Map<string, number>();
  let norm2 = 0;
  let wordNorm2 = 0;
  for (const t of f.terms) {
    const w = weight(t, stats);
    of.set(t, w);
    norm2 += w * w;
    if (isWordTerm(t)) wordNorm2 += w * w;
  }
  const fresh = { stats, generation, of, norm2, wordNorm2 };
  weightsCache.set(f, fresh);
  return fresh;
}

function weight(term: string, stats: TermStats): number {
  const w = stats.idf(term);
  if (term.startsWith("@")) return w * ENTITY_WEIGHT;
  if (term.startsWith("#")) return w * NUMBER_WEIGHT;
  if (term.startsWith("$")) return w * SPEAKER_WEIGHT;
  return w;
}

/** Two figures of one unit, one from each claim, when no figure of that unit in one agrees with one in the other. */
export function differingFigures(a: Quantity[], b: Quantity[]): [Quantity, Quantity] | null {
  // A day of a date is a time: the claims' time ranges veto it (timesDisjoint), not the figure.
  const asserted = (qs: Quantity[]) => qs.filter((q) => !q.negated && q.unit !== "date");
  for (const x of asserted(a)) {
    const others = asserted(b).filter((y) => comparable(x, y));
    if (others.length === 0) continue;
    const mine = asserted(a).filter((y) => comparable(x, y));
    if (!mine.some((m) => others.some((y) => sameFigure(m, y)))) return [x, others[0]!];
  }
  return null;
}

/** Small counts ("two people", "three sites") are too common to tell one fact from another. */
const MIN_TELLING_COUNT = 100;

/**
 * A figure both claims state, with one word beside it in each saying what it measures ("holding about 22% of the
 * shares" / "holding 22 percent of its shares"; "valued at €1.86bn" / "valued … at EUR 1.86 billion"): one
 * specific fact, however few other words the two share. Names beside a figure say whose it is, not what it is.
 */
export function sharedMeasure(a: ClaimFeatures, b: ClaimFeatures): string | null {
  const telling = (q: Quantity) =>
    !q.negated && q.unit !== "year" && q.unit !== "date" && (q.unit !== "" || q.value >= MIN_TELLING_COUNT);
  const beside = (q: Quantity, names: Set<string>) =>
    new Set(q.context.filter(([l, d]) => d <= 1 && !names.has(l) && l !== q.counts).map(([l]) => l));
  for (const qa of a.quantities.filter(telling)) {
    const nearA = beside(qa, a.nameWords);
    for (const qb of b.quantities.filter(telling)) {
      if (!comparable(qa, qb) || !sameFigure(qa, qb)) continue;
      const word = [...beside(qb, b.nameWords)].find((l) => nearA.has(l));
      if (word) return `${qa.text} ${word}`;
    }
  }
  return null;
}

/** Times named by calendar dates that cannot overlap: another event, or the same one moved. */
export function timesDisjoint(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (!a.time?.explicit || !b.time?.explicit) return false;
  return a.time.end < b.time.start || b.time.end < a.time.start;
}

/** A claim and its negation (see `ClaimFeatures.negated`). */
export function oppositeStance(a: ClaimFeatures, b: ClaimFeatures): boolean {
  return a.negated !== b.negated;
}

/**
 * Figure keys both claims hold that nevertheless count different things ("two people" / "two leaders"): a
 * small count is common, and without its noun it says nothing.
 */
function countsApart(a: ClaimFeatures, b: ClaimFeatures): Set<string> {
  const out = new Set<string>();
  for (const qa of a.quantities) {
    if (qa.unit !== "") continue;
    const key = quantityKey(qa);
    if (!b.terms.has(key)) continue;
    const same = (x: Quantity, y: Quantity) => quantityKey(x) === key && quantityKey(y) === key && comparable(x, y);
    if (!a.quantities.some((x) => b.quantities.some((y) => same(x, y)))) out.add(key);
  }
  return out;
}

/** Figure keys of `a` that `b` states approximately ("about 550" for 539): shared, though not spelled alike. */
function approximateFigures(a: ClaimFeatures, b: ClaimFeatures): Set<string> {
  const out = new Set<string>();
  for (const qa of a.quantities) {
    if (b.terms.has(quantityKey(qa))) continue;
    if (b.quantities.some((qb) => sameFigure(qa, qb))) out.add(quantityKey(qa));
  }
  return out;
}

/**
 * Whether two claims could clear the link thresholds, judged from their shared terms alone before the full
 * comparison: the word cosine is exact, the cosine an upper bound (any figure might be matched approximately).
 * Symmetric, so it prunes the same pairs whichever claim arrives first.
 */
export function mayLink(
  a: ClaimFeatures,
  b: ClaimFeatures,
  stats: TermStats,
  minScore: number,
  minWordScore: number,
): boolean {
  const va = weightsOf(a, stats);
  const vb = weightsOf(b, stats);
  if (va.wordNorm2 === 0 || vb.wordNorm2 === 0) return minWordScore <= 0;
  let dot = 0;
  let wordDot = 0;
  let figuresA = 0;
  const [small, large] = va.of.size <= vb.of.size ? [va, vb] : [vb, va];
  for (const [t, w] of small.of) {
    if (!large.of.has(t)) continue;
    dot += w * w;
    if (isWordTerm(t)) wordDot += w * w;
  }
  if (wordDot / Math.sqrt(va.wordNorm2 * vb.wordNorm2) < minWordScore && !sharedMeasure(a, b)) return false;
  let figuresB = 0;
  for (const [t, w] of va.of) if (t.startsWith("#") && !vb.of.has(t)) figuresA += w * w;
  for (const [t, w] of vb.of) if (t.startsWith("#") && !va.of.has(t)) figuresB += w * w;
  return (dot + Math.max(figuresA, figuresB)) / Math.sqrt(va.norm2 * vb.norm2) >= minScore;
}

export function similarity(a: ClaimFeatures, b: ClaimFeatures, stats: TermStats): LinkReason {
  const va = weightsOf(a, stats);
  const vb = weightsOf(b, stats);
  const na = va.norm2;
  const nb = vb.norm2;
  const wa = va.wordNorm2;
  const wb = vb.wordNorm2;
  let dot = 0;
  let wordDot = 0;
  const shared: string[] = [];
  const approximately = approximateFigures(a, b);
  const apart = countsApart(a, b);
  for (const [t, w] of va.of) {
    if ((b.terms.has(t) && !apart.has(t)) || approximately.has(t)) {
      dot += w * w;
      if (isWordTerm(t)) wordDot += w * w;
      shared.push(t);
    }
  }
  // A claim and its negation are told apart only when their words do not already say they are one statement.
  const stance = oppositeStance(a, b) ? NEGATION_FACTOR : 1;
  const cosine = (d: number, x: number, y: number): number => (x > 0 && y > 0 ? d / Math.sqrt(x * y) : 0);
  const topic = cosine(dot, na, nb);
  const score = stance * topic;
  const wordScore = cosine(wordDot, wa, wb);
  const figures = differingFigures(a.quantities, b.quantities);
  const differs = figures
    ? `${figures[0].text} ≠ ${figures[1].text}`
    : timesDisjoint(a, b)
      ? `${a.time!.start}…${a.time!.end} ≠ ${b.time!.start}…${b.time!.end}`
      : null;
  shared.sort((x, y) => va.of.get(y)! - va.of.get(x)! || (x < y ? -1 : 1));
  return {
    score,
    topic,
    wordScore,
    sharedEntities: shared.filter((t) => t.startsWith("@")).map((t) => t.slice(1)),
    sharedNumbers: shared.filter((t) => t.startsWith("#")).map((t) => t.slice(1)),
    sharedSpeakers: shared.filter((t) => t.startsWith("$")).map((t) => t.slice(1)),
    sharedWords: shared.filter((t) => !t.startsWith("@") && !t.startsWith("#") && !t.startsWith("$")),
    differs,
    measure: sharedMeasure(a, b),
  };
}

/** Whether a comparison makes a link: close enough, with enough content words in common or one measured
 * figure, and no figure or time differing. */
export function linksBy(r: LinkReason, threshold: number, minWordScore: number): boolean {
  return !r.differs && r.score >= threshold && (r.wordScore >= minWordScore || r.measure !== null);
}
