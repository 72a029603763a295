// The tracking use case: extracted articles in publication order → claims linked into facts, conflicts,
// updates, versions and corroboration. Pure: no I/O.
import type { Extraction } from "../schemas/article.ts";
import type { Fact, TrackedArticle, Tracking } from "../schemas/fact.ts";
import { corroborationOf } from "./corroboration.ts";
import { featuresOf } from "./features.ts";
import { type Assignment, FactIndex, type LinkOptions } from "./link.ts";
import { findConflictsAndUpdates } from "./relations.ts";
import { TermStats } from "./similarity.ts";
import { findVersions } from "./versions.ts";

export interface TrackInput {
  file: string;
  extraction: Extraction;
}

export function track(inputs: TrackInput[], options: Partial<LinkOptions> = {}): Tracking {
  const features = inputs.map(({ extraction }, i) =>
    extraction.claims.map((c) => featuresOf(c, extraction.article.id, i)),
  );
  // The batch is known whole: every term's frequency is counted before any link is judged.
  const stats = new TermStats();
  for (const list of features) for (const f of list) stats.add(f.terms);
  const index = new FactIndex(options, stats);
  for (const list of features) index.addArticle(list);
  // A later article can regroup earlier claims: assignments are read once every article is in.
  const assignments = new Map<string, Assignment>();
  for (const list of features) for (const f of list) assignments.set(f.claimId, index.factOf(f.claimId)!);

  const sizes = new Map<string, number>();
  for (const a of assignments.values()) sizes.set(a.factId, (sizes.get(a.factId) ?? 0) + 1);
  const factIdOf = (claimId: string): string | null => {
    const id = assignments.get(claimId)?.factId;
    return id && (sizes.get(id) ?? 0) > 1 ? id : null;
  };

  const articles: TrackedArticle[] = inputs.map(({ file, extraction }) => ({
    file,
    article: extraction.article,
    claims: extraction.claims.map((c) => {
      const a = assignments.get(c.id);
      const r = a?.reason;
      return {
        ...c,
        factId: factIdOf(c.id),
        link:
          a?.linkedTo && r
            ? {
                linkedTo: a.linkedTo,
                score: Number(r.score.toFixed(3)),
                sharedEntities: r.sharedEntities,
                sharedNumbers: r.sharedNumbers,
                sharedSpeakers: r.sharedSpeakers,
                sharedWords: r.sharedWords,
              }
            : null,
      };
    }),
  }));

  const facts = factsOf(articles);
  const { conflicts, updates } = findConflictsAndUpdates(articles, index, factIdOf);
  return { articles, facts, conflicts, updates, versions: findVersions(articles, factIdOf) };
}

function factsOf(articles: TrackedArticle[]): Fact[] {
  const byFact = new Map<string, { claimId: string; articleId: string }[]>();
  const text = new Map<string, string>();
  for (const a of articles) {
    for (const c of a.claims) {
      if (!c.factId) continue;
      const list = byFact.get(c.factId) ?? [];
      if (list.length === 0) text.set(c.factId, c.text);
      list.push({ claimId: c.id, articleId: a.article.id });
      byFact.set(c.factId, list);
    }
  }
  const articleById = new Map(articles.map((a) => [a.article.id, a]));
  return [...byFact.entries()].map(([id, members]) => ({
    id,
    text: text.get(id)!,
    members,
    corroboration: corroborationOf(members, articleById),
    firstReported: articleById.get(members[0]!.articleId)?.article.publishedAt ?? null,
  }));
}
