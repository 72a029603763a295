// GET /openapi.json is generated from the zod schemas and the route table (every route, every $ref resolvable);
// GET /docs is Swagger UI on it, served with its files; POST /uploads hands out a presigned PUT that the local S3
// accepts for exactly the announced file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Problem, UploadTicket } from "../../functions/schemas/api.ts";
import { fromObjectMetadata } from "../../functions/shared/object-metadata.ts";
import { BUCKET, type RunningApi, startApi } from "./harness.ts";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ maxArticleBytes: 1000 });
});
afterAll(async () => {
  await api.stop();
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document with every route, and every reference resolves", async () => {
    const res = await api.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/articles",
      "/articles/{id}",
      "/articles/{id}/claims",
      "/articles/{id}/text",
      "/articles/{id}/versions",
      "/claims",
      "/claims/search",
      "/claims/{id}",
      "/claims/{id}/related",
      "/docs",
      "/docs/{file}",
      "/facts",
      "/facts/{id}",
      "/openapi.json",
      "/speakers",
      "/speakers/{name}/claims",
      "/uploads",
    ]);
    expect(Object.keys(doc.paths["/articles"]).sort()).toEqual(["get", "post"]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    // Every path parameter in a template is declared, and required.
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>>,
    )) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect(op.parameters?.filter((p) => p.in === "path").map((p) => p.name) ?? []).toEqual(names);
        expect(op.parameters?.filter((p) => p.in === "path").every((p) => p.required) ?? true).toBe(true);
      }
    }
  });

  it("describes parameters and bodies from the same schemas that validate requests", async () => {
    const doc = (await api.call("GET", "/openapi.json")).json;
    const find = doc.paths["/claims"].get;
    const limit = find.parameters.find((p: { name: string }) => p.name === "limit");
    expect(limit).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
    });
    expect(find.parameters.find((p: { name: string }) => p.name === "certainty").schema.enum).toEqual([
      "certain",
      "probable",
      "possible",
    ]);
    const submission = doc.components.schemas.ArticleSubmission;
    expect(submission.required).toEqual(["body"]);
    expect(submission.additionalProperties).toBe(false);
    expect(doc.components.schemas.ClaimRecord.required).toEqual(
      expect.arrayContaining(["articleId", "publishedAt", "evidence"]),
    );
    expect(doc.paths["/articles/{id}"].get.responses["404"].content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    // Submitting and deleting hand the work to the pipeline, and say so.
    expect(Object.keys(doc.paths["/articles"].post.responses)).toEqual(["202", "400", "413", "415", "500", "503"]);
    expect(doc.paths["/articles"].post.description).toMatch(/answers 404/);
    expect(Object.keys(doc.paths["/articles/{id}"].delete.responses)).toEqual([
      "202",
      "400",
      "404",
      "409",
      "500",
      "503",
    ]);
    expect(doc.paths["/articles/{id}"].delete.responses["202"].headers).toHaveProperty("Location");
    expect(doc.paths["/articles/{id}"].get.description).toMatch(/404 until the pipeline/);
    expect(Object.keys(doc.paths["/articles"].post.requestBody.content)).toEqual([
      "application/json",
      "text/plain",
      "text/markdown",
      "text/html",
      "application/xhtml+xml",
    ]);
  });
});

describe("GET /docs", () => {
  it("is Swagger UI on the document, every file of it served by the API itself", async () => {
    const res = await api.call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    // Relative references only: the page works under a stage prefix and needs no other host.
    const refs = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.sort()).toEqual([
      "data:,",
      "docs/docs.js",
      "docs/swagger-ui-bundle.js",
      "docs/swagger-ui.css",
      "openapi.json",
    ]);
    const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    for (const [file, type] of [
      ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
      ["swagger-ui.css", "text/css; charset=utf-8"],
    ] as const) {
      const asset = await api.call("GET", `/docs/${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers["content-type"]).toBe(type);
      expect(asset.headers["cache-control"]).toBe("public, max-age=86400");
      expect(asset.text === readFileSync(join(dist, file), "utf8"), file).toBe(true);
    }
    const start = await api.call("GET", "/docs/docs.js");
    expect(start.text).toContain('url: "openapi.json"');
    expect(start.text).toContain("validatorUrl: null");
  });

  it("refuses any other file with a problem naming the ones there are", async () => {
    for (const path of ["/docs/index.html", "/docs/..%2Fpackage.json", "/docs/swagger-ui-bundle.js.map"]) {
      const res = await api.call("GET", path);
      expect(res.status, path).toBe(400);
      expect(Problem.parse(res.json).detail).toContain("swagger-ui-bundle.js");
    }
  });
});

describe("POST /uploads", () => {
  const request = (body: unknown) =>
    api.call("POST", "/uploads", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("hands out a presigned PUT under the ingest prefix that accepts exactly the announced file", async () => {
    const text = "A large article, the archivist said.";
    const res = await request({
      contentType: "text/plain",
      contentLength: Buffer.byteLength(text),
      fileName: "Große Datei (final).txt",
      title: "Große Datei",
    });
    expect(res.status).toBe(200);
    const ticket = UploadTicket.parse(res.json);
    expect(ticket.source).toEqual({ bucket: BUCKET, key: "incoming/uploads/upload-1/Gro-e-Datei-final.txt" });
    expect(ticket.headers["content-type"]).toBe("text/plain");
    // Size, type and metadata are signed, so S3 refuses any other file (the harness's gate checks signatures as
    // S3 does).
    expect(new URL(ticket.url).searchParams.get("X-Amz-SignedHeaders")).toBe(
      "content-length;content-type;host;x-amz-meta-title",
    );
    const retyped = { ...ticket.headers, "content-type": "text/html" };
    expect((await fetch(ticket.url, { method: "PUT", headers: retyped, body: text })).status).toBe(403);

    const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: text });
    expect(put.status, await put.text()).toBe(200);
    const stored = await api.s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: ticket.source.key }));
    expect(await stored.Body!.transformToString()).toBe(text);
    expect(fromObjectMetadata(stored.Metadata)).toEqual({ title: "Große Datei" });
  });

  it("refuses a file over the size limit (413), another content type (415) and bad fields (400)", async () => {
    expect((await request({ contentType: "text/plain", contentLength: 1001 })).status).toBe(413);
    const type = await request({ contentType: "application/pdf", contentLength: 10 });
    expect(type.status).toBe(400);
    expect(Problem.parse(type.json).errors?.[0]?.field).toBe("body.contentType");
    const form = await api.call("POST", "/uploads", { headers: { "Content-Type": "text/plain" }, body: "x" });
    expect(form.status).toBe(415);
    const missing = await request({ contentType: "text/plain" });
    expect(missing.json.errors).toEqual([{ field: "body.contentLength", message: expect.any(String) }]);
  });
});
