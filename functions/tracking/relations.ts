import type { Conflict, TrackedArticle, Update } from "../schemas/fact.ts";
import type { ClaimFeatures } from "./features.ts";
import type { TermStats } from "./similarity.ts";

export function findConflictsAndUpdates(
  _articles: TrackedArticle[],
  _features: Map<string, ClaimFeatures>,
  _stats: TermStats,
  _factIdOf: (claimId: string) => string | null,
): { conflicts: Conflict[]; updates: Update[] } {
  return { conflicts: [], updates: [] };
}
