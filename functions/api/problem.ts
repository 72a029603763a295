// The one place where errors become HTTP responses: RFC 9457 problem details (application/problem+json).
// Named errors give their status and message; anything else is a 500 that says nothing about internals.
import { STATUS_CODES } from "node:http";
import type { Problem } from "../schemas/api.ts";
import { SearchTokenError, SearchUnavailableError } from "../search/claim-search.ts";
import { ObjectStorageBusyError } from "../shared/object-storage.ts";
import { ArticleNotFoundError, InvalidCursorError, InvalidRecordError } from "../store/errors.ts";
import {
  BadRequestError,
  ConflictError,
  type FieldError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "./errors.ts";
import type { ApiResponse } from "./response.ts";

export interface ProblemResponse extends ApiResponse {
  problem: Problem;
}

export function problemFor(err: unknown, instance?: string): ProblemResponse {
  if (err instanceof BadRequestError) {
    return problem(400, `the request is invalid (${err.message})`, instance, {}, err.errors);
  }
  if (err instanceof InvalidCursorError) {
    return problem(400, err.message, instance, {}, [{ field: "query.cursor", message: err.message }]);
  }
  if (err instanceof InvalidRecordError) return problem(400, err.message, instance);
  if (err instanceof SearchTokenError) {
    return problem(400, err.message, instance, {}, [{ field: "query.token", message: err.message }]);
  }
  if (err instanceof SearchUnavailableError) {
    return problem(503, "the search is unavailable; retry in a few seconds", instance, { "Retry-After": "5" });
  }
  if (err instanceof NotFoundError || err instanceof ArticleNotFoundError) return problem(404, err.message, instance);
  if (err instanceof MethodNotAllowedError) return problem(405, err.message, instance, { Allow: err.allow.join(", ") });
  if (err instanceof ConflictError) return problem(409, err.message, instance);
  if (err instanceof PayloadTooLargeError) return problem(413, err.message, instance);
  if (err instanceof UnsupportedMediaTypeError) return problem(415, err.message, instance);
  if (err instanceof ObjectStorageBusyError) {
    return problem(503, "the bucket is busy; retry in a few seconds", instance, { "Retry-After": "5" });
  }
  return problem(500, "the request could not be completed; it has been logged", instance);
}

function problem(
  status: number,
  detail: string,
  instance: string | undefined,
  headers: Record<string, string> = {},
  errors?: FieldError[],
): ProblemResponse {
  const body: Problem = {
    type: "about:blank",
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail: asSentence(detail),
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
  };
  return {
    statusCode: status,
    headers: { "Content-Type": "application/problem+json", ...headers },
    body: JSON.stringify(body),
    problem: body,
  };
}

/** Errors are worded as clauses (so they compose: "x was not found: why"); a problem's detail is read as a sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalized = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
