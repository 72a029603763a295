// Claims into facts. Each new claim is compared only with the candidates a blocking index proposes (claims
// sharing an entity, a figure or one of their rarest words, at most `maxCandidates`); a pair whose similarity
// clears the thresholds with no figure or time differing is an edge. Facts are the clusters of the edge graph
// found by greedy average-linkage: edges strongest first, two clusters merge when no member vetoes another,
// no article would hold two members and their mean similarity clears `minFactScore` (a fact does not grow by
// chaining). Only the component of the graph a new article touches is re-clustered. The result depends on the
// set of claims, not on the order they arrived in: edges are judged pair by pair in one canonical direction,
// blocking keys are shared by both ends, and the clustering sorts what it merges.
// The index is the incremental interface a store implements: postings by term, edges, a claim → fact assignment.
import type { ClaimFeatures } from "./features.ts";
import { type LinkReason, linksBy, mayLink, similarity, TermStats } from "./similarity.ts";

export interface LinkOptions {
  /** Minimum similarity for two claims of different articles to assert one fact. */
  threshold: number;
  /** Minimum similarity of the content words alone. */
  minWordScore: number;
  /** Minimum mean similarity between two clusters' members for them to merge. */
  minFactScore: number;
  /** Members of each cluster compared when two merge (the first by claim id): bounds a large fact's cost. */
  maxFactSample: number;
  /**
   * Members a fact holds at most; a claim that would join a full fact starts another. Keeps every step's cost
   * bounded by a constant, not by how often one fact has been reported.
   */
  maxFactSize: number;
  /** Edges kept per new claim, strongest first: a claim restated across many stories stays cheap to link. */
  maxEdges: number;
  /** Facts up to this size are taken apart and clustered again when a claim arrives next to them. */
  maxReclusterFact: number;
  /** Claims fully compared per new claim: the bound that keeps linking independent of the corpus size. */
  maxCandidates: number;
  /** Newest postings read per blocking term: a very frequent entity is looked up in a recent window only. */
  maxPostings: number;
  /** Words a claim is looked up by: its rarest ones (entities and figures always block). */
  maxBlockingWords: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  threshold: 0.35,
  minWordScore: 0.25,
  minFactScore: 0.3,
  maxFactSample: 8,
  maxReclusterFact: 12,
  maxEdges: 8,
  maxFactSize: 32,
  maxCandidates: 32,
  maxPostings: 64,
  maxBlockingWords: 8,
};

/** One claim's place: its fact, and the member and reasons that put it there (null for a claim alone). */
export interface Assignment {
  claimId: string;
  factId: string;
  linkedTo: string | null;
  reason: LinkReason | null;
}

const byId = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export class FactIndex {
  readonly stats: TermStats;
  private readonly features = new Map<string, ClaimFeatures>();
  /** Term → the serial numbers of the claims posted under it, oldest first. */
  private readonly postings = new Map<string, number[]>();
  /** Each indexed claim's serial number and the claim by serial: postings and tallies use numbers, not ids. */
  private readonly serialOf = new Map<string, number>();
  private readonly bySerial: Array<ClaimFeatures | undefined> = [];
  /** Scratch tallies of shared blocking weight, by serial; reset after every lookup. */
  private tally = new Float64Array(1024);
  private readonly blocking = new Map<string, string[]>();
  private readonly edges = new Map<string, Map<string, LinkReason>>();
  private readonly assignment = new Map<string, Assignment>();
  private readonly members = new Map<string, string[]>();
  private readonly options: LinkOptions;
  private readonly countTerms: boolean;

  /**
   * `stats` given: term frequencies already counted over the whole batch (the CLI sees every article first);
   * without them, each added claim counts its terms as it arrives (a store's running statistics).
   */
  constructor(options: Partial<LinkOptions> = {}, stats?: TermStats) {
    this.options = { ...DEFAULT_LINK_OPTIONS, ...options };
    this.stats = stats ?? new TermStats();
    this.countTerms = !stats;
  }

  factOf(claimId: string): Assignment | undefined {
    return this.assignment.get(claimId);
  }

  membersOf(factId: string): readonly string[] {
    return this.members.get(factId) ?? [];
  }

  featuresOf(claimId: string): ClaimFeatures | undefined {
    return this.features.get(claimId);
  }

  /** Terms a claim is found by: entities and figures always, and its `maxBlockingWords` rarest words. */
  private blockingTerms(f: ClaimFeatures): string[] {
    const keys: string[] = [];
    const words: string[] = [];
    for (const t of f.terms) {
      if (t.startsWith("@") || t.startsWith("#")) keys.push(t);
      else if (!t.startsWith("$")) words.push(t);
    }
    words.sort((x, y) => this.stats.frequency(x) - this.stats.frequency(y) || byId(x, y));
    return [...keys, ...words.slice(0, this.options.maxBlockingWords)];
  }

  /** Claims of other articles worth a full comparison, most shared blocking weight first. */
  candidates(f: ClaimFeatures): ClaimFeatures[] {
    if (this.tally.length < this.bySerial.length) this.tally = new Float64Array(this.bySerial.length * 2);
    const tally = this.tally;
    const touched: number[] = [];
    for (const term of this.blocking.get(f.claimId) ?? this.blockingTerms(f)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const w = this.stats.idf(term);
      for (let i = list.length - 1, seen = 0; i >= 0 && seen < this.options.maxPostings; i--, seen++) {
        const serial = list[i]!;
        if (tally[serial] === 0) touched.push(serial);
        tally[serial]! += w;
      }
    }
    const found: Array<{ c: ClaimFeatures; w: number }> = [];
    for (const serial of touched) {
      const c = this.bySerial[serial];
      if (c && c.articleId !== f.articleId) found.push({ c, w: tally[serial]! });
      tally[serial] = 0;
    }
    return found
      .sort((x, y) => y.w - x.w || byId(x.c.claimId, y.c.claimId))
      .slice(0, this.options.maxCandidates)
      .map(({ c }) => c);
  }

  /** The similarity of two claims, always judged in one direction (by claim id) so that it is symmetric. */
  pair(a: ClaimFeatures, b: ClaimFeatures): LinkReason {
    return a.claimId < b.claimId ? similarity(a, b, this.stats) : similarity(b, a, this.stats);
  }

  /** Links one article's claims to the facts already indexed; returns the new claims' assignments. */
  addArticle(claims: ClaimFeatures[]): Assignment[] {
    if (this.countTerms) for (const c of claims) this.stats.add(c.terms);
    for (const f of claims) {
      this.features.set(f.claimId, f);
      const serial = this.bySerial.length;
      this.bySerial.push(f);
      this.serialOf.set(f.claimId, serial);
      const terms = this.blockingTerms(f);
      this.blocking.set(f.claimId, terms);
      for (const t of terms) {
        const list = this.postings.get(t);
        if (list) list.push(serial);
        else this.postings.set(t, [serial]);
      }
    }
    for (const f of claims) {
      const found: Array<[string, LinkReason]> = [];
      for (const c of this.candidates(f)) {
        if (!mayLink(f, c, this.stats, this.options.threshold, this.options.minWordScore)) continue;
        const r = this.pair(f, c);
        if (this.links(r)) found.push([c.claimId, r]);
      }
      found.sort((x, y) => y[1].score - x[1].score || byId(x[0], y[0]));
      for (const [id, r] of found.slice(0, this.options.maxEdges)) this.connect(f.claimId, id, r);
    }
    this.recluster(claims.map((c) => c.claimId));
    return claims.map((c) => this.assignment.get(c.claimId)!);
  }

  /**
   * Takes an article's claims out of their facts (a deleted or re-extracted article); the facts they were in
   * are clustered again without them, so a fact left with one member dissolves.
   */
  removeArticle(claimIds: string[]): void {
    const neighbours = new Set<string>();
    for (const id of claimIds) {
      const f = this.features.get(id);
      if (!f) continue;
      if (this.countTerms) this.stats.remove(f.terms);
      for (const other of this.edges.get(id)?.keys() ?? []) {
        neighbours.add(other);
        this.edges.get(other)?.delete(id);
      }
      this.edges.delete(id);
      const serial = this.serialOf.get(id)!;
      for (const t of this.blocking.get(id) ?? []) {
        const list = this.postings.get(t)?.filter((x) => x !== serial);
        if (list?.length) this.postings.set(t, list);
        else this.postings.delete(t);
      }
      this.bySerial[serial] = undefined;
      this.serialOf.delete(id);
      const a = this.assignment.get(id);
      if (a) for (const m of this.members.get(a.factId) ?? []) neighbours.add(m);
      this.blocking.delete(id);
      this.features.delete(id);
      this.assignment.delete(id);
    }
    for (const id of claimIds) neighbours.delete(id);
    this.recluster([...neighbours]);
  }

  private links(r: LinkReason): boolean {
    return linksBy(r, this.options.threshold, this.options.minWordScore);
  }

  private connect(a: string, b: string, r: LinkReason): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = this.edges.get(x);
      if (m) m.set(y, r);
      else this.edges.set(x, new Map([[y, r]]));
    }
  }

  /**
   * Clusters again the claims around `seeds` (arriving claims, or the former partners of leaving ones): the
   * seeds, the claims they have edges to, and the members of those claims' facts, from all the edges between
   * them; then records each claim's fact. A fact larger than `maxReclusterFact` is not taken apart but kept
   * as one unit that others can join, which bounds the cost for a fact a store has seen reported many times
   * (and is the one place where arrival order can matter).
   */
  private recluster(seeds: string[]): void {
    this.scratch = new Map();
    const ids = new Set<string>(seeds.filter((s) => this.features.has(s)));
    for (const id of [...ids]) for (const next of this.edges.get(id)?.keys() ?? []) ids.add(next);
    const cluster = new Map<string, string[]>();
    const units = new Set<string[]>();
    for (const id of [...ids]) {
      const a = this.assignment.get(id);
      if (!a || cluster.has(id)) continue;
      const members = (this.members.get(a.factId) ?? []).filter((m) => this.features.has(m));
      if (members.length > this.options.maxReclusterFact) {
        units.add(members);
        for (const m of members) cluster.set(m, members);
      } else for (const m of members) ids.add(m);
      this.members.delete(a.factId);
    }
    for (const id of ids) if (!cluster.has(id)) cluster.set(id, [id]);
    const edges: Array<[string, string, LinkReason]> = [];
    for (const a of ids) {
      for (const [b, r] of this.edges.get(a) ?? []) {
        if (!cluster.has(b) || (ids.has(b) && b < a)) continue;
        edges.push(a < b ? [a, b, r] : [b, a, r]);
      }
    }
    edges.sort((x, y) => y[2].score - x[2].score || byId(x[0], y[0]) || byId(x[1], y[1]));
    for (const [a, b] of edges) {
      const ca = cluster.get(a)!;
      const cb = cluster.get(b)!;
      if (ca === cb || !this.mayMerge(ca, cb)) continue;
      const merged = [...ca, ...cb].sort(byId);
      for (const id of merged) cluster.set(id, merged);
    }
    const done = new Set<string[]>();
    for (const id of [...ids, ...[...units].flat()]) {
      const members = cluster.get(id)!;
      if (done.has(members)) continue;
      done.add(members);
      const factId = `fact-${members[0]}`;
      this.members.set(factId, members);
      if (units.has(members)) continue; // an untouched large fact: its members' assignments stand
      for (const m of members) {
        let best: [string, LinkReason] | null = null;
        for (const [other, r] of this.edges.get(m) ?? []) {
          if (cluster.get(other) !== members) continue;
          if (!best || r.score > best[1].score || (r.score === best[1].score && other < best[0])) best = [other, r];
        }
        this.assignment.set(m, { claimId: m, factId, linkedTo: best?.[0] ?? null, reason: best?.[1] ?? null });
      }
    }
  }

  /**
   * Two clusters merge when no article would hold two members, no pair of members vetoes (figures or times
   * that differ) and the mean similarity across them clears `minFactScore`, over the first `maxFactSample`
   * members of each (by claim id, so the sample does not depend on arrival order).
   */
  /** Pairs judged while one neighbourhood is clustered: a merge attempt repeats many of the last one's. */
  private scratch = new Map<string, LinkReason>();

  private judged(x: string, y: string): LinkReason {
    const key = x < y ? `${x} ${y}` : `${y} ${x}`;
    let r = this.scratch.get(key);
    if (!r) {
      r = this.pair(this.features.get(x)!, this.features.get(y)!);
      this.scratch.set(key, r);
    }
    return r;
  }

  private mayMerge(a: string[], b: string[]): boolean {
    if (a.length + b.length > this.options.maxFactSize) return false;
    const articles = new Set(a.map((id) => this.features.get(id)!.articleId));
    if (b.some((id) => articles.has(this.features.get(id)!.articleId))) return false;
    let sum = 0;
    let n = 0;
    for (const x of a.slice(0, this.options.maxFactSample)) {
      for (const y of b.slice(0, this.options.maxFactSample)) {
        const r = this.edges.get(x)?.get(y) ?? this.judged(x, y);
        if (r.differs) return false;
        sum += r.score;
        n++;
      }
    }
    return n > 0 && sum / n >= this.options.minFactScore;
  }
}
