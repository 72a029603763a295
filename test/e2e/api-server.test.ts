// The local API server gives the API handler the event API Gateway (REST, proxy) would, and sends back what the
// handler answers as API Gateway would: checked here with a handler that records its events, over real HTTP.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BINARY_ARTICLE_TYPES } from "../../infra/constructs/claims-api.ts";
import { BINARY_MEDIA_TYPES, type RunningApi, startApiServer } from "../../local/api-server.ts";

describe("local API server", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimtrack-api-server-"));
  const events: APIGatewayProxyEvent[] = [];
  let answer: APIGatewayProxyResult = { statusCode: 200, body: "{}" };
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApiServer(
      async (event) => {
        events.push(event);
        return answer;
      },
      0,
      join(dir, "api-access.log"),
    );
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("declares the binary media types the deployed API declares", () => {
    expect([...BINARY_MEDIA_TYPES].sort()).toEqual([...BINARY_ARTICLE_TYPES].sort());
  });

  it("builds the REST proxy event: encoded path, decoded query maps, headers, text JSON body", async () => {
    await fetch(`${api.url}/speakers/J%C3%BCrgen%20Wei%C3%9F/claims?limit=5&tag=a&tag=b%20c`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-custom": "yes" },
      body: '{"body":"é"}',
    });
    const event = events.at(-1)!;
    expect(event).toMatchObject({
      httpMethod: "POST",
      path: "/speakers/J%C3%BCrgen%20Wei%C3%9F/claims",
      resource: "/{proxy+}",
      pathParameters: { proxy: "speakers/J%C3%BCrgen%20Wei%C3%9F/claims" },
      queryStringParameters: { limit: "5", tag: "b c" },
      multiValueQueryStringParameters: { limit: ["5"], tag: ["a", "b c"] },
      body: '{"body":"é"}',
      isBase64Encoded: false,
      requestContext: { path: "/speakers/J%C3%BCrgen%20Wei%C3%9F/claims", httpMethod: "POST" },
    });
    expect(event.headers["x-custom"]).toBe("yes");
    expect(event.multiValueHeaders["x-custom"]).toEqual(["yes"]);
  });

  it("passes a raw article file byte for byte, base64-encoded", async () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café\n" in windows-1252
    await fetch(`${api.url}/articles`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=windows-1252" },
      body: bytes,
    });
    const event = events.at(-1)!;
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, "base64")).toEqual(bytes);
    await fetch(`${api.url}/articles`);
    expect(events.at(-1)).toMatchObject({ body: null, isBase64Encoded: false, queryStringParameters: null });
  });

  it("answers with the handler's status, headers and body; gzip above 1 KB when accepted", async () => {
    const big = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i })) });
    answer = { statusCode: 201, headers: { "X-Answer": "1" }, multiValueHeaders: { Vary: ["Origin"] }, body: big };
    const raw = await new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve) => {
      request(`${api.url}/claims`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).end();
    });
    expect(raw.status).toBe(201);
    expect(raw.headers).toMatchObject({ "x-answer": "1", vary: "Origin", "content-encoding": "gzip" });
    expect(gunzipSync(raw.body).toString()).toBe(big);
    answer = { statusCode: 200, body: "{}" };
  });

  it("refuses a body over API Gateway's 10 MB before the handler sees it", async () => {
    const before = events.length;
    const res = await fetch(`${api.url}/articles`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 413 });
    expect(events.length).toBe(before);
  });

  it("answers headers over 16 KB with a problem+json 431, as API Gateway answers problem+json", async () => {
    const before = events.length;
    const res = await fetch(`${api.url}/claims`, { headers: { "x-padding": "a".repeat(17 * 1024) } });
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 431, title: "Request Header Fields Too Large" });
    expect(events.length).toBe(before);
  });

  it("writes an access log line per request", async () => {
    await api.stop();
    const lines = readFileSync(join(dir, "api-access.log"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.method} ${l.path.split("?")[0]} ${l.status}`)).toEqual([
      "POST /speakers/J%C3%BCrgen%20Wei%C3%9F/claims 200",
      "POST /articles 200",
      "GET /articles 200",
      "GET /claims 201",
      "POST /articles 413",
    ]);
    api = await startApiServer(async () => answer, 0, join(dir, "api-access.log"));
  });
});
