// The export as tables Athena queries (docs/export.md): a Glue database, the `claims` table over export/claims/
// whose partitions are projected from the path (no crawler, nothing to register when a month begins), the
// `facts` table over export/facts/ (unpartitioned: one small file per fact), and an Athena workgroup that enforces its own settings — results in a bucket of its own, encrypted
// and expired, and a cap on the bytes one query may scan. `queryPolicy` is what a researcher (or the API's
// role, through `grantQuery`) needs to run queries there and nothing more: this workgroup, these tables, their
// export prefixes and the results bucket.
import { CfnOutput, Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import * as athena from "aws-cdk-lib/aws-athena";
import * as glue from "aws-cdk-lib/aws-glue";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { type Column, EXPORT_COLUMNS, FACT_COLUMNS, hiveType } from "../../functions/export/export-columns.ts";
import {
  EXPORT_CLAIMS_PREFIX,
  EXPORT_FACTS_PREFIX,
  PARTITION_COLUMN,
  projectedPartitions,
} from "../../functions/export/export-layout.ts";
import { acknowledgeWildcardResource } from "../nag.ts";

/** One query may scan at most this much (Athena cancels it beyond): 10 GiB, about $0.05 at $5 per TB. */
export const QUERY_SCAN_LIMIT_BYTES = 10 * 1024 ** 3;
/** Query results are kept this long; a result is re-run, never archived. */
export const QUERY_RESULT_RETENTION = Duration.days(7);
export const CLAIMS_TABLE = "claims";
export const FACTS_TABLE = "facts";

/** What running a query in the workgroup takes, besides reading the export and the results bucket. */
export const ATHENA_QUERY_ACTIONS = [
  "athena:GetQueryExecution",
  "athena:GetQueryResults",
  "athena:GetWorkGroup",
  "athena:StartQueryExecution",
  "athena:StopQueryExecution",
];
export const GLUE_READ_ACTIONS = ["glue:GetDatabase", "glue:GetPartitions", "glue:GetTable"];
/** Athena writes a query's results with the caller's credentials, and reads them back for GetQueryResults. */
export const RESULTS_BUCKET_ACTIONS = [
  "s3:AbortMultipartUpload",
  "s3:GetBucketLocation",
  "s3:GetObject",
  "s3:ListBucket",
  "s3:ListMultipartUploadParts",
  "s3:PutObject",
];

export interface ClaimsAnalyticsProps {
  stage: string;
  bucket: s3.IBucket;
  accessLogBucket: s3.IBucket;
  removalPolicy: RemovalPolicy;
  autoDeleteObjects: boolean;
}

export class ClaimsAnalytics extends Construct {
  readonly databaseName: string;
  readonly tableName = CLAIMS_TABLE;
  readonly workGroupName: string;
  readonly resultsBucket: s3.Bucket;
  readonly queryPolicy: iam.ManagedPolicy;
  private readonly statements: iam.PolicyStatement[];
  private readonly exportObjects: string[];
  private readonly resultObjects: string;

  constructor(scope: Construct, id: string, props: ClaimsAnalyticsProps) {
    super(scope, id);
    const { bucket, stage } = props;
    const stack = Stack.of(this);
    // Glue names: lower case, digits and underscores.
    this.databaseName = `claimtrack_${stage.replaceAll("-", "_")}`;
    this.workGroupName = `claimtrack-${stage}`;

    const database = new glue.CfnDatabase(this, "Database", {
      catalogId: stack.account,
      databaseInput: { name: this.databaseName, description: "claimtrack: the claims export (docs/export.md)" },
    });
    const location = `s3://${bucket.bucketName}/${EXPORT_CLAIMS_PREFIX}`;
    /** Gzipped JSON Lines through the OpenX SerDe, the columns generated from the export's own list. */
    const storageOf = (at: string, columns: readonly Column[]): glue.CfnTable.StorageDescriptorProperty => ({
      location: at,
      columns: columns.map((c) => ({ name: c.name, type: hiveType(c.type), comment: c.comment })),
      inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
      outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      serdeInfo: { serializationLibrary: "org.openx.data.jsonserde.JsonSerDe" },
    });
    const table = new glue.CfnTable(this, "ClaimsTable", {
      catalogId: stack.account,
      databaseName: this.databaseName,
      tableInput: {
        name: CLAIMS_TABLE,
        description: "One row per claim, with its article's metadata; partitioned by the article's month",
        tableType: "EXTERNAL_TABLE",
        parameters: {
          classification: "json",
          compressionType: "gzip",
          // Partition projection: Athena derives the partitions from these values instead of the catalog. The
          // months are an enum because a date projection cannot hold the "unknown" partition.
          "projection.enabled": "true",
          [`projection.${PARTITION_COLUMN}.type`]: "enum",
          [`projection.${PARTITION_COLUMN}.values`]: projectedPartitions().join(","),
          "storage.location.template": `${location}${PARTITION_COLUMN}=\${${PARTITION_COLUMN}}/`,
        },
        partitionKeys: [
          { name: PARTITION_COLUMN, type: "string", comment: "YYYY-MM as the article states it, or unknown" },
        ],
        storageDescriptor: storageOf(location, EXPORT_COLUMNS),
      },
    });
    table.addDependency(database);
    const factsTable = new glue.CfnTable(this, "FactsTable", {
      catalogId: stack.account,
      databaseName: this.databaseName,
      tableInput: {
        name: FACTS_TABLE,
        description: "One row per member claim of a tracked fact, with the fact's statuses and relations",
        tableType: "EXTERNAL_TABLE",
        parameters: { classification: "json", compressionType: "gzip" },
        storageDescriptor: storageOf(`s3://${bucket.bucketName}/${EXPORT_FACTS_PREFIX}`, FACT_COLUMNS),
      },
    });
    factsTable.addDependency(database);

    this.resultsBucket = new s3.Bucket(this, "QueryResults", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: "query-results/",
      lifecycleRules: [
        {
          id: "expire-query-results",
          expiration: QUERY_RESULT_RETENTION,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.autoDeleteObjects,
    });

    const workGroup = new athena.CfnWorkGroup(this, "WorkGroup", {
      name: this.workGroupName,
      description: "claimtrack: queries over the claims export",
      // A development stage's workgroup goes with its stack even when it still lists queries.
      recursiveDeleteOption: props.autoDeleteObjects,
      workGroupConfiguration: {
        // Clients cannot override the location, the encryption or the scan limit.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: QUERY_SCAN_LIMIT_BYTES,
        engineVersion: { selectedEngineVersion: "Athena engine version 3" },
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/`,
          encryptionConfiguration: { encryptionOption: "SSE_S3" },
        },
      },
    });
    workGroup.node.addDependency(this.resultsBucket);

    const workGroupArn = stack.formatArn({
      service: "athena",
      resource: "workgroup",
      resourceName: this.workGroupName,
    });
    const exportPrefixes = [EXPORT_CLAIMS_PREFIX, EXPORT_FACTS_PREFIX];
    const exportObjects = exportPrefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
    const resultObjects = this.resultsBucket.arnForObjects("*");
    this.exportObjects = exportObjects;
    this.resultObjects = resultObjects;
    this.statements = [
      new iam.PolicyStatement({ sid: "QueryInWorkGroup", actions: ATHENA_QUERY_ACTIONS, resources: [workGroupArn] }),
      new iam.PolicyStatement({
        sid: "ReadClaimsTable",
        actions: GLUE_READ_ACTIONS,
        resources: [
          stack.formatArn({ service: "glue", resource: "catalog" }),
          stack.formatArn({ service: "glue", resource: "database", resourceName: this.databaseName }),
          ...[CLAIMS_TABLE, FACTS_TABLE].map((table) =>
            stack.formatArn({ service: "glue", resource: "table", resourceName: `${this.databaseName}/${table}` }),
          ),
        ],
      }),
      new iam.PolicyStatement({ sid: "ReadClaimsExport", actions: ["s3:GetObject"], resources: exportObjects }),
      new iam.PolicyStatement({
        sid: "ListClaimsExport",
        actions: ["s3:ListBucket"],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": exportPrefixes.map((prefix) => `${prefix}*`) } },
      }),
      new iam.PolicyStatement({
        sid: "WriteQueryResults",
        actions: RESULTS_BUCKET_ACTIONS,
        resources: [this.resultsBucket.bucketArn, resultObjects],
      }),
    ];
    this.queryPolicy = new iam.ManagedPolicy(this, "QueryPolicy", {
      description: `Run Athena queries over the claims export in the ${this.workGroupName} workgroup, nothing else`,
      statements: this.statements,
    });
    acknowledgeExportWildcards(this.queryPolicy, exportObjects, resultObjects);

    new CfnOutput(stack, "AnalyticsDatabase", { value: this.databaseName });
    new CfnOutput(stack, "AnalyticsWorkGroup", { value: this.workGroupName });
    new CfnOutput(stack, "AnalyticsQueryPolicyArn", { value: this.queryPolicy.managedPolicyArn });
  }

  /** Lets `role` run queries in the workgroup over the claims table, as the query policy does. */
  grantQuery(role: iam.IRole): void {
    for (const statement of this.statements) role.addToPrincipalPolicy(statement.copy());
    acknowledgeExportWildcards(role, this.exportObjects, this.resultObjects);
  }
}

function acknowledgeExportWildcards(scope: Construct, exportObjects: string[], resultObjects: string): void {
  const [claimObjects, factObjects] = exportObjects as [string, string];
  acknowledgeWildcardResource(
    scope,
    claimObjects,
    `Read-only object grant limited to the claims export (${EXPORT_CLAIMS_PREFIX}): a query reads every file of the partitions it touches, one per article.`,
  );
  acknowledgeWildcardResource(
    scope,
    factObjects,
    `Read-only object grant limited to the facts export (${EXPORT_FACTS_PREFIX}): a query reads every file of the table, one per tracked fact.`,
  );
  acknowledgeWildcardResource(
    scope,
    resultObjects,
    "The workgroup's own results bucket: Athena writes each query's results under a key named by the query's id.",
  );
}
