// The web app's files (web/) on the local API's port, beside the API: `/` is web/index.html and `/app/...` the
// modules, styles and config under web/app/ — paths no API route uses. Served as CloudFront serves them deployed:
// exact content types, an ETag with `Cache-Control: no-cache` (file names carry no hash, so every load
// revalidates and an unchanged file costs a 304), gzip when accepted, and the same security headers.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const WEB_ROOT = fileURLToPath(new URL("../web/", import.meta.url));

/** By extension; anything else under app/ is not served. */
export const WEB_CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The headers every app file is served with (infra's CloudFront response headers policy sets the same). */
export const WEB_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** The file a GET or HEAD for this path is answered with, or null when the path is the API's. */
export function webFileFor(method: string | undefined, url: string | undefined): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const path = new URL(url ?? "/", "http://localhost").pathname;
  if (path === "/" || path === "/index.html") return join(WEB_ROOT, "index.html");
  if (!path.startsWith("/app/") || !(extname(path) in WEB_CONTENT_TYPES)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = normalize(join(WEB_ROOT, decoded));
  return file.startsWith(join(WEB_ROOT, "app") + sep) ? file : null;
}

/** `headers` replace the defaults: a host of the app on another origin than its API widens `connect-src`. */
export async function serveWebFile(
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string> = {},
): Promise<void> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", ...WEB_SECURITY_HEADERS, ...headers });
    res.end(req.method === "HEAD" ? undefined : `${req.url} is not a file of the web app\n`);
    return;
  }
  const etag = `"${createHash("sha256").update(content).digest("base64url").slice(0, 27)}"`;
  const sent: Record<string, string> = {
    "Content-Type": WEB_CONTENT_TYPES[extname(file)]!,
    "Cache-Control": "no-cache",
    ETag: etag,
    Vary: "Accept-Encoding",
    ...WEB_SECURITY_HEADERS,
    ...headers,
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, sent);
    res.end();
    return;
  }
  let body = content;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && content.length >= 1024) {
    body = gzipSync(content);
    sent["Content-Encoding"] = "gzip";
  }
  sent["Content-Length"] = String(body.length);
  res.writeHead(200, sent);
  res.end(req.method === "HEAD" ? undefined : body);
}
