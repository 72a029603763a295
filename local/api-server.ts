// The REST API on a local port, in front of the API handler: each HTTP request becomes the API Gateway REST (v1)
// proxy event the deployed API sends — raw path still percent-encoded, query strings decoded into single and
// multi-value maps, headers as sent, the body base64-encoded for the binary media types the deployed API declares
// (raw article files, so their bytes arrive intact) and as text otherwise — and the
// handler's answer goes back as the HTTP response, gzip-compressed above 1 KB when the client accepts it, as
// the deployed stage does. Bodies over API Gateway's 10 MB payload limit are refused before the handler runs.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { gzipSync } from "node:zlib";
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { ArticleContentType } from "../functions/schemas/api.ts";
import { openAccessLog } from "./access-log.ts";
import type { ApiHandler } from "./handlers.ts";
import { lambdaContext } from "./queue/lambda-context.ts";
import { serveWebFile, webFileFor } from "./web-assets.ts";

const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** The deployed API's binaryMediaTypes (infra's BINARY_ARTICLE_TYPES; a test keeps the two equal). */
export const BINARY_MEDIA_TYPES: readonly string[] = ArticleContentType.options.filter((t) => t !== "application/json");
const MIN_COMPRESSION_BYTES = 1024;
const API_TIMEOUT_MS = 15_000;

export interface RunningApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startApiServer(handler: ApiHandler, port: number, accessLogPath: string): Promise<RunningApi> {
  const accessLog = openAccessLog(accessLogPath);
  const server: Server = createServer((req, res) => {
    accessLog.record(req, res);
    // The web app's files share the port (local/web-assets.ts); every other request goes to the API.
    const webFile = webFileFor(req.method, req.url);
    if (webFile) return void serveWebFile(webFile, req, res);
    serve(handler, req, res).catch((err: Error) => {
      // The handler maps its own errors to problem+json; reaching here means it threw, as a crashed Lambda would.
      send(res, req, {
        statusCode: 502,
        headers: { "Content-Type": "application/problem+json" },
        body: JSON.stringify({ type: "about:blank", title: "Bad Gateway", status: 502, detail: err.message }),
      });
    });
  });
  server.on("clientError", answerMalformedRequest);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err) => {
      void accessLog.close();
      reject(err);
    });
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}`,
    port: actual,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await accessLog.close();
    },
  };
}

async function serve(handler: ApiHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) {
      return send(res, req, {
        statusCode: 413,
        headers: { "Content-Type": "application/problem+json" },
        body: JSON.stringify({
          type: "about:blank",
          title: "Payload Too Large",
          status: 413,
          detail: "API Gateway accepts request bodies up to 10 MB: upload larger files to the bucket",
        }),
      });
    }
    chunks.push(chunk as Buffer);
  }
  const event = restEventOf(req, Buffer.concat(chunks));
  const result = await handler(event, lambdaContext("claimtrack-api", API_TIMEOUT_MS, 512));
  send(res, req, result);
}

/**
 * A request Node's parser refuses never reaches the handler; Node would answer a bare status line. API Gateway
 * answers problem+json, so this does too: 431 for headers over Node's 16 KB limit, 400 for anything else.
 */
function answerMalformedRequest(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (err as { code?: string }).code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: "about:blank",
    title: tooLarge ? "Request Header Fields Too Large" : "Bad Request",
    status,
    detail: tooLarge ? "the request's headers are larger than 16 KB" : "the request is not valid HTTP/1.1",
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
      "Content-Type: application/problem+json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

export function restEventOf(req: IncomingMessage, body: Buffer): APIGatewayProxyEvent {
  const url = new URL(req.url ?? "/", "http://localhost");
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) multiQuery[name] = [...(multiQuery[name] ?? []), value];
  const query = Object.fromEntries(Object.entries(multiQuery).map(([name, values]) => [name, values.at(-1)!]));
  const headers: Record<string, string> = {};
  const multiHeaders: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const value = req.rawHeaders[i + 1]!;
    headers[name] = value;
    multiHeaders[name] = [...(multiHeaders[name] ?? []), value];
  }
  const method = req.method ?? "GET";
  const hasQuery = Object.keys(multiQuery).length > 0;
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const binary = body.length > 0 && BINARY_MEDIA_TYPES.includes(mediaType);
  return {
    resource: "/{proxy+}",
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders: multiHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: url.pathname === "/" ? null : { proxy: url.pathname.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      authorizer: undefined,
      protocol: `HTTP/${req.httpVersion}`,
      httpMethod: method,
      identity: {
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: req.headers["user-agent"] ?? null,
      } as APIGatewayProxyEvent["requestContext"]["identity"],
      // The local API has no stage in its URLs, so the public path is the path itself.
      path: url.pathname,
      stage: "local",
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: "local",
      resourcePath: "/{proxy+}",
    },
    body: body.length > 0 ? body.toString(binary ? "base64" : "utf8") : null,
    isBase64Encoded: binary,
  };
}

function send(res: ServerResponse, req: IncomingMessage, result: APIGatewayProxyResult): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name] = values.map(String);
  let body = Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8");
  const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (acceptsGzip && body.length >= MIN_COMPRESSION_BYTES) {
    body = gzipSync(body);
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = String(body.length);
  res.writeHead(result.statusCode, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
