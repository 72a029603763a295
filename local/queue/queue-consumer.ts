// Lambda's SQS event source, in-process: polls the local queue, waits up to the batching window for a full
// batch, invokes the function with up to `batchSize` messages (at most `maxConcurrency` invocations at once)
// and settles the batch as Lambda does with ReportBatchItemFailures — messages named in `batchItemFailures`
// stay in the queue for another delivery, the rest are deleted; an error, a timeout or an answer naming a
// message that was not in the batch fails the whole batch.
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { lambdaContext } from "./lambda-context.ts";
import type { LocalQueue, ReceivedMessage } from "./local-queue.ts";
import { sqsEventOf } from "./sqs-event.ts";

export type SqsBatchHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface QueueConsumerOptions {
  queue: LocalQueue;
  queueName: string;
  functionName: string;
  handler: SqsBatchHandler;
  batchSize: number;
  batchWindowMs: number;
  maxConcurrency: number;
  /** The function's timeout: an invocation still running then counts as failed. */
  timeoutMs: number;
  /** One line for each failed invocation or message. */
  warn: (line: string) => void;
}

export interface QueueConsumer {
  start(): void;
  /** Stops receiving and waits for the invocations in flight, whose outcome is recorded as usual. */
  stop(): Promise<void>;
  /** Invocations running now. */
  running(): number;
}

export function createQueueConsumer(options: QueueConsumerOptions): QueueConsumer {
  const { queue, batchSize, batchWindowMs, maxConcurrency } = options;
  const inFlight = new Set<Promise<void>>();
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let windowOpenedAt: number | null = null;

  const wakeIn = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, ms);
  };

  function pump(): void {
    if (!started || stopping) return;
    while (inFlight.size < maxConcurrency) {
      const next = queue.nextVisibleInMs();
      if (next === null) {
        windowOpenedAt = null;
        return;
      }
      if (next > 0) {
        wakeIn(next);
        return;
      }
      // Lambda waits for a full batch, or until the batching window has passed since messages were first seen.
      const now = Date.now();
      windowOpenedAt ??= now;
      const waited = now - windowOpenedAt;
      if (queue.counts().visible < batchSize && waited < batchWindowMs) {
        wakeIn(batchWindowMs - waited);
        return;
      }
      windowOpenedAt = null;
      const messages = queue.receive(batchSize);
      if (messages.length === 0) continue;
      const invocation = invoke(messages).finally(() => {
        inFlight.delete(invocation);
        pump();
      });
      inFlight.add(invocation);
    }
  }

  async function invoke(messages: ReceivedMessage[]): Promise<void> {
    const failAll = (reason: string) => {
      options.warn(`${options.functionName}: batch of ${messages.length} failed, will be retried: ${reason}`);
      for (const m of messages) queue.fail(m.messageId, reason);
    };
    let response: SQSBatchResponse | undefined;
    try {
      response = await withTimeout(
        options.handler(
          sqsEventOf(messages, options.queueName),
          lambdaContext(options.functionName, options.timeoutMs),
        ),
        options.timeoutMs,
      );
    } catch (err) {
      return failAll(`the function failed: ${(err as Error).message ?? String(err)}`);
    }
    const ids = new Set(messages.map((m) => m.messageId));
    const failures = response?.batchItemFailures ?? [];
    if (failures.some((f) => !ids.has(f.itemIdentifier))) {
      return failAll("batchItemFailures named a message that was not in the batch");
    }
    const failed = new Set(failures.map((f) => f.itemIdentifier));
    for (const m of messages) {
      if (!failed.has(m.messageId)) {
        queue.delete(m.messageId, m.receiptHandle);
        continue;
      }
      const reason = `the function reported it failed on delivery ${m.receiveCount} (see its log)`;
      options.warn(`${options.functionName}: message ${m.messageId} failed, will be retried: ${describe(m.body)}`);
      queue.fail(m.messageId, reason);
    }
  }

  const wake = () => pump();
  queue.onSend(wake);

  return {
    start() {
      started = true;
      pump();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    running: () => inFlight.size,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short description of a message for a log line: the objects an S3 notification names, else its start. */
function describe(body: string): string {
  try {
    const parsed = JSON.parse(body) as { Records?: { s3?: { object?: { key?: string } } }[] };
    const keys = (parsed.Records ?? []).map((r) => r.s3?.object?.key).filter(Boolean);
    if (keys.length) return keys.join(", ");
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 80);
}
