// Pieces every route module uses: the documented error responses and the path parameter schemas.
import * as z from "zod";
import { ArticleContentType, ArticleId, ClaimId, Problem, SpeakerName } from "../../schemas/api.ts";
import { EXAMPLE_ARTICLE } from "../../schemas/examples.ts";
import { ObjectStorageBusyError } from "../../shared/object-storage.ts";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../errors.ts";
import { problemFor } from "../problem.ts";
import { type ApiResponse, json } from "../response.ts";
import type { ResponseDoc } from "../router.ts";

const ERRORS: Record<number, string> = {
  400: "The request is invalid; `errors` names each failing field.",
  404: "Nothing exists at this path.",
  409: "The article has objects this API cannot delete (outside its bucket's ingest prefix), or none; nothing was deleted.",
  413: "The article is larger than the configured limit.",
  415: "The content type is not one the extractor reads.",
  500: "Something failed on our side; nothing about it is disclosed.",
  503: "The bucket kept refusing the request; retry after `Retry-After` seconds.",
};

/** An error of each documented status, whose problem (made by problemFor, as a real one is) is its example. */
const EXAMPLE_ERRORS: Record<number, () => unknown> = {
  400: () => new BadRequestError([{ field: "query.limit", message: "expected a whole number in decimal digits" }]),
  404: () => new NotFoundError(`article ${EXAMPLE_ARTICLE.id}`),
  409: () =>
    new ConflictError(`article ${EXAMPLE_ARTICLE.id} has objects this API cannot delete: s3://archive/ferry-route.txt`),
  413: () => new PayloadTooLargeError(6_000_000, 5_242_880),
  415: () => new UnsupportedMediaTypeError("application/pdf", ArticleContentType.options),
  500: () => new Error("an unexpected failure"),
  503: () => new ObjectStorageBusyError("PutObject", 503, "SlowDown", "Please reduce your request rate", 3),
};

/** The documented problem responses of a route (400 and 500 always). */
export function problems(...statuses: (404 | 409 | 413 | 415 | 503)[]): Record<number, ResponseDoc> {
  const out: Record<number, ResponseDoc> = {};
  for (const status of [400, ...statuses, 500]) {
    out[status] = {
      description: ERRORS[status]!,
      schema: Problem,
      contentType: "application/problem+json",
      example: problemFor(EXAMPLE_ERRORS[status]!()).problem,
    };
  }
  return out;
}

export const ArticlePath = z.strictObject({ id: ArticleId });
export const ClaimPath = z.strictObject({ id: ClaimId });
export const SpeakerPath = z.strictObject({ name: SpeakerName });

/** 200 with the value, or 404 naming what was not found. */
export function found(value: unknown, what: string): ApiResponse {
  if (value === null || value === undefined) throw new NotFoundError(what);
  return json(200, value);
}
