// Linking one article at a time against a bounded set of stored candidates, so that a store can track facts as
// articles arrive. A fact is a connected component of the link relation: two claims of different articles are
// linked when their similarity (similarity.ts, under the fixed weights of fixed-weights.ts) clears the link
// thresholds with nothing vetoing it. That relation is symmetric and a pair's score depends on the two claims
// alone, so the components — and their ids, `fact-<smallest member claim id>` — do not depend on the order in
// which articles arrive (within the candidate bounds below). Pure: the store reads and writes, this decides.
import type { Extraction } from "../schemas/article.ts";
import type { TrackedArticle } from "../schemas/fact.ts";
import { type ClaimFeatures, featuresOf } from "./features.ts";
import { FIXED_STATS } from "./fixed-weights.ts";

export * from "./packed.ts";

import { DEFAULT_LINK_OPTIONS, FactIndex } from "./link.ts";
import { type ArticleTrack, type Link, type Relation, relationKey, type StoredFact, unpackClaim } from "./packed.ts";
import { findConflictsAndUpdates } from "./relations.ts";
import { type LinkReason, linksBy, mayLink, similarity } from "./similarity.ts";

export interface IncrementalOptions {
  /** Claims of candidate articles fully compared per new claim, most shared blocking keys first. */
  maxCandidatesPerClaim: number;
  /** Members a fact holds at most: a link that would grow a fact past it is not taken. */
  maxFactSize: number;
}

export const DEFAULT_INCREMENTAL_OPTIONS: IncrementalOptions = { maxCandidatesPerClaim: 32, maxFactSize: 64 };

const NOTE_CUE = /\b(?:correction|an earlier version|corrected|incorrectly)\b/i;
const MAX_NOTE_CHARS = 2000;
const SHARED_TERMS = 8;

export function packArticle(extraction: Extraction, sortTime: string): ArticleTrack {
  const { article, claims } = extraction;
  const note = article.text
    .split("\n")
    .filter((line) => NOTE_CUE.test(line))
    .join("\n")
    .slice(0, MAX_NOTE_CHARS);
  return {
    articleId: article.id,
    sortTime,
    title: article.title,
    publishedAt: article.publishedAt,
    outlet: article.outlet,
    authors: article.authors,
    note: note || null,
    claims: claims.map((c) => ({
      ordinal: c.ordinal,
      text: c.text,
      speaker: c.attribution.speaker,
      speakerType: c.attribution.speakerType,
      cue: c.attribution.cue,
      kind: c.attribution.kind,
      via: c.attribution.via,
      reportedBy: c.attribution.reportedBy,
      certainty: c.certainty,
      polarity: c.polarity,
      time: c.time,
      entities: c.entities.map((e) => e.name),
    })),
  };
}

const featuresCache = new WeakMap<ArticleTrack, ClaimFeatures[]>();

/** The claims' features (features.ts), computed from the packed claims: stored features never go stale. */
export function featuresOfTrack(t: ArticleTrack): ClaimFeatures[] {
  let fs = featuresCache.get(t);
  if (!fs) {
    fs = t.claims.map((c) => featuresOf(unpackClaim(t.articleId, c), t.articleId, 0));
    featuresCache.set(t, fs);
  }
  return fs;
}

const isBlockingTerm = (t: string): boolean => t.startsWith("@") || t.startsWith("#") || t.startsWith("$");

/**
 * The keys an article is indexed and looked up by: the entity keys (folded names, `@…`), figure keys
 * (`#unit:value`) and speaker keys (`$…`: a claim that names nothing is still found through who said it) of its
 * claims. Both ends of a pair use the same keys, so either finds the other.
 */
export function blockingKeys(t: ArticleTrack): string[] {
  const keys = new Set<string>();
  for (const f of featuresOfTrack(t)) for (const term of f.terms) if (isBlockingTerm(term)) keys.add(term);
  return [...keys].sort();
}

/** One pair, judged in one direction (by claim id) so that the score is symmetric. */
export function judge(a: ClaimFeatures, b: ClaimFeatures): LinkReason {
  return a.claimId < b.claimId ? similarity(a, b, FIXED_STATS) : similarity(b, a, FIXED_STATS);
}

export function isLink(r: LinkReason): boolean {
  return linksBy(r, DEFAULT_LINK_OPTIONS.threshold, DEFAULT_LINK_OPTIONS.minWordScore);
}

/** The links between a new article's claims and the claims of candidate articles (other articles only). */
export function linksOf(
  article: ArticleTrack,
  candidates: ArticleTrack[],
  options: IncrementalOptions = DEFAULT_INCREMENTAL_OPTIONS,
): Link[] {
  const others = candidates
    .filter((c) => c.articleId !== article.articleId)
    .flatMap((c) => featuresOfTrack(c))
    .map((f) => ({ f, keys: new Set([...f.terms].filter(isBlockingTerm)) }));
  const out = new Map<string, Link>();
  for (const f of featuresOfTrack(article)) {
    const mine = [...f.terms].filter(isBlockingTerm);
    const ranked = others
      .map((o) => ({ o: o.f, shared: mine.filter((k) => o.keys.has(k)).length }))
      .filter((x) => x.shared > 0)
      .sort((x, y) => y.shared - x.shared || (x.o.claimId < y.o.claimId ? -1 : 1))
      .slice(0, options.maxCandidatesPerClaim);
    for (const { o } of ranked) {
      const { threshold, minWordScore } = DEFAULT_LINK_OPTIONS;
      if (!mayLink(f, o, FIXED_STATS, threshold, minWordScore)) continue;
      const r = judge(f, o);
      if (!isLink(r)) continue;
      const [a, b] = f.claimId < o.claimId ? [f.claimId, o.claimId] : [o.claimId, f.claimId];
      const shared = [
        ...r.sharedEntities.map((t) => `@${t}`),
        ...r.sharedNumbers.map((t) => `#${t}`),
        ...r.sharedWords,
      ].slice(0, SHARED_TERMS);
      out.set(`${a} ${b}`, { a, b, score: Number(r.score.toFixed(3)), shared });
    }
  }
  return [...out.values()].sort(byLink);
}

const byLink = (x: Link, y: Link): number =>
  y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

export const articleIdOfClaim = (claimId: string): string => claimId.replace(/-c\d+$/, "");

/**
 * The facts (components of two or more claims) the links form. Links are taken strongest first; one that would
 * join two components past `maxFactSize` members is left out (the one place where what else is stored can
 * matter, and only for facts reported that many times).
 */
export function factsOfLinks(links: Link[], options: IncrementalOptions = DEFAULT_INCREMENTAL_OPTIONS): StoredFact[] {
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const unique = new Map(links.map((l) => [`${l.a} ${l.b}`, l]));
  const kept: Link[] = [];
  for (const l of [...unique.values()].sort(byLink)) {
    for (const id of [l.a, l.b]) {
      if (!parent.has(id)) {
        parent.set(id, id);
        size.set(id, 1);
      }
    }
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) {
      if (size.get(ra)! + size.get(rb)! > options.maxFactSize) continue;
      parent.set(rb, ra);
      size.set(ra, size.get(ra)! + size.get(rb)!);
    }
    kept.push(l);
  }
  const groups = new Map<string, { members: string[]; links: Link[] }>();
  for (const id of parent.keys()) {
    const g = groups.get(find(id)) ?? { members: [], links: [] };
    g.members.push(id);
    groups.set(find(id), g);
  }
  for (const l of kept) groups.get(find(l.a))!.links.push(l);
  return [...groups.values()]
    .map(({ members, links: ls }) => {
      members.sort();
      return {
        id: `fact-${members[0]}`,
        members: members.map((claimId) => ({ claimId, articleId: articleIdOfClaim(claimId) })),
        links: ls.sort(byLink),
      };
    })
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** What the store must write so that `before` (the facts touched) becomes `after`. */
export interface FactChange {
  put: StoredFact[];
  /** Ids of facts in `before` no component keeps. */
  remove: string[];
  /** Each claim of `before` or `after` and its fact now (null: in no fact). */
  membership: Map<string, string | null>;
}

export function changeOf(before: StoredFact[], after: StoredFact[]): FactChange {
  const membership = new Map<string, string | null>();
  for (const f of before) for (const m of f.members) membership.set(m.claimId, null);
  for (const f of after) for (const m of f.members) membership.set(m.claimId, f.id);
  const kept = new Set(after.map((f) => f.id));
  const same = (x: StoredFact, y: StoredFact | undefined) => y !== undefined && JSON.stringify(x) === JSON.stringify(y);
  const old = new Map(before.map((f) => [f.id, f]));
  return {
    put: after.filter((f) => !same(f, old.get(f.id))),
    remove: before.map((f) => f.id).filter((id) => !kept.has(id)),
    membership,
  };
}

/** A new article's links merged into the facts its linked candidates belong to. */
export function mergeLinks(touched: StoredFact[], links: Link[], options = DEFAULT_INCREMENTAL_OPTIONS): FactChange {
  return changeOf(touched, factsOfLinks([...touched.flatMap((f) => f.links), ...links], options));
}

/** An article's claims taken out of the facts they were in: what is left splits along its links, or dissolves. */
export function removeClaims(touched: StoredFact[], claimIds: Set<string>, options = DEFAULT_INCREMENTAL_OPTIONS) {
  const left = touched.flatMap((f) => f.links).filter((l) => !claimIds.has(l.a) && !claimIds.has(l.b));
  return changeOf(touched, factsOfLinks(left, options));
}

/**
 * Conflicts and updates between a new article and its candidate articles, found by relations.ts over that small
 * set (in feed-time order): only those that involve the new article are kept. Which earlier claim a figure
 * revises is chosen among these candidates, so unlike facts these can depend on what was stored when.
 */
export function relationsOf(
  article: ArticleTrack,
  candidates: ArticleTrack[],
  factOf: (claimId: string) => string | null,
): Relation[] {
  const all = [article, ...candidates.filter((c) => c.articleId !== article.articleId)].sort((x, y) =>
    x.sortTime < y.sortTime ? -1 : x.sortTime > y.sortTime ? 1 : x.articleId < y.articleId ? -1 : 1,
  );
  const tracked: TrackedArticle[] = all.map((t) => ({
    file: t.articleId,
    article: {
      id: t.articleId,
      contentHash: "0".repeat(64),
      format: "text",
      title: t.title,
      publishedAt: t.publishedAt,
      authors: t.authors,
      outlet: t.outlet,
      url: null,
      text: t.note ?? "",
    },
    claims: t.claims.map((c) => ({ ...unpackClaim(t.articleId, c), factId: null, link: null })),
  }));
  const index = new FactIndex({}, FIXED_STATS);
  all.forEach((t, i) => {
    index.addArticle(t.claims.map((c) => featuresOf(unpackClaim(t.articleId, c), t.articleId, i)));
  });
  const { conflicts, updates } = findConflictsAndUpdates(tracked, index, factOf);
  const mine = (id: string) => articleIdOfClaim(id) === article.articleId;
  const out: Relation[] = [
    ...conflicts
      .filter((c) => mine(c.claims[0]) || mine(c.claims[1]))
      .map((c) => ({ type: "conflict" as const, ...c })),
    ...updates.filter((u) => mine(u.from) || mine(u.to)).map((u) => ({ type: "update" as const, ...u })),
  ];
  return out.sort((x, y) => (relationKey(x) < relationKey(y) ? -1 : 1));
}
