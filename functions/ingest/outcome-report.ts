// What operators see of each S3 event: one structured log line (article id, key, claim count, duration, message)
// and the EMF metrics of the work done. Kept apart from the handler so every message says the same thing.
import type { Log } from "../shared/logger.ts";
import type { MetricSink } from "../shared/metrics.ts";
import type { IngestOutcome } from "./deps.ts";
import type { OnceOutcome } from "./idempotency.ts";
import type { ObjectEvent } from "./object-events.ts";

/** Called where the work is done, so a duplicate answered from its idempotency record counts nothing. */
export function countOutcome(metrics: MetricSink, outcome: IngestOutcome): void {
  if (outcome.result === "processed") {
    metrics.addMetric("ArticlesProcessed", "Count", 1);
    metrics.addMetric("ClaimsExtracted", "Count", outcome.claimCount);
  } else if (outcome.result === "failed") {
    metrics.addMetric("ArticlesFailed", "Count", 1);
  } else if (outcome.result === "removed" && outcome.articleDeleted) {
    metrics.addMetric("ArticlesRemoved", "Count", 1);
  }
}

export interface Delivery {
  messageId: string;
  receiveCount: number;
  /** Since the event's handling started. */
  durationMs: number;
}

export function logOutcome(logger: Log, event: ObjectEvent, outcome: OnceOutcome, delivery: Delivery): void {
  const fields = {
    ...("articleId" in outcome ? { articleId: outcome.articleId } : {}),
    bucket: event.bucket,
    key: event.key,
    eventName: event.eventName,
    messageId: delivery.messageId,
    durationMs: delivery.durationMs,
    ...(outcome.replayed ? { duplicateOf: "an event already handled" } : {}),
  };
  if (outcome.result === "processed") logger.info("article processed", { ...fields, claimCount: outcome.claimCount });
  else if (outcome.result === "failed") {
    logger.warn("article failed", { ...fields, code: outcome.code, reason: outcome.reason });
  } else if (outcome.result === "removed") {
    logger.info("source removed", { ...fields, articleDeleted: outcome.articleDeleted });
  } else logger.info("event ignored", { ...fields, reason: outcome.reason });
}

/**
 * The event will be retried: ERROR with the bucket, key and receive count, so the attempts of a message that ends
 * in the dead-letter queue can be found — INFO when the event is only being handled by another invocation.
 */
export function logRetry(
  logger: Log,
  where: { bucket: string; key: string; eventName: string },
  delivery: Delivery,
  error: unknown,
): void {
  const busy = error instanceof Error && error.name === "IdempotencyAlreadyInProgressError";
  const fields = { ...where, ...delivery, error };
  if (busy) logger.info("event already being handled; the message will be retried", fields);
  else logger.error("the message will be retried", fields);
}
