// Every error status as RFC 9457 problem+json with the same CORS headers as a success; 500s say nothing about
// internals but are logged; preflight requests answered.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHandler, createApiHandlerFor } from "../../functions/api/create-api-handler.ts";
import { createS3ObjectStorage } from "../../functions/api/s3/s3-object-storage.ts";
import { Problem } from "../../functions/schemas/api.ts";
import { silentLog } from "../../functions/shared/logger.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import type { FactReader } from "../../functions/store/fact-store.ts";
import { restEvent } from "../support/rest-event.ts";
import { BUCKET, localS3Connection, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ maxArticleBytes: 100, corsAllowOrigin: "https://desk.example.org" });
});
afterAll(async () => {
  await api.stop();
});

const ORIGIN = { Origin: "https://desk.example.org" };

function expectProblem(res: { status: number; headers: Record<string, string>; json: unknown }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toBe("application/problem+json");
  expect(res.headers["access-control-allow-origin"]).toBe("https://desk.example.org");
  const problem = Problem.parse(res.json);
  expect(problem.status).toBe(status);
  expect(problem.type).toBe("about:blank");
  return problem;
}

describe("problem responses, each with CORS headers", () => {
  it("200 carries the CORS headers too", async () => {
    const res = await api.call("GET", "/articles", { headers: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("https://desk.example.org");
    expect(res.headers["access-control-expose-headers"]).toBe("Location");
  });

  it("400 names the failing fields", async () => {
    const problem = expectProblem(await api.call("GET", "/claims?limit=0&certainty=x", { headers: ORIGIN }), 400);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["query.certainty", "query.limit"]);
    expect(problem.title).toBe("Bad Request");
  });

  it("404 for a path that is no resource", async () => {
    const problem = expectProblem(await api.call("GET", "/nothing/here", { headers: ORIGIN }), 404);
    expect(problem).toMatchObject({ detail: "A resource at /nothing/here was not found.", instance: "/nothing/here" });
  });

  it("405 with Allow for a method the resource does not have", async () => {
    const res = await api.call("PUT", "/articles", { headers: ORIGIN });
    expectProblem(res, 405);
    expect(res.headers.allow).toBe("GET, POST");
    const del = await api.call("PATCH", "/articles/00000000000000000000", { headers: ORIGIN });
    expectProblem(del, 405);
    expect(del.headers.allow).toBe("GET, DELETE");
  });

  it("413 and 415 for articles", async () => {
    const big = await api.call("POST", "/articles", {
      headers: { ...ORIGIN, "Content-Type": "text/plain" },
      body: "x".repeat(101),
    });
    expectProblem(big, 413);
    expectProblem(
      await api.call("POST", "/articles", { headers: { ...ORIGIN, "Content-Type": "application/pdf" }, body: "x" }),
      415,
    );
  });

  it("400, not 422, for a malformed JSON body", async () => {
    const problem = expectProblem(
      await api.call("POST", "/uploads", { headers: { ...ORIGIN, "Content-Type": "application/json" }, body: "{" }),
      400,
    );
    expect(problem.errors?.[0]?.field).toBe("body");
  });

  it("answers a CORS preflight", async () => {
    const res = await api.call("OPTIONS", "/articles", {
      headers: { ...ORIGIN, "Access-Control-Request-Method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("https://desk.example.org");
    expect(res.headers["access-control-allow-methods"]).toBe("GET,POST,DELETE,OPTIONS");
  });
});

describe("failures on our side", () => {
  const brokenHandler = (failure: Error) => {
    const broken = new Proxy({} as ClaimStore & FactReader, {
      get: () => async () => {
        throw failure;
      },
    });
    const logged: unknown[] = [];
    const handler = createApiHandlerFor(
      {
        store: broken,
        objects: createS3ObjectStorage({ ...localS3Connection(api.s3.endpoint), bucket: BUCKET }),
        ingestPrefix: "incoming/",
        maxArticleBytes: 100,
        newId: () => "x",
      },
      { corsAllowOrigin: "*", logger: { ...silentLog, error: (_m, ...extra) => logged.push(...extra) } },
    );
    return { handler, logged };
  };

  it("500 without internals, logged with the error", async () => {
    const { handler, logged } = brokenHandler(new Error("connect ECONNREFUSED 10.0.0.7:8000 table=secret-table"));
    const res = await handler(restEvent({ method: "GET", path: "/articles" }), {} as Context);
    expect(res.statusCode).toBe(500);
    expect(res.headers["Content-Type"]).toBe("application/problem+json");
    expect(res.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(res.body).not.toMatch(/ECONNREFUSED|secret|10\.0\.0\.7|stack|\.ts/);
    expect(Problem.parse(JSON.parse(res.body)).detail).toBe("The request could not be completed; it has been logged.");
    expect(JSON.stringify(logged.map((l) => String((l as { error: Error }).error)))).toMatch(/ECONNREFUSED/);
  });

  it("503 with Retry-After when S3 keeps asking to slow down, after retrying", async () => {
    let requests = 0;
    const slowDown = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(503, { "content-type": "application/xml" });
      res.end("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
    });
    await new Promise<void>((resolve) => slowDown.listen(0, "127.0.0.1", resolve));
    const logged: unknown[] = [];
    const handler = createApiHandler({
      dynamo: api.db.client,
      s3: localS3Connection(`http://127.0.0.1:${(slowDown.address() as AddressInfo).port}`),
      tableName: api.db.tableName,
      bucket: BUCKET,
      ingestPrefix: "incoming/",
      maxArticleBytes: 100,
      corsAllowOrigin: "*",
      logger: { ...silentLog, error: (_m, ...extra) => logged.push(...extra) },
    });
    const event = restEvent({
      method: "POST",
      path: "/articles",
      headers: { "Content-Type": "text/plain" },
      body: "The bridge reopens, the mayor said.",
    });
    const res = await handler(event, {} as Context);
    slowDown.closeAllConnections();
    slowDown.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers["Retry-After"]).toBe("5");
    expect(res.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(Problem.parse(JSON.parse(res.body)).detail).toBe("The bucket is busy; retry in a few seconds.");
    expect(requests).toBe(3);
    expect(JSON.stringify(logged.map((l) => String((l as { error: Error }).error)))).toMatch(/SlowDown/);
  });
});
