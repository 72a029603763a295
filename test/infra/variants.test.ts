// The context switches change what is deployed: a development stage is disposable, `apiKeys=true` swaps
// IAM for API keys with a usage plan, `alarmEmail` subscribes an address, `corsAllowOrigin` reaches the API,
// the bucket and the functions. The synth itself proves cdk-nag still passes with all of them on.
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROUTES } from "../../infra/constructs/claims-api.ts";
import { describeSynth, HANDLERS_READY, resourceNamed, type Synthesized, synthesize } from "./support/synth.ts";

const ORIGIN = "https://factcheck.example.org";
let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY)
    s = synthesize({
      stage: "dev-ci",
      apiKeys: "true",
      alarmEmail: "oncall@example.org",
      corsAllowOrigin: ORIGIN,
      logRetentionDays: "7",
      ingestMaxConcurrency: "3",
      apiReservedConcurrency: "7",
    });
});
afterAll(() => s?.cleanup());

describeSynth("development stage", () => {
  it("names the stacks after the stage and drops termination protection", () => {
    expect(s.data.stackName).toBe("Claimtrack-dev-ci-Data");
    expect(s.service.stackName).toBe("Claimtrack-dev-ci-Service");
    expect(s.data.terminationProtection).toBe(false);
  });

  it("destroys the table, without deletion protection, when the stack goes", () => {
    const [, table] = resourceNamed(s.dataJson, "AWS::DynamoDB::Table", "Claims");
    expect(table.DeletionPolicy).toBe("Delete");
    expect(table.Properties?.DeletionProtectionEnabled).toBe(false);
    // Point-in-time recovery stays on: it is cheap and a development table is still worth restoring.
    expect(table.Properties?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it("empties and destroys both buckets and the queues", () => {
    for (const name of ["Articles", "AccessLogs"]) {
      const [id, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", name);
      expect(bucket.DeletionPolicy, name).toBe("Delete");
      s.dataTemplate.hasResourceProperties("Custom::S3AutoDeleteObjects", { BucketName: { Ref: id } });
    }
    for (const name of ["Ingest4", "IngestDeadLetters"]) {
      expect(resourceNamed(s.dataJson, "AWS::SQS::Queue", name)[1].DeletionPolicy).toBe("Delete");
    }
  });

  it("uses the stage's log retention and debug logging", () => {
    for (const name of ["IngestFunctionLogs", "ApiFunctionLogs", "ApiAccessLogs"]) {
      const [, group] = resourceNamed(s.serviceJson, "AWS::Logs::LogGroup", name);
      expect(group.Properties?.RetentionInDays, name).toBe(7);
      expect(group.DeletionPolicy, name).toBe("Delete");
    }
    const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "IngestFunction");
    expect(fn.Properties?.Environment).toMatchObject({ Variables: { POWERTOOLS_LOG_LEVEL: "DEBUG" } });
  });

  it("passes the concurrency cap to the event source and the reservation to the API function", () => {
    s.serviceTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      ScalingConfig: { MaximumConcurrency: 3 },
    });
    const [, api] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    expect(api.Properties?.ReservedConcurrentExecutions).toBe(7);
  });
});

describeSynth("apiKeys=true", () => {
  const dataRoutes = () =>
    Object.values(s.serviceJson.Resources)
      .filter((r) => r.Type === "AWS::ApiGateway::Method" && r.Properties?.HttpMethod !== "OPTIONS")
      .map((r) => r.Properties as Record<string, unknown>);

  it("requires an API key on every data route instead of IAM", () => {
    const keyed = dataRoutes().filter((m) => m.ApiKeyRequired === true);
    const open = dataRoutes().filter((m) => m.ApiKeyRequired !== true);
    expect(keyed).toHaveLength(ROUTES.filter((r) => !r.public).length);
    expect(open).toHaveLength(ROUTES.filter((r) => r.public).length);
    for (const m of dataRoutes()) expect(m.AuthorizationType).toBe("NONE");
  });

  it("creates a key and a throttled usage plan bound to the stage", () => {
    const [planId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::UsagePlan", "ApiUsagePlan");
    const [keyId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::ApiKey", "ApiApiKey");
    const [apiId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "Api");
    s.serviceTemplate.hasResourceProperties("AWS::ApiGateway::UsagePlan", {
      ApiStages: [Match.objectLike({ ApiId: { Ref: apiId } })],
      Throttle: { RateLimit: 50, BurstLimit: 100 },
    });
    s.serviceTemplate.hasResourceProperties("AWS::ApiGateway::UsagePlanKey", {
      KeyId: { Ref: keyId },
      KeyType: "API_KEY",
      UsagePlanId: { Ref: planId },
    });
    expect(s.serviceJson.Outputs?.ApiKeyId?.Value).toEqual({ Ref: keyId });
  });
});

describeSynth("alarmEmail and corsAllowOrigin", () => {
  it("subscribes the address to the alarm topic", () => {
    const [topicId] = resourceNamed(s.serviceJson, "AWS::SNS::Topic", "AlarmsTopic");
    s.serviceTemplate.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "oncall@example.org",
      TopicArn: { Ref: topicId },
    });
  });

  it("allows only the configured origin in the API, the bucket and the functions", () => {
    const preflights = Object.values(s.serviceJson.Resources).filter(
      (r) => r.Type === "AWS::ApiGateway::Method" && r.Properties?.HttpMethod === "OPTIONS",
    );
    for (const m of preflights) expect(JSON.stringify(m.Properties)).toContain(`'${ORIGIN}'`);
    const [, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    expect(bucket.Properties?.CorsConfiguration).toEqual({
      CorsRules: [
        {
          // What a presigned PUT from POST /uploads signs: the type and the article's metadata, nothing else.
          AllowedHeaders: [
            "content-type",
            "x-amz-meta-title",
            "x-amz-meta-outlet",
            "x-amz-meta-url",
            "x-amz-meta-published-at",
          ],
          AllowedMethods: ["PUT"],
          AllowedOrigins: [ORIGIN],
          MaxAge: 3600,
        },
      ],
    });
    const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    expect(fn.Properties?.Environment).toMatchObject({ Variables: { CORS_ALLOW_ORIGIN: ORIGIN } });
  });
});
