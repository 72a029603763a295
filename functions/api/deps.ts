// What the API's routes and use cases work with, passed in by the handler factory. The store is read-only here:
// the API's role may only read the table, and the ingest pipeline makes every write (see docs/deploy.md).
import type { ClaimSearch } from "../search/claim-search.ts";
import type { ObjectStorage } from "../shared/object-storage.ts";
import type { ArticleReader } from "../store/claim-store.ts";
import type { FactReader } from "../store/fact-store.ts";

export interface ApiDeps {
  store: ArticleReader & FactReader;
  objects: ObjectStorage;
  /** Where submitted articles go, so the ingest pipeline picks them up like any upload. */
  ingestPrefix: string;
  maxArticleBytes: number;
  /** Unique ids for upload keys. */
  newId: () => string;
  /** Word search over the claims export; absent when no engine is configured (then a 503). */
  search?: ClaimSearch | undefined;
}
