// What the API's routes and use cases work with, passed in by the handler factory.
import type { ObjectStorage } from "../shared/object-storage.ts";
import type { ClaimStore } from "../store/claim-store.ts";

export interface ApiDeps {
  store: ClaimStore;
  objects: ObjectStorage;
  /** Where submitted articles go, so the ingest pipeline picks them up like any upload. */
  ingestPrefix: string;
  maxArticleBytes: number;
  /** Unique ids for upload keys. */
  newId: () => string;
}
