// The stateless stack as synthesized with the default (production) context: the functions' runtime and
// bundling, their least-privilege grants (every IAM statement checked against the resource it names), the
// SQS event source, the REST API's validation, authorization, logging, throttling and CORS, the alarms and
// the outputs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiHandlerFor } from "../../functions/api/create-api-handler.ts";
import type { ApiDeps } from "../../functions/api/deps.ts";
import { ArticleContentType, ArticleSubmission, UploadRequest } from "../../functions/schemas/api.ts";
import { DERIVED_PREFIXES } from "../../functions/shared/derived-prefixes.ts";
import { tableDesign } from "../../functions/store/table-design.ts";
import { API_RESERVED_CONCURRENCY, INGEST_PREFIX } from "../../infra/config.ts";
import { CREATE_REQUIRE_BANNER, HANDLER_ENTRIES, PROJECT_ROOT } from "../../infra/constructs/bundling.ts";
import { ATHENA_QUERY_ACTIONS } from "../../infra/constructs/claims-analytics.ts";
import { ROUTES, requestBodyJsonSchema } from "../../infra/constructs/claims-api.ts";
import { STRAY_UPLOADS_METRIC } from "../../infra/constructs/stray-uploads.ts";
import { METRICS_NAMESPACE } from "../../infra/service-stack.ts";
import {
  assetDirOf,
  type CfnResource,
  type CfnTemplate,
  describeSynth,
  followCrossStack,
  HANDLERS_READY,
  logicalIdsOf,
  resourceNamed,
  type Synthesized,
  synthesize,
  TEST_ORIGIN,
} from "./support/synth.ts";

let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY) s = synthesize();
});
afterAll(() => s?.cleanup());

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** The statements of the inline policies attached to the role a function runs as. */
function statementsOf(functionPrefix: string): Statement[] {
  const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", functionPrefix);
  const roleId = (fn.Properties!.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  const policies = Object.values(s.serviceJson.Resources).filter(
    (r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  expect(policies.length).toBeGreaterThan(0);
  return policies.flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Each statement as { actions, resources } with cross-stack references replaced by what they point at. */
function grants(functionPrefix: string) {
  return statementsOf(functionPrefix).map((st) => ({
    effect: st.Effect,
    actions: [st.Action].flat().sort(),
    resources: [followCrossStack(st.Resource, s.dataJson)].flat(),
    ...(st.Condition ? { condition: st.Condition } : {}),
  }));
}

const getAtt = (id: string, attribute = "Arn") => ({ "Fn::GetAtt": [id, attribute] });
const under = (arn: unknown, suffix: string) => ({ "Fn::Join": ["", [arn, suffix]] });

function dataId(type: string, prefix: string): string {
  return resourceNamed(s.dataJson, type, prefix)[0];
}

describeSynth("functions", () => {
  it.each(["IngestFunction", "ApiFunction"])("%s runs Node.js 24 on arm64 with tracing and JSON logs", (name) => {
    const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", name);
    const [logGroupId] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", `${name}Logs`);
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      TracingConfig: { Mode: "Active" },
      LoggingConfig: { LogFormat: "JSON", LogGroup: { Ref: logGroupId } },
    });
  });

  it.each(["IngestFunction", "ApiFunction"])("%s logs to a group with a retention", (name) => {
    const [, logGroup] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", `${name}Logs`);
    expect(logGroup.Properties?.RetentionInDays).toBe(30);
    expect(logGroup.DeletionPolicy).toBe("Retain");
  });

  it("hands both functions exactly the environment their handlers read", () => {
    const bucketRef = { Ref: dataId("AWS::S3::Bucket", "Articles") };
    const tableRef = { Ref: dataId("AWS::DynamoDB::Table", "Claims") };
    for (const [name, service] of [
      ["IngestFunction", "claimtrack-ingest"],
      ["ApiFunction", "claimtrack-api"],
    ]) {
      const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", name!);
      const env = followCrossStack((fn.Properties!.Environment as { Variables: unknown }).Variables, s.dataJson);
      expect(env).toEqual({
        TABLE_NAME: tableRef,
        BUCKET_NAME: bucketRef,
        INGEST_PREFIX: "incoming/",
        MAX_ARTICLE_BYTES: "5242880",
        // Only the API answers browsers.
        ...(name === "ApiFunction" ? { CORS_ALLOW_ORIGIN: TEST_ORIGIN } : {}),
        // Only the API searches the claims export.
        ...(name === "ApiFunction" ? { ATHENA_WORKGROUP: "claimtrack-prod", ATHENA_DATABASE: "claimtrack_prod" } : {}),
        POWERTOOLS_SERVICE_NAME: service,
        POWERTOOLS_LOG_LEVEL: "INFO",
        POWERTOOLS_METRICS_NAMESPACE: "Claimtrack",
        NODE_OPTIONS: "--enable-source-maps",
      });
    }
  });

  it("ships minified ESM bundles with the createRequire banner, source maps and the AWS SDK inside", async () => {
    for (const name of ["IngestFunction", "ApiFunction"]) {
      const assetDir = assetDirOf(s, name);
      const bundle = readFileSync(join(assetDir, "index.mjs"), "utf8");
      expect(bundle.startsWith(CREATE_REQUIRE_BANNER), name).toBe(true);
      expect(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/.test(bundle), name).toBe(true);
      const map = JSON.parse(readFileSync(join(assetDir, "index.mjs.map"), "utf8")) as { sources: string[] };
      expect(map.sources.some((src) => src.includes("functions/handlers/"))).toBe(true);
      // Minified: clearly smaller than the same entry bundled without minification.
      const plain = await esbuild.build({
        entryPoints: [join(PROJECT_ROOT, HANDLER_ENTRIES[name === "ApiFunction" ? "api" : "ingest"])],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node24",
        mainFields: ["module", "main"],
        write: false,
        logLevel: "silent",
      });
      const code = bundle.slice(CREATE_REQUIRE_BANNER.length).replace(/\/\/# sourceMappingURL=.*\s*$/, "");
      expect(code.length, name).toBeLessThan(0.8 * plain.outputFiles[0]!.contents.length);
      // Bundled, not imported from the runtime: no static or dynamic import of an @aws-sdk package remains.
      const sdkImports = bundle.match(/(from\s*|import\s*\(\s*)["']@aws-sdk\/[^"']+["']/g) ?? [];
      expect(sdkImports, name).toEqual([]);
      // ...and the client code itself is in the bundle (the source map lists what went in).
      expect(
        map.sources.some((src) => src.includes("node_modules/@aws-sdk/client-dynamodb/")),
        name,
      ).toBe(true);
      // Credentials come from the environment Lambda sets: none of the default chain's other providers (with the
      // STS and SSO clients they carry) is bundled.
      const chain = map.sources.filter((src) =>
        /node_modules\/@aws-sdk\/(nested-clients|credential-provider-(node|ini|sso|process|web-identity|http|login)|token-providers)\/|credential-provider-imds/.test(
          src,
        ),
      );
      expect(chain, name).toEqual([]);
      expect(map.sources.some((src) => src.includes("node_modules/@aws-sdk/credential-provider-env/"))).toBe(true);
      if (name === "ApiFunction") {
        // The API signs its few S3 requests itself; the S3 client stays in the ingest bundle only.
        expect(map.sources.filter((src) => src.includes("node_modules/@aws-sdk/client-s3/"))).toEqual([]);
        expect(map.sources.some((src) => src.includes("node_modules/@smithy/signature-v4/"))).toBe(true);
      }
    }
  });

  it("reserves concurrency for the API function (apiReservedConcurrency) and leaves the ingest function to its queue's cap", () => {
    const [, api] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    const [, ingest] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "IngestFunction");
    expect(api.Properties?.ReservedConcurrentExecutions).toBe(API_RESERVED_CONCURRENCY);
    expect(ingest.Properties?.ReservedConcurrentExecutions).toBeUndefined();
  });

  it("uses roles of their own with no AWS-managed policies", () => {
    for (const name of ["IngestFunction", "ApiFunction"]) {
      const [, role] = resourceNamed(s.serviceJson, "AWS::IAM::Role", `${name}Role`);
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties?.AssumeRolePolicyDocument).toMatchObject({
        Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } }],
      });
    }
  });
});

describeSynth("least privilege", () => {
  it("ingest: reads the ingest prefix, writes the table, consumes the queue, logs and traces — nothing else", () => {
    const bucketArn = getAtt(dataId("AWS::S3::Bucket", "Articles"));
    const tableArn = getAtt(dataId("AWS::DynamoDB::Table", "Claims"));
    const queueArn = getAtt(dataId("AWS::SQS::Queue", "Ingest4"));
    const [logGroupId] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", "IngestFunctionLogs");
    expect(grants("IngestFunction")).toEqual(
      expect.arrayContaining([
        { effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [getAtt(logGroupId)] },
        { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"] },
        {
          effect: "Allow",
          actions: [
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl",
            "sqs:ReceiveMessage",
          ],
          resources: [queueArn],
        },
        { effect: "Allow", actions: ["s3:GetObject"], resources: [under(bucketArn, "/incoming/*")] },
        // So that S3 answers 404, not 403, for an object deleted before it was read; under the ingest prefix only.
        {
          effect: "Allow",
          actions: ["s3:ListBucket"],
          resources: [bucketArn],
          condition: { StringLike: { "s3:prefix": ["incoming/*"] } },
        },
        // Processed articles' texts, for GET /articles/{id}/text; deleted with their article.
        { effect: "Allow", actions: ["s3:DeleteObject", "s3:PutObject"], resources: [under(bucketArn, "/text/*")] },
        // The claims export: each article's file and index object, kept and deleted with the article.
        {
          effect: "Allow",
          actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
          resources: [under(bucketArn, "/export/*")],
        },
        {
          effect: "Allow",
          actions: [
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:DeleteItem",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
          ],
          resources: [tableArn],
        },
        // Tracking's candidate index, and no other.
        { effect: "Allow", actions: ["dynamodb:Query"], resources: [under(tableArn, "/index/gsi2")] },
      ]),
    );
    expect(grants("IngestFunction")).toHaveLength(9);
  });

  it("api: reads the table and its indexes, puts and deletes under the ingest prefix, logs and traces", () => {
    const bucketArn = getAtt(dataId("AWS::S3::Bucket", "Articles"));
    const tableArn = getAtt(dataId("AWS::DynamoDB::Table", "Claims"));
    const [logGroupId] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", "ApiFunctionLogs");
    const indexArns = tableDesign.globalSecondaryIndexes.map((i) => under(tableArn, `/index/${i.indexName}`));
    expect(grants("ApiFunction")).toEqual(
      expect.arrayContaining([
        { effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [getAtt(logGroupId)] },
        { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"] },
        // GetItem and Query are all the read side uses (test/api/call-budget.test.ts checks the code against it).
        { effect: "Allow", actions: ["dynamodb:GetItem", "dynamodb:Query"], resources: [tableArn, ...indexArns] },
        // Objects under the ingest prefix only: POST /articles and upload URLs put them, DELETE deletes them.
        { effect: "Allow", actions: ["s3:DeleteObject", "s3:PutObject"], resources: [under(bucketArn, "/incoming/*")] },
        // The texts the ingest function keeps: GET /articles/{id}/text reads them.
        { effect: "Allow", actions: ["s3:GetObject"], resources: [under(bucketArn, "/text/*")] },
        // GET /claims/search: Athena in its own workgroup, reading the export (test/infra/analytics.test.ts).
        expect.objectContaining({ actions: ATHENA_QUERY_ACTIONS }),
        {
          effect: "Allow",
          actions: ["s3:GetObject"],
          resources: [under(bucketArn, "/export/claims/*"), under(bucketArn, "/export/facts/*")],
        },
      ]),
    );
    // Logs, traces, table, ingest prefix, texts; and the five statements of the analytics query policy.
    expect(grants("ApiFunction")).toHaveLength(10);
  });

  it("grants no wildcard actions, and resource * only to the X-Ray actions that cannot be scoped", () => {
    for (const name of ["IngestFunction", "ApiFunction"]) {
      for (const g of grants(name)) {
        for (const action of g.actions) expect(action, name).not.toMatch(/\*/);
        if (g.resources.includes("*"))
          expect(
            g.actions.every((a) => a.startsWith("xray:")),
            name,
          ).toBe(true);
      }
    }
  });

  it("the api cannot write the table and the ingest function writes only the text and export prefixes", () => {
    const apiActions = grants("ApiFunction").flatMap((g) => g.actions);
    expect(apiActions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite|PartiQL)/.test(a))).toEqual(
      [],
    );
    const bucketArn = getAtt(dataId("AWS::S3::Bucket", "Articles"));
    for (const g of grants("IngestFunction").filter((g) => g.actions.some((a) => /^s3:(Put|Delete)/.test(a)))) {
      expect([[under(bucketArn, "/text/*")], [under(bucketArn, "/export/*")]]).toContainEqual(g.resources);
    }
  });

  it("the api's object grants name the ingest, text or export prefix or the query results, never other keys", () => {
    const bucketArn = getAtt(dataId("AWS::S3::Bucket", "Articles"));
    const results = getAtt(dataId("AWS::S3::Bucket", "AnalyticsQueryResults"));
    const prefixes = [
      [under(bucketArn, "/incoming/*")],
      [under(bucketArn, "/text/*")],
      [under(bucketArn, "/export/claims/*"), under(bucketArn, "/export/facts/*")],
      // ListBucket, only with the s3:prefix conditions export/claims/*, export/facts/* (test/infra/analytics.test.ts).
      [bucketArn],
      [results, under(results, "/*")],
    ];
    for (const g of grants("ApiFunction").filter((g) => g.actions.some((a) => a.startsWith("s3:")))) {
      expect(prefixes).toContainEqual(g.resources);
    }
  });
});

describeSynth("SQS event source", () => {
  it("reports partial batch failures and caps concurrency", () => {
    const queueArn = getAtt(dataId("AWS::SQS::Queue", "Ingest4"));
    const [ingestId] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "IngestFunction");
    const mappings = logicalIdsOf(s.serviceJson, "AWS::Lambda::EventSourceMapping");
    expect(mappings).toHaveLength(1);
    const mapping = s.serviceJson.Resources[mappings[0]!] as CfnResource;
    expect(followCrossStack(mapping.Properties, s.dataJson)).toMatchObject({
      EventSourceArn: queueArn,
      FunctionName: { Ref: ingestId },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 10 },
      BatchSize: 10,
    });
  });
});

describeSynth("REST API", () => {
  function methods(template: CfnTemplate) {
    return Object.values(template.Resources)
      .filter((r) => r.Type === "AWS::ApiGateway::Method")
      .map((r) => r.Properties as Record<string, unknown>);
  }
  function pathOf(resourceRef: unknown): string {
    const segments: string[] = [];
    let ref = resourceRef as { Ref?: string; "Fn::GetAtt"?: string[] };
    while (ref.Ref) {
      const resource = s.serviceJson.Resources[ref.Ref]!;
      segments.unshift(resource.Properties?.PathPart as string);
      ref = resource.Properties?.ParentId as typeof ref;
    }
    return segments.join("/");
  }
  const routeMethods = () => methods(s.serviceJson).filter((m) => m.HttpMethod !== "OPTIONS");

  it("declares exactly the routes the API function serves", async () => {
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const handler = createApiHandlerFor({} as ApiDeps, { corsAllowOrigin: "*", logger: quiet });
    const event = { httpMethod: "GET", path: "/openapi.json", headers: {}, requestContext: {} };
    const doc = JSON.parse((await handler(event as never, {} as never)).body) as { paths: Record<string, object> };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.slice(1)}`),
    );
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(served.sort());
  });

  it("declares every route, each integrated with the API function as a Lambda proxy", () => {
    const [apiFnId] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    const declared = routeMethods().map((m) => `${m.HttpMethod} ${pathOf(m.ResourceId)}`);
    expect(declared.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const m of routeMethods()) {
      expect(m.Integration).toMatchObject({ Type: "AWS_PROXY", IntegrationHttpMethod: "POST" });
      expect(JSON.stringify(m.Integration)).toContain(apiFnId);
    }
  });

  it("requires IAM authorization on every data route and leaves only the docs public", () => {
    for (const m of routeMethods()) {
      const path = pathOf(m.ResourceId);
      const expected = ["docs", "docs/{file}", "openapi.json"].includes(path) ? "NONE" : "AWS_IAM";
      expect(m.AuthorizationType, `${m.HttpMethod} ${path}`).toBe(expected);
      expect(m.ApiKeyRequired ?? false).toBe(false);
    }
  });

  it("validates path parameters and content types with a request validator", () => {
    const [validatorId, validator] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RequestValidator", "Api");
    expect(validator.Properties).toMatchObject({ ValidateRequestBody: true, ValidateRequestParameters: true });
    for (const m of routeMethods()) {
      expect(m.RequestValidatorId).toEqual({ Ref: validatorId });
      const path = pathOf(m.ResourceId);
      const expected: Record<string, boolean> = {};
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expected[`method.request.path.${name}`] = true;
      if (m.HttpMethod === "POST") expected["method.request.header.Content-Type"] = true;
      expect(m.RequestParameters ?? {}, `${m.HttpMethod} ${path}`).toEqual(expected);
    }
  });

  it("answers CORS preflights without credentials on every resource", () => {
    const preflights = methods(s.serviceJson).filter((m) => m.HttpMethod === "OPTIONS");
    const resources = logicalIdsOf(s.serviceJson, "AWS::ApiGateway::Resource");
    expect(preflights.length).toBe(resources.length + 1);
    for (const m of preflights) {
      expect(m.AuthorizationType).toBe("NONE");
      expect(JSON.stringify(m.Integration)).toContain("Access-Control-Allow-Origin");
      expect(JSON.stringify(m.Integration)).toContain("GET,POST,DELETE,OPTIONS");
    }
  });

  it("stage: access logs, execution logs, tracing and throttling", () => {
    const [logGroupId] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", "ApiAccessLogs");
    s.serviceTemplate.hasResourceProperties("AWS::ApiGateway::Stage", {
      StageName: "v1",
      TracingEnabled: true,
      AccessLogSetting: {
        DestinationArn: { "Fn::Join": ["", Match.arrayWith([{ Ref: logGroupId }])] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      MethodSettings: [
        Match.objectLike({
          HttpMethod: "*",
          ResourcePath: "/*",
          LoggingLevel: "ERROR",
          DataTraceEnabled: false,
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
        }),
      ],
    });
    s.serviceTemplate.resourceCountIs("AWS::ApiGateway::Account", 1);
    s.serviceTemplate.resourceCountIs("AWS::ApiGateway::UsagePlan", 0);
    s.serviceTemplate.resourceCountIs("AWS::ApiGateway::ApiKey", 0);
  });

  it("answers its own errors as problem+json with CORS headers (templates: gateway-responses.test.ts)", () => {
    const responses = Object.values(s.serviceJson.Resources).filter(
      (r) => r.Type === "AWS::ApiGateway::GatewayResponse",
    );
    expect(responses.length).toBeGreaterThan(15);
    for (const response of responses) {
      expect(response.Properties?.ResponseParameters, response.Properties?.ResponseType as string).toEqual({
        "gatewayresponse.header.Content-Type": "'application/problem+json'",
        "gatewayresponse.header.Access-Control-Allow-Origin": `'${TEST_ORIGIN}'`,
      });
    }
  });

  it("passes raw article files through as bytes, JSON as text", () => {
    const [, api] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "Api");
    const binary = api.Properties?.BinaryMediaTypes as string[];
    expect([...binary].sort()).toEqual(ArticleContentType.options.filter((t) => t !== "application/json").sort());
    expect(binary).toContain("text/html");
    expect(binary).not.toContain("application/json");
  });

  it("checks JSON bodies against models generated from the zod request schemas", () => {
    const apiSchemas = { ArticleSubmission, UploadRequest };
    const models = Object.entries(s.serviceJson.Resources).filter(([, r]) => r.Type === "AWS::ApiGateway::Model");
    expect(models.map(([, m]) => m.Properties?.Name).sort()).toEqual(["ArticleSubmission", "UploadRequest"]);
    for (const [id, model] of models) {
      const name = model.Properties?.Name as keyof typeof apiSchemas;
      expect(model.Properties?.ContentType).toBe("application/json");
      expect(model.Properties?.Schema).toEqual(requestBodyJsonSchema(apiSchemas[name]));
      const route = name === "UploadRequest" ? "uploads" : "articles";
      const post = routeMethods().find((m) => m.HttpMethod === "POST" && pathOf(m.ResourceId) === route);
      expect(post?.RequestModels).toEqual({ "application/json": { Ref: id } });
    }
    // Draft 4 (what API Gateway reads), closed to unknown fields, and requiring what the handler requires.
    const upload = requestBodyJsonSchema(UploadRequest);
    expect(upload).toMatchObject({
      $schema: "http://json-schema.org/draft-04/schema#",
      additionalProperties: false,
      required: ["contentType", "contentLength"],
    });
  });

  it("lets API Gateway invoke the function only from this API's stage, for each declared method and path", () => {
    const [apiId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "Api");
    const [apiFnId] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    const [stageId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::Stage", "Api");
    const permissions = Object.values(s.serviceJson.Resources).filter((r) => r.Type === "AWS::Lambda::Permission");
    const scopes = permissions.map((p) => {
      expect(p.Properties).toMatchObject({
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        FunctionName: getAtt(apiFnId),
      });
      // arn:<partition>:execute-api:<region>:<account>:<api id>/<stage>/<METHOD>/<path>, path parameters as *.
      const parts = (p.Properties!.SourceArn as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1];
      const [api, slash, stage, scope] = parts.slice(-4);
      expect(api).toEqual({ Ref: apiId });
      expect(slash).toBe("/");
      expect(stage).toEqual({ Ref: stageId });
      expect(scope).not.toContain("/*/*");
      return scope as string;
    });
    const expected = ROUTES.map((r) => `/${r.method}/${r.path.replace(/\{\w+\}/g, "*")}`);
    expect(scopes.sort()).toEqual(expected.sort());
  });
});

describeSynth("alarms", () => {
  it("alarm on dead-lettered messages, function errors and API 5xx, all notifying one topic", () => {
    const [topicId] = resourceNamed(s.serviceJson, "AWS::SNS::Topic", "AlarmsTopic");
    const alarms = Object.values(s.serviceJson.Resources)
      .filter((r) => r.Type === "AWS::CloudWatch::Alarm")
      .map((r) => followCrossStack(r.Properties, s.dataJson) as Record<string, unknown>);
    const byMetric = alarms.map((a) => `${a.Namespace}/${a.MetricName}`).sort();
    expect(byMetric).toEqual([
      "AWS/ApiGateway/5XXError",
      "AWS/Lambda/Errors",
      "AWS/Lambda/Errors",
      "AWS/SQS/ApproximateNumberOfMessagesVisible",
    ]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
        AlarmActions: [{ Ref: topicId }],
      });
    }
    const dlq = alarms.find((a) => a.MetricName === "ApproximateNumberOfMessagesVisible")!;
    expect(dlq.Dimensions).toEqual([
      { Name: "QueueName", Value: getAtt(dataId("AWS::SQS::Queue", "IngestDeadLetters"), "QueueName") },
    ]);
    const errorTargets = alarms.filter((a) => a.MetricName === "Errors").map((a) => JSON.stringify(a.Dimensions));
    for (const fn of ["IngestFunction", "ApiFunction"]) {
      const [fnId] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", fn);
      expect(errorTargets.some((d) => d.includes(fnId))).toBe(true);
    }
  });

  it("the alarm topic requires TLS from publishers", () => {
    s.serviceTemplate.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
    s.serviceTemplate.resourceCountIs("AWS::SNS::Subscription", 0);
  });
});

describeSynth("uploads outside the ingest prefix", () => {
  it("the bucket's EventBridge events of objects created outside it are logged, and counted unless derived", () => {
    const notifications = Object.values(s.dataJson.Resources).find((r) => r.Type === "Custom::S3BucketNotifications");
    expect(notifications?.Properties?.NotificationConfiguration).toMatchObject({ EventBridgeConfiguration: {} });
    const [, rule] = resourceNamed(s.serviceJson, "AWS::Events::Rule", "StrayUploads");
    const pattern = followCrossStack(rule.Properties?.EventPattern, s.dataJson) as Record<string, unknown>;
    expect(pattern).toEqual({
      source: ["aws.s3"],
      "detail-type": ["Object Created"],
      detail: {
        bucket: { name: [{ Ref: dataId("AWS::S3::Bucket", "Articles") }] },
        object: { key: [{ "anything-but": { prefix: INGEST_PREFIX } }] },
      },
    });
    const [groupId, group] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", "StrayUploads");
    expect(group.Properties?.RetentionInDays).toBe(7);
    expect(JSON.stringify(rule.Properties?.Targets)).toContain(groupId);
    const [, filter] = resourceNamed(s.serviceJson, "AWS::Logs::MetricFilter", "StrayUploads");
    expect(filter.Properties).toMatchObject({
      LogGroupName: { Ref: groupId },
      FilterPattern: `{ ${DERIVED_PREFIXES.map((p) => `($.detail.object.key != "${p}*")`).join(" && ")} }`,
      MetricTransformations: [
        { MetricNamespace: METRICS_NAMESPACE, MetricName: STRAY_UPLOADS_METRIC, MetricValue: "1" },
      ],
    });
  });
});

describeSynth("outputs", () => {
  it("publishes ApiUrl, BucketName, IngestPrefix, and the queue and table npm run reprocess needs", () => {
    const outputs = s.serviceJson.Outputs ?? {};
    const [apiId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "Api");
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain(`{"Ref":"${apiId}"}`);
    expect(followCrossStack(outputs.BucketName?.Value, s.dataJson)).toEqual({
      Ref: dataId("AWS::S3::Bucket", "Articles"),
    });
    expect(outputs.IngestPrefix?.Value).toBe("incoming/");
    const queue = followCrossStack(outputs.IngestQueueUrl?.Value, s.dataJson) as { Ref: string };
    const deadLetters = dataId("AWS::SQS::Queue", "IngestDeadLetters");
    expect(s.dataJson.Resources?.[queue.Ref]?.Type).toBe("AWS::SQS::Queue");
    expect(queue.Ref).toMatch(/^Ingest/);
    expect(queue.Ref).not.toBe(deadLetters);
    expect(followCrossStack(outputs.TableName?.Value, s.dataJson)).toEqual({
      Ref: dataId("AWS::DynamoDB::Table", "Claims"),
    });
  });
});
