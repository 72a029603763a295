// The API Lambda's entry (the CDK app bundles this path; the local stack calls the same `handler` with API Gateway
// REST events). The composition root: the environment is read and validated once, at cold start, and a bad one
// stops the function with a line naming the variable.
import { createApiHandler } from "../api/create-api-handler.ts";
import { s3ConnectionFromEnv } from "../api/s3/s3-connection.ts";
import { createAthenaClaimSearch } from "../search/athena-claim-search.ts";
import { createDynamoClient } from "../shared/aws-clients.ts";
import { ApiEnv, loadEnv } from "../shared/env.ts";
import { createLogger } from "../shared/logger.ts";

const env = loadEnv(ApiEnv);
const s3 = s3ConnectionFromEnv(env.AWS_REGION);

export const handler = createApiHandler({
  dynamo: createDynamoClient(),
  s3,
  tableName: env.TABLE_NAME,
  bucket: env.BUCKET_NAME,
  ingestPrefix: env.INGEST_PREFIX,
  maxArticleBytes: env.MAX_ARTICLE_BYTES,
  corsAllowOrigin: env.CORS_ALLOW_ORIGIN,
  logger: createLogger(env),
  ...(env.ATHENA_WORKGROUP && env.ATHENA_DATABASE
    ? {
        search: createAthenaClaimSearch({
          region: env.AWS_REGION,
          endpoint: env.AWS_ENDPOINT_URL_ATHENA,
          credentials: s3.credentials,
          workGroup: env.ATHENA_WORKGROUP,
          database: env.ATHENA_DATABASE,
        }),
      }
    : {}),
});
