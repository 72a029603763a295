// The stateful stack as synthesized with the default (production) context: bucket, access logs, queues
// and table are locked down, encrypted, retained and wired together as the issue asks.
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tableDesign } from "../../functions/store/table-design.ts";
import { INGEST_TIMEOUT } from "../../infra/ingest-tuning.ts";
import { describeSynth, HANDLERS_READY, resourceNamed, type Synthesized, synthesize } from "./support/synth.ts";

let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY) s = synthesize();
});
afterAll(() => s?.cleanup());

const BLOCK_ALL = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

/** The bucket policy statement that denies every request not made over TLS. */
function denyInsecureTransport(bucketId: string) {
  return Match.objectLike({
    Effect: "Deny",
    Action: "s3:*",
    Principal: { AWS: "*" },
    Condition: { Bool: { "aws:SecureTransport": "false" } },
    Resource: [{ "Fn::GetAtt": [bucketId, "Arn"] }, { "Fn::Join": ["", [{ "Fn::GetAtt": [bucketId, "Arn"] }, "/*"]] }],
  });
}

/** Asserts the bucket's policy holds a statement matching `statement`. */
function expectBucketPolicyStatement(bucketId: string, statement: object) {
  s.dataTemplate.hasResourceProperties("AWS::S3::BucketPolicy", {
    Bucket: { Ref: bucketId },
    PolicyDocument: { Statement: Match.arrayWith([statement]) },
  });
}

describeSynth("article bucket", () => {
  it("blocks public access, encrypts, versions and logs to the access-log bucket", () => {
    const [, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    const [logsId] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "AccessLogs");
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: BLOCK_ALL,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: "articles/" },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
    });
  });

  it("expires noncurrent versions and incomplete uploads", () => {
    const [, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({
        Status: "Enabled",
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      }),
    );
    expect(rules).toContainEqual(expect.objectContaining({ ExpiredObjectDeleteMarker: true, Status: "Enabled" }));
  });

  it("enforces TLS in its bucket policy", () => {
    const [bucketId] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    expectBucketPolicyStatement(bucketId, denyInsecureTransport(bucketId));
  });

  it("sends created and removed events under the ingest prefix, and only those, to the ingest queue", () => {
    const [queueId] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "Ingest4");
    const [bucketId] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    s.dataTemplate.resourceCountIs("Custom::S3BucketNotifications", 1);
    const toQueue = (events: string[]) => ({
      Events: events,
      Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "incoming/" }] } },
      QueueArn: { "Fn::GetAtt": [queueId, "Arn"] },
    });
    s.dataTemplate.hasResourceProperties("Custom::S3BucketNotifications", {
      BucketName: { Ref: bucketId },
      NotificationConfiguration: {
        QueueConfigurations: [toQueue(["s3:ObjectCreated:*"]), toQueue(["s3:ObjectRemoved:*"])],
      },
    });
    // S3 may send to the queue only on behalf of this bucket.
    s.dataTemplate.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Allow",
            Principal: { Service: "s3.amazonaws.com" },
            Action: Match.arrayWith(["sqs:SendMessage"]),
            Condition: { ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [bucketId, "Arn"] } } },
          }),
        ]),
      },
    });
  });

  it("is retained when the stack is deleted", () => {
    const [, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(bucket.UpdateReplacePolicy).toBe("Retain");
    expect(Object.values(s.dataJson.Resources).map((r) => r.Type)).not.toContain("Custom::S3AutoDeleteObjects");
  });
});

describeSynth("access-log bucket", () => {
  it("is private, SSE-S3 encrypted (the only kind log delivery supports), TLS-only and expiring", () => {
    const [logsId, logs] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "AccessLogs");
    expect(logs.Properties).toMatchObject({
      PublicAccessBlockConfiguration: BLOCK_ALL,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 90 })] },
    });
    expectBucketPolicyStatement(logsId, denyInsecureTransport(logsId));
  });

  it("accepts log deliveries only from the article bucket in this account", () => {
    const [logsId] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "AccessLogs");
    const [bucketId] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles");
    expectBucketPolicyStatement(
      logsId,
      Match.objectLike({
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Condition: {
          ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [bucketId, "Arn"] } },
          StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
        },
      }),
    );
  });
});

describeSynth("ingest queue and dead-letter queue", () => {
  it("encrypts both, enforces TLS on both and sets their retention", () => {
    const [ingestId, ingest] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "Ingest4");
    const [dlqId, dlq] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "IngestDeadLetters");
    expect(ingest.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 4 * 24 * 3600 });
    expect(dlq.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    for (const id of [ingestId, dlqId]) {
      s.dataTemplate.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Deny",
              Action: "sqs:*",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    }
  });

  it("hides a message for at least six ingest timeouts and dead-letters it after 3 receives (issue 4)", () => {
    const [, ingest] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "Ingest4");
    const [dlqId] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "IngestDeadLetters");
    expect(ingest.Properties?.VisibilityTimeout).toBeGreaterThanOrEqual(6 * INGEST_TIMEOUT.toSeconds());
    expect(ingest.Properties?.RedrivePolicy).toEqual({
      deadLetterTargetArn: { "Fn::GetAtt": [dlqId, "Arn"] },
      maxReceiveCount: 3,
    });
  });

  it("ties the visibility timeout to the function that is actually deployed", () => {
    const [, ingest] = resourceNamed(s.dataJson, "AWS::SQS::Queue", "Ingest4");
    const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "IngestFunction");
    expect(ingest.Properties?.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (fn.Properties?.Timeout as number));
  });
});

describeSynth("claims table", () => {
  it("is built from the shared table design, on demand, with TTL for idempotency records", () => {
    const [, table] = resourceNamed(s.dataJson, "AWS::DynamoDB::Table", "Claims");
    const p = table.Properties as Record<string, unknown>;
    expect(p.BillingMode).toBe(tableDesign.billingMode);
    expect(p.KeySchema).toEqual([
      { AttributeName: tableDesign.partitionKey.name, KeyType: "HASH" },
      { AttributeName: tableDesign.sortKey.name, KeyType: "RANGE" },
    ]);
    expect(p.GlobalSecondaryIndexes).toEqual(
      tableDesign.globalSecondaryIndexes.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey.name, KeyType: "HASH" },
          { AttributeName: i.sortKey.name, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: i.projection },
      })),
    );
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: "expiration", Enabled: true });
    expect(p.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it("has point-in-time recovery, deletion protection and is retained in production", () => {
    const [, table] = resourceNamed(s.dataJson, "AWS::DynamoDB::Table", "Claims");
    expect(table.Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe("Retain");
  });
});

describeSynth("stacks", () => {
  it("keeps stateful resources in the data stack and nothing stateful in the service stack", () => {
    const stateful = ["AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue"];
    const serviceTypes = new Set(Object.values(s.serviceJson.Resources).map((r) => r.Type));
    for (const type of stateful) expect(serviceTypes.has(type), type).toBe(false);
    expect(s.data.terminationProtection).toBe(true);
    expect(s.data.stackName).toBe("Claimtrack-prod-Data");
    expect(s.service.stackName).toBe("Claimtrack-prod-Service");
  });
});
