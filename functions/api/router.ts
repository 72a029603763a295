// A small router for one Lambda serving the whole REST API: routes are data (method, path template, zod schemas
// for path and query, documented responses), so the same table dispatches requests and generates the OpenAPI
// document. Paths are matched on API Gateway's `path`, which REST APIs deliver still percent-encoded: each
// segment is decoded after splitting, so an encoded "/" stays inside its parameter.
import type { APIGatewayProxyEvent } from "aws-lambda";
import type { z } from "zod";
import {
  BadRequestError,
  type FieldError,
  MethodNotAllowedError,
  NotFoundError,
  UnsupportedMediaTypeError,
} from "./errors.ts";
import type { ApiResponse } from "./response.ts";

export type HttpMethod = "GET" | "POST" | "DELETE";

export interface ApiRequest {
  method: string;
  /** The route path (no stage), percent-encoded as the client sent it. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Decoded query parameters. */
  query: Record<string, string>;
  body: Buffer | null;
  /** The path as the client addressed it, stage included: the base for Location headers. */
  publicPath: string;
}

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Further representations of the same response (another media type, chosen by a query parameter). */
  alternatives?: { contentType: string; schema?: z.ZodType; example?: unknown; description?: string }[];
  headers?: Record<string, string>;
  /** An example body; without it, the first of the schema's own examples (`.meta({ examples })`). */
  example?: unknown;
}

export interface RequestBodyDoc {
  contentType: string;
  schema?: z.ZodType;
  description: string;
}

export interface Route<P = unknown, Q = unknown> {
  method: HttpMethod;
  /** With `{name}` for path parameters, e.g. `/articles/{id}/claims`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  requestBody?: RequestBodyDoc[];
  responses: Record<number, ResponseDoc>;
  handle(input: { params: P; query: Q; request: ApiRequest }): Promise<ApiResponse>;
}

/** Keeps each route's parameter types while collecting routes of different types in one table. */
export function route<P, Q>(spec: Route<P, Q>): Route {
  return spec as unknown as Route;
}

export function createRouter(routes: Route[]) {
  const compiled = routes.map((r) => ({ route: r, segments: r.path.split("/").filter(Boolean) }));

  const match = (segments: string[]) =>
    compiled.filter(
      (c) => c.segments.length === segments.length && c.segments.every((s, i) => isParam(s) || s === segments[i]),
    );

  return {
    routes,
    async handle(event: APIGatewayProxyEvent): Promise<ApiResponse> {
      const request = toRequest(event);
      const segments = request.path.split("/").filter(Boolean);
      const candidates = match(segments);
      if (candidates.length === 0) throw new NotFoundError(`a resource at ${request.path}`);
      // A literal segment beats a parameter ("/articles/x" is never "/{anything}/x").
      const found = candidates
        .filter((c) => c.route.method === request.method)
        .sort((a, b) => paramCount(a.segments) - paramCount(b.segments))[0];
      if (!found) {
        const allow = [...new Set(candidates.map((c) => c.route.method))];
        throw new MethodNotAllowedError(request.method, request.path, allow);
      }
      const rawParams: Record<string, string> = {};
      found.segments.forEach((s, i) => {
        if (isParam(s)) rawParams[s.slice(1, -1)] = decodeSegment(segments[i]!);
      });
      const params = validate(found.route.params, rawParams, "path");
      const query = validate(found.route.query, request.query, "query");
      return found.route.handle({ params, query, request });
    },
  };
}

/** Validates with zod; failures become a 400 naming each field (`query.limit`, `path.id`, `body.title`). */
export function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String), ...(issue.code === "unrecognized_keys" ? issue.keys : [])].join("."),
    message: issue.code === "unrecognized_keys" ? "is not a known parameter" : issue.message,
  }));
  throw new BadRequestError(errors);
}

/** A JSON request body, validated: 415 unless sent as application/json, 400 naming what is wrong with it. */
export function jsonBody<T>(request: ApiRequest, schema: z.ZodType<T>): T {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new UnsupportedMediaTypeError(type, ["application/json"]);
  return validate(schema, parseJson(request.body), "body");
}

export function parseJson(body: Buffer | null): unknown {
  try {
    return JSON.parse(body?.toString("utf8") ?? "");
  } catch (err) {
    throw new BadRequestError([{ field: "body", message: `is not valid JSON: ${(err as Error).message}` }]);
  }
}

function toRequest(event: APIGatewayProxyEvent): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {})
    .filter(([, values]) => (values?.length ?? 0) > 1)
    .map(([name]) => ({ field: `query.${name}`, message: "is given more than once" }));
  if (repeated.length > 0) throw new BadRequestError(repeated);
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  const path = trimSlash(event.path || "/");
  return {
    method: event.httpMethod.toUpperCase(),
    path,
    headers,
    query,
    body: event.body == null ? null : Buffer.from(event.body, event.isBase64Encoded ? "base64" : "utf8"),
    publicPath: trimSlash(event.requestContext?.path || path),
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequestError([{ field: "path", message: `"${segment}" is not a valid percent-encoded path segment` }]);
  }
}

const isParam = (segment: string) => segment.startsWith("{") && segment.endsWith("}");
const paramCount = (segments: string[]) => segments.filter(isParam).length;
const trimSlash = (path: string) => (path.length > 1 ? path.replace(/(?<!\/)\/+$/, "") : path);
