// The numbers that tie the ingest queue to the ingest function. They live together because they constrain
// each other: a message must stay invisible for longer than every retry the poller can make of its batch.
import { Duration } from "aws-cdk-lib";

/** One article is read, split and written in well under a second; the rest is headroom for 5 MB HTML. */
export const INGEST_TIMEOUT = Duration.seconds(60);
/** linkedom parses HTML in memory; 1 GB also buys the CPU share that keeps the parse fast. */
export const INGEST_MEMORY_MB = 1024;
export const INGEST_BATCH_SIZE = 10;
/** Collect up to this long before invoking, so bursts of uploads share invocations. */
export const INGEST_BATCH_WINDOW = Duration.seconds(5);
/**
 * AWS's guidance for SQS event sources: at least six times the function timeout (plus the batching window),
 * so a message is not redelivered while the poller is still retrying a throttled invocation.
 */
export const INGEST_VISIBILITY_TIMEOUT = Duration.seconds(
  6 * INGEST_TIMEOUT.toSeconds() + INGEST_BATCH_WINDOW.toSeconds(),
);
/**
 * Deliveries before a message goes to the dead-letter queue (issue 4: "messages that fail 3 receives"). Every
 * failure worth retrying is retried by the next delivery; three in a row means it needs a person. The local
 * stack's queue (local/stack.ts) uses the same count.
 */
export const INGEST_MAX_RECEIVE_COUNT = 3;
export const INGEST_QUEUE_RETENTION = Duration.days(4);
/** The maximum SQS allows: time to notice the alarm, fix the cause and redrive. */
export const DEAD_LETTER_RETENTION = Duration.days(14);
