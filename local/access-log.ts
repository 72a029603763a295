// Access logs of the local S3 and API, one JSON line per request, like the deployed bucket's server access log
// and the API stage's access log: what was asked, the answer's status and size, how long it took. They show
// what each component really did (e.g. that an oversized upload was never downloaded).
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname } from "node:path";

export interface AccessLog {
  /** Starts timing a request; its line is written when the response is finished. */
  record(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export interface AccessLogLine {
  time: string;
  method: string;
  path: string;
  /** DynamoDB's operation (from X-Amz-Target), e.g. "BatchWriteItem"; absent for S3 and the API. */
  operation?: string;
  status: number;
  /** Bytes of the response body, from its Content-Length (0 for HEAD and unknown lengths). */
  bytes: number;
  ms: number;
}

export function openAccessLog(path: string): AccessLog {
  mkdirSync(dirname(path), { recursive: true });
  const stream: WriteStream = createWriteStream(path, { flags: "a" });
  return {
    record(req, res) {
      const started = performance.now();
      res.once("finish", () => {
        const length = Number(res.getHeader("content-length") ?? 0);
        const target = req.headers["x-amz-target"];
        const line: AccessLogLine = {
          time: new Date().toISOString(),
          method: req.method ?? "GET",
          path: req.url ?? "/",
          ...(typeof target === "string" ? { operation: target.split(".").pop()! } : {}),
          status: res.statusCode,
          bytes: req.method === "HEAD" || !Number.isFinite(length) ? 0 : length,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        stream.write(`${JSON.stringify(line)}\n`);
      });
    },
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
