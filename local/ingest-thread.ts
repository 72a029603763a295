// Runs the ingest handler on its own thread (ingest-worker.ts) and offers it to the queue consumer as an ordinary
// SQS batch handler: each call is a message to the thread and its answer, matched by id.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { SQSBatchResponse } from "aws-lambda";
import type { IngestReply, IngestRequest } from "./ingest-worker.ts";
import type { SqsBatchHandler } from "./queue/queue-consumer.ts";

export interface IngestThread {
  handler: SqsBatchHandler;
  stop(): Promise<void>;
}

/** Starts the thread with the function's environment and waits until the handler module is loaded. */
export async function startIngestThread(entry: string, env: Record<string, string>): Promise<IngestThread> {
  const worker = new Worker(new URL("./ingest-worker.ts", import.meta.url), {
    workerData: { entry },
    env: { ...process.env, ...env },
  });
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  const [ready] = (await once(worker, "message")) as [{ ready?: true; failed?: string }];
  if (ready.failed) {
    await worker.terminate();
    throw new Error(`the ingest handler could not be loaded: ${ready.failed}`);
  }
  const waiting = new Map<number, { resolve: (r: SQSBatchResponse | undefined) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  worker.on("message", (reply: IngestReply) => {
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if ("error" in reply) call.reject(new Error(reply.error));
    else call.resolve(reply.response as SQSBatchResponse | undefined);
  });
  // A thread that dies fails what it was running; the queue retries those messages.
  worker.on("error", (err) => {
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
  });
  return {
    handler: (event, context) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        const request: IngestRequest = {
          id,
          event,
          functionName: context.functionName,
          timeoutMs: context.getRemainingTimeInMillis(),
        };
        worker.postMessage(request);
      }),
    async stop() {
      await worker.terminate();
      await exited;
    },
  };
}
