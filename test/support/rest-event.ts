// API Gateway REST (v1) proxy events as API Gateway builds them: `path` without the stage and still
// percent-encoded, `requestContext.path` with the stage, query parameters decoded, multi-value maps filled in,
// binary bodies base64-encoded. For tests and the local stack.
import type { APIGatewayProxyEvent } from "aws-lambda";

export interface RestRequest {
  method: string;
  /** The path after the stage, percent-encoded where needed, with an optional `?query`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  stage?: string;
}

export function restEvent(req: RestRequest): APIGatewayProxyEvent {
  const [rawPath, rawQuery = ""] = req.path.split("?", 2) as [string, string?];
  const params = new URLSearchParams(rawQuery);
  const multi: Record<string, string[]> = {};
  for (const [name, value] of params) multi[name] = [...(multi[name] ?? []), value];
  const single = Object.fromEntries(Object.entries(multi).map(([name, values]) => [name, values.at(-1)!]));
  const headers = req.headers ?? {};
  const binary = req.body instanceof Uint8Array;
  const stage = req.stage ?? "test";
  return {
    resource: "/{proxy+}",
    path: rawPath,
    httpMethod: req.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: Object.keys(single).length ? single : null,
    multiValueQueryStringParameters: Object.keys(multi).length ? multi : null,
    pathParameters: { proxy: rawPath.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      authorizer: undefined,
      protocol: "HTTP/1.1",
      httpMethod: req.method,
      identity: { sourceIp: "127.0.0.1", userAgent: "vitest" } as APIGatewayProxyEvent["requestContext"]["identity"],
      path: `/${stage}${rawPath}`,
      stage,
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      requestTimeEpoch: Date.now(),
      resourceId: "proxy",
      resourcePath: "/{proxy+}",
    },
    body: req.body === undefined ? null : binary ? Buffer.from(req.body).toString("base64") : (req.body as string),
    isBase64Encoded: binary,
  };
}
