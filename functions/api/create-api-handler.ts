// Builds the API Lambda handler from its dependencies: one handler and a small router serve every route.
// functions/handlers/api.ts calls it with clients from the environment; tests call it with emulator clients.
import { randomUUID } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import middy from "@middy/core";
import httpCors from "@middy/http-cors";
import type { APIGatewayProxyEvent } from "aws-lambda";
import type { ClaimSearch } from "../search/claim-search.ts";
import type { Log } from "../shared/logger.ts";
import { createDynamoReadStore } from "../store/dynamo-read-store.ts";
import type { ApiDeps } from "./deps.ts";
import { problemResponses, requestLog } from "./middleware.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import type { ApiResponse } from "./response.ts";
import { createRouter, type Route } from "./router.ts";
import { articleRoutes } from "./routes/articles.ts";
import { claimRoutes } from "./routes/claims.ts";
import { factRoutes } from "./routes/facts.ts";
import { metaRoutes } from "./routes/meta.ts";
import { speakerRoutes } from "./routes/speakers.ts";
import { uploadRoutes } from "./routes/uploads.ts";
import { versionRoutes } from "./routes/versions.ts";
import { createS3ObjectStorage, type S3Connection } from "./s3/s3-object-storage.ts";

export interface ApiHandlerOptions {
  /** Only read: the API's role may not write the table (the ingest pipeline does). */
  dynamo: DynamoDBClient;
  /** Region, credentials and (for emulators) endpoint of the bucket; see s3/s3-object-storage.ts. */
  s3: S3Connection;
  tableName: string;
  bucket: string;
  ingestPrefix: string;
  maxArticleBytes: number;
  /** "*", one origin, or several separated by commas. */
  corsAllowOrigin: string;
  logger: Log;
  newId?: () => string;
  /** Word search over the claims export (`GET /claims/search`); the route answers 503 without one. */
  search?: ClaimSearch;
}

export function createApiHandler(options: ApiHandlerOptions) {
  const deps: ApiDeps = {
    store: createDynamoReadStore({ client: options.dynamo, tableName: options.tableName }),
    objects: createS3ObjectStorage({ ...options.s3, bucket: options.bucket }),
    ingestPrefix: options.ingestPrefix,
    maxArticleBytes: options.maxArticleBytes,
    newId: options.newId ?? randomUUID,
    search: options.search,
  };
  return createApiHandlerFor(deps, options);
}

const API_TITLE = "claimtrack API";

/** The same handler over any store and object storage (the ports), for tests that need to swap one. */
export function createApiHandlerFor(deps: ApiDeps, options: Pick<ApiHandlerOptions, "corsAllowOrigin" | "logger">) {
  const routes: Route[] = [
    ...articleRoutes(deps),
    ...versionRoutes(deps),
    ...claimRoutes(deps),
    ...factRoutes(deps),
    ...speakerRoutes(deps),
    ...uploadRoutes(deps),
  ];
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  routes.push(
    ...metaRoutes(() => {
      document ??= buildOpenApiDocument(routes, {
        title: API_TITLE,
        version: "1.0.0",
        description:
          "Atomic claims with source attribution, extracted from news articles: query them by article, speaker, " +
          "entity, time and certainty, and submit articles for processing.",
      });
      return document;
    }, API_TITLE),
  );
  const router = createRouter(routes);
  const origins = options.corsAllowOrigin.split(",").map((o) => o.trim());
  return middy<APIGatewayProxyEvent, ApiResponse>()
    .use(requestLog(options.logger))
    .use(
      httpCors({
        ...(origins.length > 1 ? { origins } : { origin: origins[0]! }),
        methods: "GET,POST,DELETE,OPTIONS",
        // The web app sends its Cognito token in Authorization, from its own origin.
        headers: "Content-Type,Authorization",
        exposeHeaders: "Location",
        maxAge: 600,
        disableBeforePreflightResponse: false,
      }),
    )
    .use(problemResponses(options.logger))
    .handler((event) => router.handle(event));
}
