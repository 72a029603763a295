// The local API server serves the web app beside the API: `/` and `/app/*` are files of web/ with exact content
// types, revalidation headers, gzip and security headers; every other path — and anything outside web/app —
// still reaches the API handler. Over real HTTP, with a handler that records what reaches it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApi, startApiServer } from "../../local/api-server.ts";
import { WEB_ROOT } from "../../local/web-assets.ts";

/** A raw GET: the path is sent exactly as given (fetch would resolve "..") and the body is not decompressed. */
function get(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web app on the local API's port", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimtrack-web-assets-"));
  const reached: string[] = [];
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApiServer(
      async (event) => {
        reached.push(`${event.httpMethod} ${event.path}`);
        return { statusCode: 200, headers: { "Content-Type": "application/json" }, body: "{}" };
      },
      0,
      join(dir, "api-access.log"),
    );
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers / with index.html, and each file with its content type and revalidation headers", async () => {
    const cases: [string, string, string][] = [
      ["/", "index.html", "text/html; charset=utf-8"],
      ["/app/main.js", "app/main.js", "text/javascript; charset=utf-8"],
      ["/app/views/article.js", "app/views/article.js", "text/javascript; charset=utf-8"],
      ["/app/style.css", "app/style.css", "text/css; charset=utf-8"],
      ["/app/config.json", "app/config.json", "application/json; charset=utf-8"],
    ];
    for (const [path, file, type] of cases) {
      const res = await get(api.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"], path).toBe(type);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers["content-security-policy"], path).toContain("default-src 'self'");
      expect(res.body.equals(readFileSync(join(WEB_ROOT, file))), path).toBe(true);
    }
    expect(reached).toEqual([]);
  });

  it("answers 304 to a matching If-None-Match and gzips when asked", async () => {
    const first = await get(api.url, "/app/style.css");
    const again = await get(api.url, "/app/style.css", { "If-None-Match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const zipped = await get(api.url, "/app/style.css", { "Accept-Encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).equals(first.body)).toBe(true);
  });

  it("never serves a file outside web/app, and leaves every other path to the API", async () => {
    // Resolved by URL rules, "/app/../../package.json" is "/package.json": the API's to answer, not a file.
    for (const path of ["/app/../../package.json", "/app/%2e%2e/%2e%2e/package.json", "/app/..%2f..%2fpackage.json"]) {
      const res = await get(api.url, path);
      expect(res.body.toString(), path).not.toContain("devDependencies");
    }
    const missing = await get(api.url, "/app/nothing-here.js");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toBe("text/plain; charset=utf-8");
    reached.length = 0;
    await get(api.url, "/articles");
    await get(api.url, "/app/readme.txt");
    await get(api.url, "/docs");
    expect(reached).toEqual(["GET /articles", "GET /app/readme.txt", "GET /docs"]);
  });
});
