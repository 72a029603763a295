// Runs extraction on a worker thread that can be stopped, so no article holds the ingest function past its
// deadline: past it the thread is terminated and the article fails with TIMEOUT (permanent, acknowledged). One
// warm thread per function instance serves every article, one at a time in the order asked — starting a thread
// costs the extractor's module load — and is replaced only after it was terminated or died. An article's
// deadline starts when its turn comes, and never runs past the invocation's own time less a reserve: an
// article cut short by its invocation (not by its deadline) is not at fault, so that error is retried.
import { Worker } from "node:worker_threads";
import type { ExtractOptions } from "../extraction/extract.ts";
import type { ReadInput } from "../extraction/reading/document.ts";
import type { Extraction } from "../schemas/article.ts";
import type { ExtractBudget, Extractor } from "./deps.ts";
import { ExtractionTimeoutError } from "./failures.ts";
import { type ExtractReply, type ExtractRequest, errorOfThread } from "./serve-extractor.ts";

/**
 * Left at the end of an invocation for writing what was extracted (claims, text, the idempotency record): this,
 * or a quarter of the time left when that is less.
 */
export const DEFAULT_RESERVE_MS = 5_000;

export interface ThreadExtractorOptions {
  /** The worker's entry module; it calls serveExtractor() (functions/handlers/extract-worker.ts). */
  entry: URL;
  /** How long one article's extraction may run. */
  deadlineMs: number;
  reserveMs?: number;
}

export interface ThreadExtractor {
  extract: Extractor;
  /** Threads started so far: 1 until one had to be stopped. */
  threadsStarted(): number;
  close(): Promise<void>;
}

interface Call {
  id: number;
  settle(reply: Extract<ExtractReply, { id: number }>): void;
  died(err: Error): void;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  call: Call | null;
}

export function createThreadExtractor(options: ThreadExtractorOptions): ThreadExtractor {
  const reserveMs = options.reserveMs ?? DEFAULT_RESERVE_MS;
  let started = 0;
  let nextId = 0;
  let closed = false;
  let turn: Promise<unknown> = Promise.resolve();

  const spawn = (): Thread => {
    started++;
    const worker = new Worker(options.entry);
    let loaded: () => void = () => {};
    let unloaded: (err: Error) => void = () => {};
    const t: Thread = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        loaded = resolve;
        unloaded = reject;
      }),
      call: null,
    };
    // A thread that dies idle, before anyone waited on it, is no unhandled rejection; its next turn sees it.
    t.ready.catch(() => {});
    worker.on("message", (reply: ExtractReply) => {
      if ("ready" in reply) loaded();
      else if (t.call?.id === reply.id) t.call.settle(reply);
    });
    const died = (err: Error) => {
      if (current === t) current = null;
      unloaded(err);
      t.call?.died(err);
    };
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`the extraction thread stopped (exit code ${code})`)));
    // Idle, the thread must not keep a process alive; each turn holds it (ref) while it runs. After the
    // listeners: adding a "message" listener refs the worker again.
    worker.unref();
    return t;
  };
  // Started at once: on Lambda, during the init phase.
  let current: Thread | null = spawn();

  const stop = (t: Thread) => {
    if (current === t) current = null;
    t.call = null;
    void t.worker.terminate();
  };

  const runTurn = async (input: ReadInput, extractOptions: ExtractOptions, budget?: ExtractBudget) => {
    if (closed) throw new Error("the extraction thread was closed");
    current ??= spawn();
    const t = current;
    t.worker.ref();
    try {
      await t.ready;
      const remainingMs = budget ? budget.remainingMs() : Number.POSITIVE_INFINITY;
      // A short function timeout (a local stack's few seconds) keeps a quarter of what is left, not all of it.
      const leftMs = remainingMs - Math.min(reserveMs, remainingMs / 4);
      if (leftMs <= 0) throw new Error("no time left in this invocation to read the file; it is retried");
      const byDeadline = options.deadlineMs <= leftMs;
      const limitMs = byDeadline ? options.deadlineMs : leftMs;
      return await new Promise<Extraction>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          stop(t);
          reject(
            byDeadline
              ? new ExtractionTimeoutError(options.deadlineMs)
              : new Error(
                  `the invocation ran out of time while the file was read (${Math.round(limitMs)} ms); retried`,
                ),
          );
        }, limitMs);
        t.call = {
          id,
          settle(reply) {
            clearTimeout(timer);
            t.call = null;
            if ("error" in reply) reject(errorOfThread(reply.error));
            else resolve(reply.extraction);
          },
          died(err) {
            clearTimeout(timer);
            t.call = null;
            reject(err);
          },
        };
        t.worker.postMessage({ id, input, options: extractOptions } satisfies ExtractRequest);
      });
    } finally {
      t.worker.unref();
    }
  };

  return {
    extract(input, extractOptions, budget) {
      const result = turn.then(() => runTurn(input, extractOptions, budget));
      turn = result.catch(() => undefined);
      return result;
    },
    threadsStarted: () => started,
    async close() {
      closed = true;
      const t = current;
      current = null;
      if (t) await t.worker.terminate();
    },
  };
}
