// Corroboration: how many independent outlets and speakers assert a fact. A story one outlet credits to another
// (`reportedBy`) or received through a channel (`via`) counts under its origin, so a wire story republished by
// two outlets is one source.
import type { Corroboration, TrackedArticle } from "../schemas/fact.ts";
import { fold } from "./words.ts";

const key = (s: string): string =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export function corroborationOf(
  members: { claimId: string; articleId: string }[],
  articleById: Map<string, TrackedArticle>,
): Corroboration {
  const outlets = new Map<string, string>();
  const speakers = new Map<string, string>();
  const sources = new Set<string>();
  for (const m of members) {
    const article = articleById.get(m.articleId);
    const claim = article?.claims.find((c) => c.id === m.claimId);
    if (!article || !claim) continue;
    const outlet = article.article.outlet ?? article.article.authors[0] ?? article.file;
    outlets.set(key(outlet), outlet);
    const { speaker, reportedBy, via } = claim.attribution;
    if (speaker) speakers.set(key(speaker), speaker);
    // The origin of the report: the credited outlet, else the first channel, else the publishing outlet.
    const origin = reportedBy ?? via[0] ?? outlet;
    sources.add(key(origin));
  }
  return {
    outlets: [...outlets.values()],
    speakers: [...speakers.values()],
    independentSources: sources.size,
  };
}
