// The tracking side of the storage port: what the API reads of facts. The writes happen inside the claim
// store's own writes (completeArticle links, deleting or failing an article unlinks), so they share its
// guarantees; nothing here depends on AWS.
import type { FactRecord, FactStatus, FactSummary, RelatedClaims } from "../schemas/fact-records.ts";
import type { Page, PageRequest } from "./claim-store.ts";

export interface FactFilter {
  /** A member's speaker; case and spacing do not matter. */
  speaker?: string | undefined;
  /** An entity a member names; case and spacing do not matter. */
  entity?: string | undefined;
  /** `YYYY-MM-DD`: facts last reported on or after this day. */
  from?: string | undefined;
  /** `YYYY-MM-DD`: facts first reported on or before this day. */
  to?: string | undefined;
  status?: FactStatus | undefined;
}

export interface FactReader {
  /** One GetItem. */
  getFact(factId: string): Promise<FactRecord | null>;
  /** Null when no claim of that id is tracked. Two GetItems (the article's tracking item, then the fact). */
  getRelated(claimId: string): Promise<RelatedClaims | null>;
  /** Most recently reported first. */
  listFacts(filter: FactFilter, page: PageRequest): Promise<Page<FactSummary>>;
}

/**
 * Where a copy of every fact goes besides the table: the open-data export (functions/export/fact-exports.ts).
 * Tracking writes a fact's copy just before its item and deletes it just before the item, so whatever a crash
 * interrupts, the rerun that finishes the item also rewrites or deletes its copy (docs/export.md).
 */
export interface FactExports {
  /** Idempotent: the same fact gives the same object. */
  put(fact: FactRecord): Promise<void>;
  /** Deleting a fact that has no copy succeeds. */
  delete(factId: string): Promise<void>;
}
