// Every error of the ingest pipeline is classified here, and only here. Permanent problems are the article's own
// (retrying cannot help): they are recorded on it as FAILED with a reason a person can act on, and the message
// is acknowledged. Everything else is retried by the queue and, when it keeps failing, dead-lettered.
import { type BadArticleCode, BadArticleError } from "../extraction/errors.ts";
import { ArticleNotFoundError, InvalidRecordError, SourceSupersededError } from "../store/errors.ts";

/**
 * The extractor's codes; UNSTORABLE: the store refuses the extraction (e.g. a claim over the item size); TIMEOUT:
 * the extraction ran past its deadline and was stopped.
 */
export type FailureCode = BadArticleCode | "UNSTORABLE" | "TIMEOUT";

export interface PermanentProblem {
  code: FailureCode;
  /** One line a person can act on. */
  message: string;
}

export type Classified =
  | { kind: "permanent"; problem: PermanentProblem }
  /** The work has no object any more (deleted while it ran): nothing to record, nothing to retry. */
  | { kind: "gone"; reason: string }
  | { kind: "transient" };

/**
 * The article's extraction ran past its deadline (thread-extractor.ts stops it). Permanent: the same bytes would
 * take as long again, so retrying would only spend deliveries and block the batches behind it.
 */
export class ExtractionTimeoutError extends Error {
  readonly deadlineMs: number;
  constructor(deadlineMs: number) {
    super(
      `reading the file took longer than ${deadlineMs} ms and was stopped; check that it holds an ordinary ` +
        "article (machine-generated or deeply repetitive text can be too slow to read)",
    );
    this.name = "ExtractionTimeoutError";
    this.deadlineMs = deadlineMs;
  }
}

export function classify(err: unknown): Classified {
  if (err instanceof ExtractionTimeoutError)
    return { kind: "permanent", problem: { code: "TIMEOUT", message: err.message } };
  if (err instanceof BadArticleError) return { kind: "permanent", problem: { code: err.code, message: err.message } };
  if (err instanceof InvalidRecordError) {
    return {
      kind: "permanent",
      problem: { code: "UNSTORABLE", message: `the claims cannot be stored: ${err.message}` },
    };
  }
  if (err instanceof SourceSupersededError) {
    return { kind: "gone", reason: "a later event of the same key was recorded first; this one is out of date" };
  }
  if (err instanceof ArticleNotFoundError) {
    return { kind: "gone", reason: "the article was deleted while it was being processed" };
  }
  // Throttling, timeouts, network and access errors, StoreBusyError, idempotency records in progress — and bugs,
  // which a fix and a redrive of the dead-letter queue repair without anyone uploading again.
  return { kind: "transient" };
}

/** The reason stored on a FAILED article: its code, for programs, and the message, for people. */
export function failureReasonOf(problem: PermanentProblem): string {
  return `${problem.code}: ${problem.message}`;
}

export function tooLarge(size: number, maxBytes: number): PermanentProblem {
  return {
    code: "TOO_LARGE",
    message: `the file is ${size} bytes, over the ${maxBytes}-byte limit; split it or upload the article's text only`,
  };
}

export const NO_CLAIMS: PermanentProblem = {
  code: "NO_CLAIMS",
  message:
    "the text was read but holds no claims (no statements of fact or attributed quotes); check that the file holds " +
    "the article's body, not only its headline, captions or links",
};
