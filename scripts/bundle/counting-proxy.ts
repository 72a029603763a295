// A recording HTTP proxy in front of a local AWS stand-in (dynalite, the local S3): every request the bundled
// handler sends is forwarded unchanged and logged with its operation and body, so a run can be measured in
// requests of each kind and bytes written, the units AWS bills in.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  /** DynamoDB's operation, from the X-Amz-Target header (e.g. "PutItem"); undefined for S3. */
  operation: string | undefined;
  body: Buffer;
  status: number;
  /** Bytes of the response body (what a read returned). */
  responseBytes: number;
}

export interface CountingProxy {
  endpoint: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          // Host included: it is signed, and the local S3 checks the signature.
          headers: req.headers,
        },
        (up) => {
          const target = req.headers["x-amz-target"];
          const recorded: RecordedRequest = {
            method: req.method ?? "GET",
            path: req.url ?? "/",
            operation: typeof target === "string" ? target.split(".").pop() : undefined,
            body,
            status: up.statusCode ?? 0,
            responseBytes: 0,
          };
          requests.push(recorded);
          up.on("data", (c: Buffer) => {
            recorded.responseBytes += c.length;
          });
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on("error", (err) => {
        res.writeHead(502).end(String(err));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
