// The stateful half: everything that holds data (the article bucket and its access-log bucket, the claims
// table, the ingest queue and its dead-letter queue, the claims export's Athena table and results bucket). It changes rarely and, outside development stages,
// survives `cdk destroy`; the functions and the API live in ServiceStack and can be replaced freely.
import { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3n from "aws-cdk-lib/aws-s3-notifications";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { OBJECT_METADATA_HEADERS } from "../functions/shared/object-metadata.ts";
import { type KeyAttribute, tableDesign } from "../functions/store/table-design.ts";
import type { DeployConfig } from "./config.ts";
import { ClaimsAnalytics } from "./constructs/claims-analytics.ts";
import { SignIn } from "./constructs/sign-in.ts";
import {
  DEAD_LETTER_RETENTION,
  INGEST_MAX_RECEIVE_COUNT,
  INGEST_QUEUE_RETENTION,
  INGEST_VISIBILITY_TIMEOUT,
} from "./ingest-tuning.ts";
import { acknowledge } from "./nag.ts";

/** The Powertools idempotency layer keeps its records in the claims table and expires them by this attribute. */
export const TTL_ATTRIBUTE = "expiration";
/** Old versions of overwritten or deleted articles are kept this long, to undo a mistaken upload or delete. */
export const NONCURRENT_VERSION_RETENTION = Duration.days(30);
/** S3 server access logs are kept this long. */
export const ACCESS_LOG_RETENTION = Duration.days(90);

/** The headers a browser sends with a presigned PUT from POST /uploads (functions/api/use-cases/create-upload.ts). */
export const PRESIGNED_PUT_HEADERS = ["content-type", ...OBJECT_METADATA_HEADERS];

export interface DataStackProps extends StackProps {
  config: DeployConfig;
}

export class DataStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** The claims export as an Athena table (Glue database and table, workgroup, results bucket). */
  readonly analytics: ClaimsAnalytics;
  /** The web app's users; only with the `webApp` switch. */
  readonly signIn: SignIn | undefined;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Development stages are disposable; every other stage keeps its data when the stack is deleted.
    const removalPolicy = config.isDevelopment ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const autoDeleteObjects = config.isDevelopment;

    this.accessLogBucket = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Server access logging can only deliver to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: "expire-access-logs", expiration: ACCESS_LOG_RETENTION }],
      removalPolicy,
      autoDeleteObjects,
    });

    this.bucket = new s3.Bucket(this, "Articles", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // EventBridge sees every created object: uploads outside the ingest prefix are counted (StrayUploads).
      eventBridgeEnabled: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: "articles/",
      lifecycleRules: [
        {
          id: "expire-noncurrent-versions",
          noncurrentVersionExpiration: NONCURRENT_VERSION_RETENTION,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: "remove-expired-delete-markers", expiredObjectDeleteMarker: true },
      ],
      // Browsers upload to the presigned URLs that POST /uploads hands out, sending only the headers it signs:
      // the type and the article's metadata (a browser sets Content-Length itself; it needs no CORS allowance).
      cors: config.corsAllowOrigin
        ? [
            {
              allowedMethods: [s3.HttpMethods.PUT],
              allowedOrigins: [config.corsAllowOrigin],
              allowedHeaders: PRESIGNED_PUT_HEADERS,
              maxAge: 3600,
            },
          ]
        : undefined,
      removalPolicy,
      autoDeleteObjects,
    });

    this.deadLetterQueue = new sqs.Queue(this, "IngestDeadLetters", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy,
    });

    this.queue = new sqs.Queue(this, "Ingest", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: INGEST_VISIBILITY_TIMEOUT,
      retentionPeriod: INGEST_QUEUE_RETENTION,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: INGEST_MAX_RECEIVE_COUNT },
      removalPolicy,
    });

    // Only objects under the ingest prefix drive the pipeline; other keys in the bucket are left alone. A new
    // object is ingested; a deleted one (a delete marker, in this versioned bucket) removes its article.
    const destination = new s3n.SqsDestination(this.queue);
    for (const event of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
      this.bucket.addEventNotification(event, destination, { prefix: config.ingestPrefix });
    }
    acknowledgeNotificationHandler(this);

    this.analytics = new ClaimsAnalytics(this, "Analytics", {
      stage: config.stage,
      bucket: this.bucket,
      accessLogBucket: this.accessLogBucket,
      removalPolicy,
      autoDeleteObjects,
    });

    this.signIn = config.webApp ? new SignIn(this, "SignIn", { config }) : undefined;

    this.table = new dynamodb.Table(this, "Claims", {
      partitionKey: toAttribute(tableDesign.partitionKey),
      sortKey: toAttribute(tableDesign.sortKey),
      billingMode: BILLING_MODES[tableDesign.billingMode],
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !config.isDevelopment,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy,
    });
    for (const index of tableDesign.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: toAttribute(index.partitionKey),
        sortKey: toAttribute(index.sortKey),
        projectionType: PROJECTIONS[index.projection],
      });
    }
  }
}

// The table design names these as DynamoDB does; CDK has its own enums for them.
const BILLING_MODES = { PAY_PER_REQUEST: dynamodb.BillingMode.PAY_PER_REQUEST } as const;
const PROJECTIONS = { ALL: dynamodb.ProjectionType.ALL } as const;

function toAttribute(key: KeyAttribute): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === "S" ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
  };
}

/**
 * The bucket-notification helper is a singleton Lambda that CDK itself ships and runs only during
 * deployments; its code and role are not ours to change.
 */
function acknowledgeNotificationHandler(stack: Stack): void {
  const notifications = stack.node.tryFindChild("BucketNotificationsHandler050a0587b7544547bf325f094a3db834");
  if (notifications) {
    acknowledge(
      notifications,
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "CDK's BucketNotificationsHandler custom resource runs only while CloudFormation creates or updates the bucket's notification configuration; it needs only the basic execution role to write its logs.",
    );
  }
}
