// One HTTP(S) exchange with node:http, the path sent byte for byte as given. (fetch would parse the URL and
// resolve "." and ".." segments — legal in S3 keys — so the request would name another object than the one
// signed.) Node's global agents keep connections alive between invocations of a warm Lambda.
import http from "node:http";
import https from "node:https";

export interface HttpRequest {
  method: string;
  protocol: "http:" | "https:";
  hostname: string;
  port?: number | undefined;
  /** Already percent-encoded, query string included. */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Rejects on network errors and when the socket stays idle for `idleTimeoutMs` (a slow upload still goes on). */
export function sendHttp(request: HttpRequest, idleTimeoutMs: number): Promise<HttpResponse> {
  const transport = request.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        method: request.method,
        hostname: request.hostname,
        port: request.port,
        path: request.path,
        headers: request.headers,
        timeout: idleTimeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error(`no answer within ${idleTimeoutMs} ms`), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
    req.end(request.body);
  });
}
