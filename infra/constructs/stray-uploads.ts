// Uploads outside the ingest prefix are not articles, and S3 would ignore them without a word: someone who put
// a file at the bucket's root would wait for claims that never come. The bucket's EventBridge events of created
// objects outside the prefix go to a log group (kept a week, for the keys), and a metric filter counts those that
// are not the system's own writes (texts, the claims export), for a dashboard or an alarm.
//
// EventBridge can exclude one prefix per field, not several, so the system's own writes reach the log group too
// (about 2 KB of log per article, $1 per million articles) and the metric filter leaves them out.
import { RemovalPolicy } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

export interface StrayUploadsProps {
  /** A bucket with EventBridge notifications on. */
  bucket: s3.IBucket;
  ingestPrefix: string;
  /** Prefixes the system writes itself: not counted. */
  derivedPrefixes: readonly string[];
  metricsNamespace: string;
}

export const STRAY_UPLOADS_METRIC = "UploadsOutsideIngestPrefix";

export class StrayUploads extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly metric: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: StrayUploadsProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, "Events", {
      retention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new events.Rule(this, "OutsideIngestPrefix", {
      description: `Objects created outside ${props.ingestPrefix}: logged, and counted unless the system wrote them`,
      eventPattern: {
        source: ["aws.s3"],
        detailType: ["Object Created"],
        detail: {
          bucket: { name: [props.bucket.bucketName] },
          object: { key: events.Match.anythingButPrefix(props.ingestPrefix) },
        },
      },
      // A target of our own rather than aws-events-targets' CloudWatchLogGroup, whose custom resource (a
      // function with a managed policy) only writes the log group's resource policy, which CloudFormation can.
      targets: [{ bind: () => ({ arn: this.logGroup.logGroupArn }) }],
    });
    new logs.ResourcePolicy(this, "EventsMayWrite", {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [
            new iam.ServicePrincipal("events.amazonaws.com"),
            new iam.ServicePrincipal("delivery.logs.amazonaws.com"),
          ],
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${this.logGroup.logGroupArn}`],
        }),
      ],
    });
    new logs.MetricFilter(this, "Count", {
      logGroup: this.logGroup,
      metricNamespace: props.metricsNamespace,
      metricName: STRAY_UPLOADS_METRIC,
      metricValue: "1",
      filterPattern: logs.FilterPattern.all(
        ...props.derivedPrefixes.map((prefix) =>
          logs.FilterPattern.stringValue("$.detail.object.key", "!=", `${prefix}*`),
        ),
      ),
    });
    this.metric = new cloudwatch.Metric({
      namespace: props.metricsNamespace,
      metricName: STRAY_UPLOADS_METRIC,
      statistic: "Sum",
    });
  }
}
