// Word search over the claims export, behind a small interface: the SQL engine (Athena in the cloud, its local
// stand-in on DuckDB) finds the matching claim ids; the API reads the claims themselves through the store.
// A query may outlast the request: then the search answers a token to poll with.
import type { AttributionKind } from "../schemas/claim.ts";

export interface SearchRequest {
  /** Every word must occur in the claim's text (case does not matter). */
  words: string[];
  /** Every phrase must occur as written, apart from case. */
  phrases: string[];
  speaker?: string | undefined;
  /** `YYYY-MM-DD`: claims about a period that ends on or after this day (it overlaps the window). */
  from?: string | undefined;
  /** `YYYY-MM-DD`: claims about a period that starts on or before this day (it overlaps the window). */
  to?: string | undefined;
  /** `attribution.kind`; export rows written before claims had a kind count as statements. */
  kind?: AttributionKind | undefined;
  limit: number;
}

export type SearchOutcome = { status: "done"; claimIds: string[] } | { status: "running"; token: string };

export interface ClaimSearch {
  start(request: SearchRequest): Promise<SearchOutcome>;
  /** The outcome of a search that was still running; throws SearchTokenError for a token it never gave. */
  poll(token: string): Promise<SearchOutcome>;
}

/** The token names no search (unknown, expired or malformed): a 400. */
export class SearchTokenError extends Error {
  constructor(token: string) {
    super(`no search has the token ${JSON.stringify(token.slice(0, 80))}`);
    this.name = "SearchTokenError";
  }
}

/** The engine failed or refused the query: a 503, the message logged. */
export class SearchUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchUnavailableError";
  }
}
