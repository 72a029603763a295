// Versions: an article with the same outlet and headline as an earlier one and mostly the same text is its
// next version. Consecutive versions' claims are compared: added, removed, or changed (the same fact, or the
// same words with other figures).
import type { ClaimChange, TrackedArticle, TrackedClaim, Version } from "../schemas/fact.ts";
import { fold, lemmas } from "./words.ts";

/** Share of one text's word bigrams found in the other: "mostly the same text" above this. */
const SAME_TEXT = 0.6;

function bigrams(text: string): Set<string> {
  const ws = lemmas(text);
  const out = new Set<string>();
  for (let i = 1; i < ws.length; i++) out.add(`${ws[i - 1]} ${ws[i]}`);
  return out;
}

export function textOverlap(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / Math.min(x.size, y.size);
}

const sameLabel = (a: string | null, b: string | null): boolean => !!a && !!b && fold(a).trim() === fold(b).trim();

/** Whether `later` is a new version of `earlier`. */
export function isVersionOf(later: TrackedArticle, earlier: TrackedArticle): boolean {
  const a = later.article;
  const b = earlier.article;
  if (a.id === b.id || !sameLabel(a.title, b.title)) return false;
  if ((a.outlet || b.outlet) && !sameLabel(a.outlet, b.outlet)) return false;
  return textOverlap(a.text, b.text) >= SAME_TEXT;
}

/** A claim's words and figures, without case, punctuation or inflection: unchanged when this is. */
const normText = (c: { text: string }): string =>
  [...lemmas(c.text), ...(fold(c.text).match(/\d[\d.,]*/g) ?? [])].join(" ");

/** How one claim of a later version relates to the earlier version's claims. */
export interface ClaimPairing<T> {
  change: "added" | "removed" | "changed";
  before: T | null;
  after: T | null;
}

/**
 * Pairs consecutive versions' claims: the same words and figures are unchanged (left out); the same fact, or half
 * the bigrams, `changed`; the rest `added` or `removed`. Generic, so the store can keep ids with the texts.
 */
export function pairClaims<T extends { id: string; text: string }>(
  earlier: readonly T[],
  later: readonly T[],
  factIdOf: (claimId: string) => string | null,
): ClaimPairing<T>[] {
  const changes: ClaimPairing<T>[] = [];
  const unmatched = new Set(earlier);
  const exact = new Map(earlier.map((c) => [normText(c), c]));
  for (const c of later) {
    const same = exact.get(normText(c));
    if (same && unmatched.has(same)) {
      unmatched.delete(same);
      continue;
    }
    const fact = factIdOf(c.id);
    const related = [...unmatched].find((e) => (fact && factIdOf(e.id) === fact) || textOverlap(e.text, c.text) >= 0.5);
    if (related) {
      unmatched.delete(related);
      changes.push({ change: "changed", before: related, after: c });
    } else changes.push({ change: "added", before: null, after: c });
  }
  for (const e of unmatched) changes.push({ change: "removed", before: e, after: null });
  return changes;
}

export function claimChanges(
  earlier: TrackedClaim[],
  later: TrackedClaim[],
  factIdOf: (claimId: string) => string | null,
): ClaimChange[] {
  return pairClaims(earlier, later, factIdOf).map((p) => ({
    change: p.change,
    before: p.before?.text ?? null,
    after: p.after?.text ?? null,
  }));
}

export function findVersions(articles: TrackedArticle[], factIdOf: (claimId: string) => string | null): Version[] {
  const out: Version[] = [];
  const latest: TrackedArticle[] = [];
  for (const a of articles) {
    const i = latest.findIndex((e) => isVersionOf(a, e));
    if (i >= 0) {
      const prev = latest[i]!;
      out.push({
        articleId: a.article.id,
        previousId: prev.article.id,
        changes: claimChanges(prev.claims, a.claims, factIdOf),
      });
      latest[i] = a;
    } else latest.push(a);
  }
  return out;
}
