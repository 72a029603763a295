// The ingest Lambda's entry (the CDK app bundles this path; the local stack calls the same `handler` with SQS
// events). The composition root: the environment is read and validated once, at cold start, and a bad one
// stops the function with a line naming the variable.
import { createIngestHandler } from "../ingest/create-ingest-handler.ts";
import { createThreadExtractor } from "../ingest/thread-extractor.ts";
import { createAwsClients } from "../shared/aws-clients.ts";
import { IngestEnv, loadEnv } from "../shared/env.ts";
import { createLogger } from "../shared/logger.ts";
import { createMetrics } from "../shared/metrics.ts";

const env = loadEnv(IngestEnv);
const { dynamo, s3 } = createAwsClients();
// The extraction thread's entry sits beside this module: extract-worker.ts among the sources, extract-worker.mjs
// beside the bundle's index.mjs (infra/constructs/bundling.ts builds it).
const workerEntry = new URL(`./extract-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".mjs"}`, import.meta.url);
const extractor = createThreadExtractor({ entry: workerEntry, deadlineMs: env.EXTRACTION_DEADLINE_MS });

export const handler = createIngestHandler({
  s3,
  dynamo,
  tableName: env.TABLE_NAME,
  bucket: env.BUCKET_NAME,
  ingestPrefix: env.INGEST_PREFIX,
  maxArticleBytes: env.MAX_ARTICLE_BYTES,
  logger: createLogger(env),
  metrics: createMetrics(env),
  extract: extractor.extract,
});
