// GET /claims/search: the search engine finds the matching ids in the claims export; the claims themselves come
// from the store, so the answer has the shape of every other claim list (and a claim deleted since the export
// was last written is left out). Still running after the wait: the token to poll with.
import type { SearchQuery } from "../../schemas/open-formats.ts";
import type { ClaimRecord } from "../../schemas/records.ts";
import { type SearchOutcome, SearchUnavailableError } from "../../search/claim-search.ts";
import { searchTermsOf } from "../../search/search-terms.ts";
import { mapLimit } from "../../shared/map-limit.ts";
import type { ApiDeps } from "../deps.ts";

const READS_AT_ONCE = 8;

export type SearchAnswer =
  | { status: "done"; page: { items: ClaimRecord[]; nextCursor: null } }
  | { status: "running"; token: string };

export async function searchClaims(deps: ApiDeps, query: SearchQuery): Promise<SearchAnswer> {
  if (!deps.search) throw new SearchUnavailableError("no search engine is configured (ATHENA_WORKGROUP)");
  let outcome: SearchOutcome;
  if (query.token !== undefined) {
    outcome = await deps.search.poll(query.token);
  } else {
    const { words, phrases } = searchTermsOf(query.q ?? "");
    outcome = await deps.search.start({
      words,
      phrases,
      speaker: query.speaker,
      from: query.from,
      to: query.to,
      kind: query.kind,
      limit: query.limit,
    });
  }
  if (outcome.status === "running") return outcome;
  const claims = await mapLimit(outcome.claimIds.slice(0, query.limit), READS_AT_ONCE, (id) => deps.store.getClaim(id));
  return { status: "done", page: { items: claims.filter((c) => c !== null), nextCursor: null } };
}
