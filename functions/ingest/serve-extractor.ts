// The worker-thread side of thread-extractor.ts: runs an extractor on each article it is sent, one at a time,
// and answers with the extraction or the error. The domain's errors cross the thread as plain data (name, code,
// message) and are rebuilt on the other side, so they are classified exactly as in-process ones.
import { parentPort } from "node:worker_threads";
import { type BadArticleCode, BadArticleError } from "../extraction/errors.ts";
import type { ExtractOptions } from "../extraction/extract.ts";
import type { ReadInput } from "../extraction/reading/document.ts";
import type { Extraction } from "../schemas/article.ts";

export interface ExtractRequest {
  id: number;
  input: ReadInput;
  options: ExtractOptions;
}
export interface ThreadError {
  name: string;
  message: string;
  code?: BadArticleCode;
}
export type ExtractReply =
  | { ready: true }
  | { id: number; extraction: Extraction }
  | { id: number; error: ThreadError };

export function serveExtractor(extract: (input: ReadInput, options: ExtractOptions) => Extraction): void {
  const port = parentPort;
  if (!port) throw new Error("serveExtractor runs on a worker thread (node:worker_threads)");
  port.on("message", ({ id, input, options }: ExtractRequest) => {
    let reply: ExtractReply;
    try {
      reply = { id, extraction: extract(input, options) };
    } catch (err) {
      reply = { id, error: threadErrorOf(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies ExtractReply);
}

function threadErrorOf(err: unknown): ThreadError {
  if (err instanceof BadArticleError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: "Error", message: String(err) };
}

/** The error as the extractor threw it: a BadArticleError again, anything else a plain Error with its name. */
export function errorOfThread(error: ThreadError): Error {
  if (error.code) return new BadArticleError(error.code, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
