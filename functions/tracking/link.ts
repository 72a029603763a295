// Claims into facts, one article at a time: each new claim is compared only with the candidates a blocking
// index proposes (claims sharing an entity, a figure or a rare word, newest first, at most `maxCandidates`), and
// joins the fact of the most similar one when the score clears the threshold and no figure or time differs.
// The index is the incremental interface a store implements: postings by term, a claim → fact assignment.
import type { ClaimFeatures } from "./features.ts";
import { type LinkReason, similarity, TermStats } from "./similarity.ts";

export interface LinkOptions {
  /** Minimum similarity for two claims of different articles to assert one fact. */
  threshold: number;
  /** Minimum similarity of the content words alone. */
  minWordScore: number;
  /** Minimum mean similarity to the fact's members in other articles: keeps a fact from growing by chaining. */
  minFactScore: number;
  /** Members of a fact a new claim is checked against. */
  maxFactSample: number;
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
  maxCandidates: 24,
  maxPostings: 64,
  maxBlockingWords: 8,
};

/** One claim's place: its fact, and the claim and reasons that put it there (null for a fact's first claim). */
export interface Assignment {
  claimId: string;
  factId: string;
  linkedTo: string | null;
  reason: LinkReason | null;
}

export class FactIndex {
  readonly stats: TermStats;
  private readonly features = new Map<string, ClaimFeatures>();
  private readonly postings = new Map<string, string[]>();
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
    for (const t of f.terms) (t.startsWith("@") || t.startsWith("#") ? keys : t.startsWith("$") ? [] : words).push(t);
    words.sort((x, y) => this.stats.frequency(x) - this.stats.frequency(y) || (x < y ? -1 : 1));
    return [...keys, ...words.slice(0, this.options.maxBlockingWords)];
  }

  /** Claims of other articles worth a full comparison, most shared blocking weight first. */
  candidates(f: ClaimFeatures): ClaimFeatures[] {
    const weightOf = new Map<string, number>();
    for (const term of this.blockingTerms(f)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const w = this.stats.idf(term);
      for (let i = list.length - 1, seen = 0; i >= 0 && seen < this.options.maxPostings; i--, seen++) {
        const id = list[i]!;
        weightOf.set(id, (weightOf.get(id) ?? 0) + w);
      }
    }
    return [...weightOf.entries()]
      .map(([id, w]) => ({ c: this.features.get(id)!, w }))
      .filter(({ c }) => c.articleId !== f.articleId)
      .sort((x, y) => y.w - x.w || (x.c.claimId < y.c.claimId ? -1 : 1))
      .slice(0, this.options.maxCandidates)
      .map(({ c }) => c);
  }

  /** Links one article's claims to the facts already indexed, then indexes them. */
  addArticle(claims: ClaimFeatures[]): Assignment[] {
    if (this.countTerms) for (const c of claims) this.stats.add(c.terms);
    const out: Assignment[] = [];
    for (const f of claims) {
      let best: { c: ClaimFeatures; r: LinkReason } | null = null;
      for (const c of this.candidates(f)) {
        const r = similarity(f, c, this.stats);
        if (!this.links(r) || (best && r.score <= best.r.score)) continue;
        if (this.fitsFact(f, this.assignment.get(c.claimId)!.factId)) best = { c, r };
      }
      const factId = best ? this.assignment.get(best.c.claimId)!.factId : `fact-${f.claimId}`;
      out.push({ claimId: f.claimId, factId, linkedTo: best?.c.claimId ?? null, reason: best?.r ?? null });
    }
    for (const [i, f] of claims.entries()) this.index(f, out[i]!);
    return out;
  }

  /**
   * Takes an article's claims out of their facts (a deleted or re-extracted article). The remaining members
   * keep their fact id; a fact left with one member is, by the rule of `factId`, no fact until another joins.
   */
  removeArticle(claimIds: string[]): void {
    const gone = new Set(claimIds);
    for (const id of claimIds) {
      const f = this.features.get(id);
      const a = this.assignment.get(id);
      if (!f || !a) continue;
      if (this.countTerms) this.stats.remove(f.terms);
      const m = (this.members.get(a.factId) ?? []).filter((x) => !gone.has(x));
      if (m.length > 0) this.members.set(a.factId, m);
      else this.members.delete(a.factId);
      for (const t of f.terms) {
        const list = this.postings.get(t)?.filter((x) => !gone.has(x));
        if (list?.length) this.postings.set(t, list);
        else this.postings.delete(t);
      }
      this.features.delete(id);
      this.assignment.delete(id);
    }
  }

  private links(r: LinkReason): boolean {
    return !r.differs && r.score >= this.options.threshold && r.wordScore >= this.options.minWordScore;
  }

  /**
   * The fact's newest members of other articles (at most `maxFactSample`) are all compatible, and the mean
   * similarity to them clears `minFactScore`. The sample bounds the cost when one fact grows large.
   */
  private fitsFact(f: ClaimFeatures, factId: string): boolean {
    let sum = 0;
    let n = 0;
    const members = this.members.get(factId) ?? [];
    for (let i = members.length - 1; i >= 0 && n < this.options.maxFactSample; i--) {
      const m = this.features.get(members[i]!)!;
      if (m.articleId === f.articleId) continue;
      const r = similarity(f, m, this.stats);
      if (r.differs) return false;
      sum += r.score;
      n++;
    }
    return n === 0 || sum / n >= this.options.minFactScore;
  }

  private index(f: ClaimFeatures, a: Assignment): void {
    this.features.set(f.claimId, f);
    this.assignment.set(f.claimId, a);
    const m = this.members.get(a.factId);
    if (m) m.push(f.claimId);
    else this.members.set(a.factId, [f.claimId]);
    for (const t of f.terms) {
      const list = this.postings.get(t);
      if (list) list.push(f.claimId);
      else this.postings.set(t, [f.claimId]);
    }
  }
}
