// What wakes someone up: a message in the dead-letter queue (an article the pipeline could not process after
// every retry), errors in either function, and server errors from the API. Each alarm publishes to one SNS
// topic; the `alarmEmail` switch subscribes an address to it. Four alarms cost $0.40 a month at rest.
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface AlarmsProps {
  deadLetterQueue: sqs.IQueue;
  functions: Record<string, lambda.IFunction>;
  /** API Gateway's 5XXError metric for the stage. */
  serverErrors: cloudwatch.IMetric;
  alarmEmail: string | undefined;
}

const PERIOD = Duration.minutes(5);

export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Topic", { displayName: "claimtrack alarms", enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    this.add(
      "DeadLetters",
      "Articles the ingest pipeline gave up on are waiting in the dead-letter queue; fix the cause, then redrive.",
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: "Maximum" }),
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(
        `${name}Errors`,
        `The ${name} function failed (crash, timeout or out of memory).`,
        fn.metricErrors({ period: PERIOD, statistic: "Sum" }),
      );
    }
    this.add("ApiServerErrors", "The API answered with 5xx responses.", props.serverErrors);
  }

  private add(id: string, description: string, metric: cloudwatch.IMetric): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means no messages and no invocations: that is healthy, not alarming.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
