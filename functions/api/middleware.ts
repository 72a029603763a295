// The API's middy middlewares. Registered in this order: requestLog, httpCors, problemResponses — middy runs
// onError handlers in reverse, so an error becomes a problem response first, then gets its CORS headers like any
// success, then is logged with its final status.
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEvent } from "aws-lambda";
import type { Log } from "../shared/logger.ts";
import { problemFor } from "./problem.ts";
import type { ApiResponse } from "./response.ts";

type Middleware = MiddlewareObj<APIGatewayProxyEvent, ApiResponse>;

/** Turns any error into an RFC 9457 response; 5xx are logged with the error, which the client never sees. */
export function problemResponses(log: Log): Middleware {
  return {
    onError: (request) => {
      if (request.response !== undefined) return;
      const { problem, ...response } = problemFor(request.error, request.event.path);
      if (problem.status >= 500) {
        log.error("request failed", {
          path: request.event.path,
          method: request.event.httpMethod,
          error: request.error,
        });
      }
      request.response = response;
    },
  };
}

/** One structured log line per request: method, path, status and duration. */
export function requestLog(log: Log): Middleware {
  const started = new WeakMap<object, number>();
  const done = (request: { event: APIGatewayProxyEvent; response: ApiResponse | null | undefined }) => {
    const ms = Date.now() - (started.get(request.event) ?? Date.now());
    log.info("request", {
      method: request.event.httpMethod,
      path: request.event.path,
      status: request.response?.statusCode,
      durationMs: ms,
    });
  };
  return {
    before: (request) => {
      started.set(request.event, Date.now());
    },
    after: done,
    onError: done,
  };
}
