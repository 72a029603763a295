// The read side of the DynamoDB adapter alone, for the API (whose role may only read the table): claims and
// facts, without the writers and the tracking code they link articles with.
import type { ArticleReader } from "./claim-store.ts";
import { createFactReader } from "./dynamo/fact-reads.ts";
import { createReader } from "./dynamo/reads.ts";
import { createStoreContext, type DynamoClaimStoreOptions } from "./dynamo-claim-store.ts";
import type { FactReader } from "./fact-store.ts";

export function createDynamoReadStore(options: DynamoClaimStoreOptions): ArticleReader & FactReader {
  const ctx = createStoreContext(options);
  return { ...createReader(ctx), ...createFactReader(ctx) };
}
