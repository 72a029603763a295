// The ingest function's execution environment: a thread of its own in the stack's process, like a Lambda
// environment beside the API's. It imports the handler module with the function's environment (workerData) and
// runs each batch it is sent — several at once, as the event source's concurrency allows — answering with the
// handler's response or its error. Extraction is CPU work: here it no longer delays the API's answers.
import { parentPort, workerData } from "node:worker_threads";
import type { SQSEvent } from "aws-lambda";
import { lambdaContext } from "./queue/lambda-context.ts";
import type { SqsBatchHandler } from "./queue/queue-consumer.ts";

export interface IngestRequest {
  id: number;
  event: SQSEvent;
  functionName: string;
  timeoutMs: number;
}
export type IngestReply = { id: number; response: unknown } | { id: number; error: string };

const { entry } = workerData as { entry: string };
try {
  const mod = (await import(entry)) as { handler?: unknown };
  if (typeof mod.handler !== "function") throw new Error(`${entry} exports no handler function`);
  const handler = mod.handler as SqsBatchHandler;
  parentPort!.on("message", (request: IngestRequest) => {
    handler(request.event, lambdaContext(request.functionName, request.timeoutMs)).then(
      (response) => parentPort!.postMessage({ id: request.id, response } satisfies IngestReply),
      (err: Error) =>
        parentPort!.postMessage({ id: request.id, error: err?.message ?? String(err) } satisfies IngestReply),
    );
  });
  parentPort!.postMessage({ ready: true });
} catch (err) {
  parentPort!.postMessage({ failed: (err as Error).message ?? String(err) });
}
