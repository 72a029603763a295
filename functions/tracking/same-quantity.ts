// Two figures measure the same quantity when they have one unit and the words around them agree ("injuring 11"
// and "14 people had been injured"; "the death toll to four" and "killed at least three"): the nearer the shared
// word to both figures and the rarer it is, the stronger the evidence.
import type { ClaimFeatures } from "./features.ts";
import { comparable, type Quantity, sameFigure } from "./numbers.ts";
import type { TermStats } from "./similarity.ts";

export interface FigurePair {
  earlier: Quantity;
  later: Quantity;
  /** Evidence that the two figures measure one thing; 0 when nothing near them is shared. */
  strength: number;
  shared: string[];
}

/** The evidence a rejected figure ("not 14") adds: more than any shared word. */
const REJECTION_STRENGTH = 3;

/** Two amounts of money or shares more than this factor apart are different quantities, not two reports of one. */
const MAX_RATIO = 3;

/** Whether another figure of the claim, of the same unit, stands nearer to the word: the word says what that
 * figure measures (a conversion in another currency beside it measures the same thing). */
function nearerToAnother(q: Quantity, word: string, distance: number, all: Quantity[]): boolean {
  return all.some((o) => o !== q && o.unit === q.unit && o.context.some(([l, d]) => l === word && d < distance));
}

/**
 * The shared noun is modified by other words before it, each missing from the other figure's phrase: "a target
 * price of €17" / "a closing share price of €11.01", "an operating loss" / "a net loss" are other quantities.
 */
function otherModifiers(a: Quantity, b: Quantity, word: string): boolean {
  const ma = a.before[a.before.indexOf(word) + 1];
  const mb = b.before[b.before.indexOf(word) + 1];
  if (!a.before.includes(word) || !b.before.includes(word) || !ma || !mb || ma === mb) return false;
  const has = (q: Quantity, l: string) => q.context.some(([x]) => x === l) || q.before.includes(l);
  return !has(b, ma) && !has(a, mb);
}

function contextStrength(
  a: Quantity,
  b: Quantity,
  names: Set<string>,
  stats: TermStats,
  ofA: Quantity[],
  ofB: Quantity[],
): { strength: number; shared: string[] } {
  let strength = 0;
  const shared: string[] = [];
  let near = false;
  for (const [la, da] of a.context) {
    // A name beside a figure says whose it is, not what it measures: "14% of Akkuvoima", "8.7% of Akkuvoima";
    // the counted noun alone ("two people", "three people") does not say what is counted either.
    if (names.has(la) || la === a.counts || la === b.counts) continue;
    const db = b.context.find(([lb]) => lb === la)?.[1];
    if (db === undefined || nearerToAnother(a, la, da, ofA) || nearerToAnother(b, la, db, ofB)) continue;
    if (otherModifiers(a, b, la)) continue;
    strength += stats.idf(la) / ((1 + da) * (1 + db));
    shared.push(la);
    if (Math.min(da, db) <= 1) near = true;
  }
  if (a.counts && a.counts === b.counts) strength += stats.idf(a.counts) / 2;
  return near ? { strength, shared } : { strength: 0, shared: [] };
}

/** Each claim names someone the other does not: two holders' stakes, two companies' revenues. */
function differentSubjects(a: ClaimFeatures, b: ClaimFeatures): boolean {
  const only = (x: Set<string>, y: Set<string>) => [...x].some((k) => !k.includes(" ") && !y.has(k));
  return only(a.names, b.names) && only(b.names, a.names);
}

/** The pair of differing figures, one per claim, most likely to measure one quantity. */
export function differingQuantity(earlier: ClaimFeatures, later: ClaimFeatures, stats: TermStats): FigurePair | null {
  let best: FigurePair | null = null;
  for (const p of differingQuantities(earlier, later, stats)) if (!best || p.strength > best.strength) best = p;
  return best;
}

/** For each figure of the later claim, the earlier claim's differing figure most likely to measure the same. */
export function differingQuantities(earlier: ClaimFeatures, later: ClaimFeatures, stats: TermStats): FigurePair[] {
  if (differentSubjects(earlier, later)) return [];
  const best = new Map<Quantity, FigurePair>();
  const names = new Set([...earlier.nameWords, ...later.nameWords]);
  // Years and days of dates are times, judged as such (relations.ts), not as amounts.
  const asserted = (qs: Quantity[]) => qs.filter((q) => !q.negated && q.unit !== "year" && q.unit !== "date");
  for (const qa of asserted(earlier.quantities)) {
    for (const qb of asserted(later.quantities)) {
      if (!comparable(qa, qb) || sameFigure(qa, qb)) continue;
      const ratio = Math.max(qa.value, qb.value) / Math.max(1e-9, Math.min(qa.value, qb.value));
      if (qa.unit !== "" && qa.unit !== "clock" && ratio > MAX_RATIO) continue;
      // "12, not 14 as first reported": the later claim rejects the earlier figure, the surest sign of one quantity.
      const rejected = later.quantities.some((q) => q.negated && sameFigure(q, qa));
      // A figure the other claim also states is the same quantity agreeing, not this one differing.
      const agreeing = (qs: Quantity[], x: Quantity) => qs.some((q) => !q.negated && sameFigure(q, x));
      if (!rejected && (agreeing(later.quantities, qa) || agreeing(earlier.quantities, qb))) continue;
      const context = contextStrength(qa, qb, names, stats, earlier.quantities, later.quantities);
      const strength = context.strength + (rejected ? REJECTION_STRENGTH : 0);
      const shared = rejected ? [...context.shared, `not ${qa.text}`] : context.shared;
      const known = best.get(qb);
      if (shared.length > 0 && (!known || strength > known.strength))
        best.set(qb, { earlier: qa, later: qb, strength, shared });
    }
  }
  return [...best.values()];
}

/** Blocking keys of a claim's figures: unit with each nearby word, so differing values still meet. */
export function quantityBlockingKeys(f: ClaimFeatures): string[] {
  const keys = new Set<string>();
  for (const q of f.quantities) {
    if (q.negated || q.unit === "year" || q.unit === "date") continue;
    for (const [l] of q.context) keys.add(`${q.unit}|${l}`);
  }
  return [...keys];
}
