// The stateless half: the two functions, their event source, the REST API and the alarms. Nothing here holds
// data, so it can be replaced on any deploy. Each function gets exactly the access its code needs:
//   ingest — read objects under the ingest prefix (and list the bucket, so a missing key is a 404), write the
//            claims table, consume the ingest queue;
//   api    — read the table (and its indexes), put objects under the ingest prefix and delete objects there:
//            submitting stores an object and deleting deletes objects; the ingest function, notified of both,
//            makes every write to the table. (The action lists live in function-grants.ts.)
// Under the text prefix the ingest function writes and deletes the articles' texts, and the API reads them.
import { join } from "node:path";
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { Construct } from "constructs";
import { DOCS_ASSET_FOLDER, SWAGGER_UI_FILES, swaggerUiDistDir } from "../functions/api/docs-assets.ts";
import { TEXT_PREFIX } from "../functions/shared/article-text-key.ts";
import { DERIVED_PREFIXES } from "../functions/shared/derived-prefixes.ts";
import { tableDesign } from "../functions/store/table-design.ts";
import type { DeployConfig } from "./config.ts";
import { Alarms } from "./constructs/alarms.ts";
import { ClaimsApi } from "./constructs/claims-api.ts";
import { ClaimtrackFunction } from "./constructs/claimtrack-function.ts";
import { StrayUploads } from "./constructs/stray-uploads.ts";
import { WebApp } from "./constructs/web-app.ts";
import type { DataStack } from "./data-stack.ts";
import { grantExportWrites } from "./export-grants.ts";
import {
  API_OBJECT_ACTIONS,
  API_TABLE_ACTIONS,
  API_TEXT_ACTIONS,
  INGEST_INDEX,
  INGEST_INDEX_ACTIONS,
  INGEST_TABLE_ACTIONS,
  INGEST_TEXT_ACTIONS,
} from "./function-grants.ts";
import { INGEST_BATCH_SIZE, INGEST_BATCH_WINDOW, INGEST_MEMORY_MB, INGEST_TIMEOUT } from "./ingest-tuning.ts";
import { acknowledge, acknowledgeWildcardResource } from "./nag.ts";

export interface ServiceStackProps extends StackProps {
  config: DeployConfig;
  data: DataStack;
}

/** The Powertools metrics namespace both functions publish to. */
export const METRICS_NAMESPACE = "Claimtrack";

export class ServiceStack extends Stack {
  readonly ingest: ClaimtrackFunction;
  readonly apiFunction: ClaimtrackFunction;
  readonly api: ClaimsApi;
  /** With the `webApp` switch: the app, its distribution and its own API. */
  readonly web: WebApp | undefined;
  readonly alarms: Alarms;
  /** Uploads outside the ingest prefix, logged and counted. */
  readonly strayUploads: StrayUploads;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    const logRemovalPolicy = config.isDevelopment ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    const environment = {
      TABLE_NAME: data.table.tableName,
      BUCKET_NAME: data.bucket.bucketName,
      INGEST_PREFIX: config.ingestPrefix,
      MAX_ARTICLE_BYTES: String(config.maxArticleBytes),
      POWERTOOLS_LOG_LEVEL: config.isDevelopment ? "DEBUG" : "INFO",
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };

    this.ingest = new ClaimtrackFunction(this, "IngestFunction", {
      handler: "ingest",
      description: "claimtrack ingest: S3 upload notifications from SQS -> claims in DynamoDB",
      timeout: INGEST_TIMEOUT,
      memorySize: INGEST_MEMORY_MB,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: "claimtrack-ingest" },
      logRetentionDays: config.logRetentionDays,
      logRemovalPolicy,
    });
    this.ingest.fn.addEventSource(
      new SqsEventSource(data.queue, {
        batchSize: INGEST_BATCH_SIZE,
        maxBatchingWindow: INGEST_BATCH_WINDOW,
        // Only the articles that failed go back to the queue, not the whole batch.
        reportBatchItemFailures: true,
        maxConcurrency: config.ingestMaxConcurrency,
      }),
    );
    const ingestObjects = data.bucket.arnForObjects(`${config.ingestPrefix}*`);
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: "ReadIngestPrefix", actions: ["s3:GetObject"], resources: [ingestObjects] }),
    );
    // Without ListBucket, S3 answers 403 instead of 404 for a key that no longer exists, and the function could
    // not tell an article deleted before it was read (expected, nothing to do) from a real permission failure.
    // S3 makes that check with the requested key as the listing prefix, so a grant conditioned on the ingest
    // prefix is enough: the function can list (and learn about) keys under it and nothing else in the bucket.
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "TellMissingObjects",
        actions: ["s3:ListBucket"],
        resources: [data.bucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": [`${config.ingestPrefix}*`] } },
      }),
    );
    const textObjects = data.bucket.arnForObjects(`${TEXT_PREFIX}*`);
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: "KeepArticleTexts", actions: INGEST_TEXT_ACTIONS, resources: [textObjects] }),
    );
    grantExportWrites(this.ingest.role, data.bucket);
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: "WriteClaims", actions: INGEST_TABLE_ACTIONS, resources: [data.table.tableArn] }),
    );
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "FindTrackingCandidates",
        actions: INGEST_INDEX_ACTIONS,
        resources: [`${data.table.tableArn}/index/${INGEST_INDEX}`],
      }),
    );

    this.apiFunction = new ClaimtrackFunction(this, "ApiFunction", {
      handler: "api",
      description: "claimtrack API: articles, claims and speakers over REST",
      timeout: Duration.seconds(15),
      memorySize: 512,
      environment: {
        ...environment,
        POWERTOOLS_SERVICE_NAME: "claimtrack-api",
        // GET /claims/search runs in the analytics workgroup, over its table.
        ATHENA_WORKGROUP: data.analytics.workGroupName,
        ATHENA_DATABASE: data.analytics.databaseName,
      },
      logRetentionDays: config.logRetentionDays,
      logRemovalPolicy,
      reservedConcurrentExecutions: config.apiReservedConcurrency,
      // Swagger UI's files for /docs, served by the function itself (functions/api/docs-assets.ts).
      files: {
        folder: DOCS_ASSET_FOLDER,
        paths: Object.keys(SWAGGER_UI_FILES).map((file) => join(swaggerUiDistDir(), file)),
      },
    });
    data.analytics.grantQuery(this.apiFunction.role);
    const indexArns = tableDesign.globalSecondaryIndexes.map((i) => `${data.table.tableArn}/index/${i.indexName}`);
    this.apiFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "ReadClaims",
        actions: API_TABLE_ACTIONS,
        resources: [data.table.tableArn, ...indexArns],
      }),
    );
    this.apiFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "UploadAndDeleteArticles",
        actions: API_OBJECT_ACTIONS,
        resources: [ingestObjects],
      }),
    );

    this.apiFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: "ReadArticleTexts", actions: API_TEXT_ACTIONS, resources: [textObjects] }),
    );

    // With the web app deployed, browsers may call the API from its origin only (programs need no CORS).
    const corsAllowOrigin = data.signIn ? Lazy.string({ produce: () => this.web!.origin }) : config.corsAllowOrigin;
    if (corsAllowOrigin === undefined) throw new Error("corsAllowOrigin is required without the web app");
    this.apiFunction.fn.addEnvironment("CORS_ALLOW_ORIGIN", corsAllowOrigin);
    this.api = new ClaimsApi(this, "Api", { handler: this.apiFunction.fn, config, logRemovalPolicy, corsAllowOrigin });
    this.web = data.signIn
      ? new WebApp(this, "Web", {
          config,
          handler: this.apiFunction.fn,
          signIn: data.signIn,
          accessLogBucket: data.accessLogBucket,
          logRemovalPolicy,
          programApi: this.api,
        })
      : undefined;

    this.alarms = new Alarms(this, "Alarms", {
      deadLetterQueue: data.deadLetterQueue,
      functions: { Ingest: this.ingest.fn, Api: this.apiFunction.fn },
      serverErrors: this.api.api.metricServerError({ period: Duration.minutes(5), statistic: "Sum" }),
      alarmEmail: config.alarmEmail,
    });

    this.strayUploads = new StrayUploads(this, "StrayUploads", {
      bucket: data.bucket,
      ingestPrefix: config.ingestPrefix,
      derivedPrefixes: DERIVED_PREFIXES,
      metricsNamespace: METRICS_NAMESPACE,
    });

    this.acknowledgeFunctionFindings(config.ingestPrefix, ingestObjects, textObjects);

    new CfnOutput(this, "ApiUrl", { value: this.api.api.url, description: "Base URL of the REST API" });
    new CfnOutput(this, "BucketName", { value: data.bucket.bucketName, description: "Upload articles here" });
    new CfnOutput(this, "IngestPrefix", {
      value: config.ingestPrefix,
      description: "Key prefix whose uploads are ingested",
    });
    // What `npm run reprocess -- --queue-url … --table …` needs to re-extract everything stored.
    new CfnOutput(this, "IngestQueueUrl", {
      value: data.queue.queueUrl,
      description: "The ingest queue: npm run reprocess puts its re-run events here",
    });
    new CfnOutput(this, "TableName", { value: data.table.tableName, description: "The claims table" });
    if (this.api.apiKey) {
      new CfnOutput(this, "ApiKeyId", {
        value: this.api.apiKey.keyId,
        description: "aws apigateway get-api-key --include-value --api-key <id> prints the key",
      });
    }
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarms.topic.topicArn });
    if (this.web) {
      new CfnOutput(this, "WebAppUrl", { value: `${this.web.origin}/`, description: "The web app (sign in)" });
      new CfnOutput(this, "AppApiUrl", {
        value: this.web.api.api.url,
        description: "The web app's API: Cognito ID tokens in Authorization",
      });
    }
  }

  private acknowledgeFunctionFindings(ingestPrefix: string, ingestObjects: string, textObjects: string): void {
    for (const { role } of [this.ingest, this.apiFunction]) {
      acknowledge(
        role,
        "AwsSolutions-IAM5[Resource::*]",
        "X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions, so AWS requires Resource * for them (these are the only actions granted on *).",
      );
    }
    for (const { role } of [this.ingest, this.apiFunction]) {
      acknowledgeWildcardResource(
        role,
        ingestObjects,
        `Object-level grant limited to the ingest prefix (${ingestPrefix}): uploads arrive under generated keys, so the key itself cannot be named in advance; the rest of the bucket stays out of reach.`,
      );
      acknowledgeWildcardResource(
        role,
        textObjects,
        `Object-level grant limited to the text prefix (${TEXT_PREFIX}): one derived text per article, keyed by the article id, which is not known in advance.`,
      );
    }
  }
}
