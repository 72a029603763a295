// What is deployed is what is tested: the bundles `cdk synth` stages as Lambda assets are loaded by Node.js 24
// in a child process, with the environment the template gives each function, and run against the local
// stand-ins for S3 and DynamoDB. The ingest bundle turns an uploaded seed into stored claims; the API bundle
// then serves them, stores and deletes objects — with only the actions its synthesized role grants — and the
// ingest bundle completes the deletion. Size budgets keep cold starts short.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { notificationFor } from "../../local/s3-notifications.ts";
import { functionConfig } from "../../scripts/bundle/assets.ts";
import { type ApiRequest, apiEvent, type LocalAws, sqsEvent, startLocalAws } from "../../scripts/bundle/local-aws.ts";
import { runBundle } from "../../scripts/bundle/run-bundle.ts";
import { assetDirOf, describeSynth, HANDLERS_READY, type Synthesized, synthesize } from "./support/synth.ts";

const KB = 1024;
/**
 * Budgets, minified with the AWS SDK inside. The API bundle holds the DynamoDB client and the SDK runtime it
 * needs (~170 KB), zod (~100 KB, JSON Schema output and the examples of the OpenAPI document included), the
 * Powertools logger, and claimtrack's own code (routes, search over Athena, CSV and JSON-LD output). It signs its
 * few S3 and Athena requests itself (no S3 or Athena client) and the bundles take credentials from the
 * environment only (no SSO/STS/INI code). About 410 KB is measured; the budget leaves a little room.
 */
const API_BUDGET = 440 * KB;
const INGEST_BUDGET = 4 * KB * KB;
const SEED = "seeds/up-2025-07-07-coalition-rome.txt";

let s: Synthesized;
let aws: LocalAws;
beforeAll(async () => {
  if (!HANDLERS_READY) return;
  s = synthesize();
  aws = await startLocalAws();
}, 180_000);
afterAll(async () => {
  await aws?.stop();
  s?.cleanup();
});

/** The function's environment from the template, with the table and bucket it would get on AWS made local. */
function environmentOf(functionPrefix: string): Record<string, string> {
  const { memoryMb, environment } = functionConfig(s.serviceJson.Resources, functionPrefix);
  return {
    ...environment,
    TABLE_NAME: aws.tableName,
    BUCKET_NAME: aws.bucket,
    AWS_LAMBDA_FUNCTION_NAME: functionPrefix,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
    ...aws.sdkEnv,
  };
}

interface ApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

async function callApi(request: ApiRequest): Promise<ApiResult> {
  const run = await runBundle(assetDirOf(s, "ApiFunction"), [apiEvent(request)], environmentOf("ApiFunction"));
  return run.invocations[0]!.result as ApiResult;
}

function header(result: ApiResult, name: string): string | undefined {
  return Object.entries(result.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
}

describeSynth("deployable bundles", () => {
  it("stay within their size budgets", () => {
    const api = statSync(join(assetDirOf(s, "ApiFunction"), "index.mjs")).size;
    const ingest = statSync(join(assetDirOf(s, "IngestFunction"), "index.mjs")).size;
    console.info(`bundle sizes: api ${(api / KB).toFixed(0)} KB, ingest ${(ingest / KB).toFixed(0)} KB`);
    expect(api).toBeLessThanOrEqual(API_BUDGET);
    expect(ingest).toBeLessThanOrEqual(INGEST_BUDGET);
  });

  it("the ingest bundle turns an uploaded seed into a processed article with claims", {
    timeout: 120_000,
  }, async () => {
    const bytes = readFileSync(SEED);
    const articleId = articleIdFor(contentHashOf(bytes));
    const record = await aws.upload("incoming/coalition-rome.txt", bytes);
    const run = await runBundle(assetDirOf(s, "IngestFunction"), [sqsEvent([record])], environmentOf("IngestFunction"));
    expect(run.invocations[0]!.result, run.output).toEqual({ batchItemFailures: [] });

    const store = createDynamoClaimStore({ client: aws.dynamo.client, tableName: aws.tableName });
    const article = await store.getArticle(articleId);
    expect(article?.status).toBe("PROCESSED");
    const claims = await store.listArticleClaims(articleId, { limit: 200 });
    expect(claims?.items.length).toBeGreaterThan(0);
    // The ingest function read the bucket and wrote nothing there but the article's text and its claims export.
    const writes = aws.s3Requests.filter((r) => r.method !== "GET" && r.method !== "HEAD");
    expect(writes.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual([
      `PUT /${aws.bucket}/text/${articleId}.txt`,
      `PUT /${aws.bucket}/export/index/${articleId}.txt`,
      // "=" is percent-encoded in the request path.
      `PUT /${aws.bucket}/export/claims/published%3D2025-07/${articleId}.jsonl.gz`,
    ]);
  });

  it("the ingest bundle extracts on its bundled worker thread, and stops it at the deadline", {
    timeout: 120_000,
  }, async () => {
    const dir = assetDirOf(s, "IngestFunction");
    expect(statSync(join(dir, "extract-worker.mjs")).size).toBeLessThanOrEqual(INGEST_BUDGET);
    // A long article (seconds of extraction) against the shortest deadline the environment allows.
    const base = readFileSync(SEED, "utf8");
    const long = Array.from({ length: 200 }, (_, i) => base.replaceAll("Rome", `Rome ${i}`)).join("\n\n");
    const bytes = Buffer.from(long);
    const record = await aws.upload("incoming/long-read.txt", bytes);
    const run = await runBundle(dir, [sqsEvent([record])], {
      ...environmentOf("IngestFunction"),
      EXTRACTION_DEADLINE_MS: "100",
    });
    expect(run.invocations[0]!.result, run.output).toEqual({ batchItemFailures: [] });
    const store = createDynamoClaimStore({ client: aws.dynamo.client, tableName: aws.tableName });
    const article = await store.getArticle(articleIdFor(contentHashOf(bytes)));
    expect(article?.status).toBe("FAILED");
    expect(article?.failureReason).toMatch(/^TIMEOUT: reading the file took longer than 100 ms/);
  });

  it("the API bundle serves what the ingest bundle stored", { timeout: 60_000 }, async () => {
    const articleId = articleIdFor(contentHashOf(readFileSync(SEED)));
    const article = await callApi({ method: "GET", resource: "/articles/{id}", pathParameters: { id: articleId } });
    expect(article.statusCode, article.body).toBe(200);
    expect(JSON.parse(article.body)).toMatchObject({ id: articleId, status: "PROCESSED" });

    const claims = await callApi({
      method: "GET",
      resource: "/articles/{id}/claims",
      pathParameters: { id: articleId },
    });
    expect(claims.statusCode, claims.body).toBe(200);
    type Evidence = { start: number; end: number; quote: string };
    const page = JSON.parse(claims.body) as { items: { id: string; text: string; evidence: Evidence }[] };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]!.id.startsWith(articleId)).toBe(true);

    const text = await callApi({ method: "GET", resource: "/articles/{id}/text", pathParameters: { id: articleId } });
    expect(text.statusCode, text.body).toBe(200);
    const body = JSON.parse(text.body) as { text: string };
    for (const { evidence } of page.items) expect(body.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  });

  it("the API bundle stores a raw file posted as bytes under the ingest prefix", { timeout: 60_000 }, async () => {
    // windows-1252: "café" with é as the single byte 0xE9, as API Gateway delivers a binary media type.
    const bytes = Buffer.concat([
      Buffer.from("Mayor Ana Ruiz said the caf"),
      Buffer.from([0xe9]),
      Buffer.from(" on Main Street will reopen in May.\n"),
    ]);
    const posted = await callApi({
      method: "POST",
      resource: "/articles",
      headers: { "Content-Type": "text/plain; charset=windows-1252" },
      body: bytes,
    });
    expect(posted.statusCode, posted.body).toBe(202);
    const accepted = JSON.parse(posted.body) as { id: string; source: { bucket: string; key: string } };
    expect(accepted.id).toBe(articleIdFor(contentHashOf(bytes)));
    expect(accepted.source.bucket).toBe(aws.bucket);
    expect(accepted.source.key.startsWith("incoming/")).toBe(true);
  });

  it("the API bundle answers an unknown article with problem+json", { timeout: 60_000 }, async () => {
    const missing = await callApi({
      method: "GET",
      resource: "/articles/{id}",
      pathParameters: { id: "0123456789abcdef0123" },
    });
    expect(missing.statusCode).toBe(404);
    expect(header(missing, "content-type")).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(missing.body)).toMatchObject({ status: 404 });
  });

  it("the API bundle serves the docs page's Swagger UI files from its own asset", { timeout: 60_000 }, async () => {
    // The asset (outside the project, no node_modules near it) holds the pinned package's files beside index.mjs.
    const dir = join(assetDirOf(s, "ApiFunction"), "docs-assets");
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      const res = await callApi({ method: "GET", resource: "/docs/{file}", pathParameters: { file } });
      expect(res.statusCode, file).toBe(200);
      expect(res.body === readFileSync(join(dir, file), "utf8"), file).toBe(true);
    }
    const page = await callApi({ method: "GET", resource: "/docs" });
    expect(page.body).toContain('<script src="docs/swagger-ui-bundle.js">');
  });

  it("the API bundle deletes an article's objects within its role, and the ingest bundle removes the article", {
    timeout: 120_000,
  }, async () => {
    const articleId = articleIdFor(contentHashOf(readFileSync(SEED)));
    const [dynamoMark, s3Mark] = [aws.dynamoRequests.length, aws.s3Requests.length];
    const deleted = await callApi({ method: "DELETE", resource: "/articles/{id}", pathParameters: { id: articleId } });
    expect(deleted.statusCode, deleted.body).toBe(202);
    await callApi({ method: "GET", resource: "/claims" });

    // Everything the API bundle sent in this test and the ones before is inside what its role grants.
    const granted = apiGrants();
    const tableActions = aws.dynamoRequests.slice(dynamoMark).map((r) => `dynamodb:${r.operation}`);
    expect(tableActions.length).toBeGreaterThan(0);
    expect(tableActions.filter((a) => !granted.actions.has(a))).toEqual([]);
    const objectRequests = aws.s3Requests.slice(s3Mark);
    expect(objectRequests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `DELETE /${aws.bucket}/incoming/coalition-rome.txt 204`,
    ]);
    expect(granted.actions.has("s3:DeleteObject")).toBe(true);
    // And the search's: the claims and facts exports, and every object of the query results bucket ("/*").
    expect(granted.objectPrefixes.sort()).toEqual([
      "/*",
      "/export/claims/*",
      "/export/facts/*",
      "/incoming/*",
      "/text/*",
    ]);

    // The ObjectRemoved notification S3 sends for that deletion completes it.
    const removal = notificationFor(
      { bucket: aws.bucket, key: "incoming/coalition-rome.txt", eventName: "ObjectRemoved:Delete" },
      "incoming/",
    )!;
    const run = await runBundle(
      assetDirOf(s, "IngestFunction"),
      [sqsEvent([removal])],
      environmentOf("IngestFunction"),
    );
    expect(run.invocations[0]!.result, run.output).toEqual({ batchItemFailures: [] });
    const gone = await callApi({ method: "GET", resource: "/articles/{id}", pathParameters: { id: articleId } });
    expect(gone.statusCode).toBe(404);
  });
});

/** The actions the API function's role allows, and the object paths (after the bucket ARN) its S3 grants name. */
function apiGrants() {
  const fnId = Object.keys(s.serviceJson.Resources).find(
    (id) => id.startsWith("ApiFunction") && s.serviceJson.Resources[id]!.Type === "AWS::Lambda::Function",
  )!;
  const roleRef = JSON.stringify(
    (s.serviceJson.Resources[fnId]!.Properties!.Role as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0],
  );
  const statements = Object.values(s.serviceJson.Resources)
    .filter((r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties?.Roles).includes(roleRef))
    .flatMap(
      (p) =>
        (p.Properties!.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
  const actions = new Set(statements.flatMap((st) => [st.Action].flat()));
  const objectPrefixes = statements
    .filter((st) => [st.Action].flat().some((a) => a.startsWith("s3:")))
    .flatMap((st) => JSON.stringify(st.Resource).match(/"(\/[^"]*)"/g) ?? [])
    .map((m) => JSON.parse(m) as string);
  return { actions, objectPrefixes };
}
