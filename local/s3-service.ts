// The S3 the local stack uses: s3rver in-process, keeping objects under CLAIMTRACK_HOME/s3 and emitting an event
// per change; or an external endpoint (MinIO, LocalStack, AWS), which emits nothing the stack can hear, so its
// changes are found by listing the bucket. Either way the bucket exists when this returns.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { openAccessLog } from "./access-log.ts";
import type { ServiceChoice } from "./config.ts";
import { changesFromS3rverEvent, type ObjectChange } from "./s3-notifications.ts";

/** The parts of s3rver (a Koa application) that its type declarations leave out. */
interface S3rverApp {
  configureBuckets(): Promise<void>;
  callback(): RequestListener;
}

/** s3rver's single account; AWS CLI and SDK users sign with it. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3 {
  /** Endpoint URL; null for AWS itself. */
  endpoint: string | null;
  client: S3Client;
  /** Subscribes to changes as they happen; false when this S3 sends none (then the bucket must be listed). */
  onChange(listener: (change: ObjectChange) => void): boolean;
  stop(): Promise<void>;
}

export async function startS3(options: {
  choice: ServiceChoice;
  port: number;
  directory: string;
  /** The stand-in's access log (JSON lines). */
  accessLogPath: string;
  bucket: string;
  region: string;
  /** For an external endpoint; the SDK's chain when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}): Promise<RunningS3> {
  if (options.choice.kind !== "local") {
    const endpoint = options.choice.kind === "url" ? options.choice.url : null;
    const client = s3Client(endpoint, options.region, endpoint !== null, options.credentials);
    await ensureBucket(client, options.bucket, options.region);
    return { endpoint, client, onChange: () => false, stop: async () => client.destroy() };
  }
  const server = new S3rver({
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: options.bucket }],
  });
  // s3rver is a Koa app: run() would configure the buckets and listen; listening here instead puts the access
  // log in front of the same request handler.
  const app = server as unknown as S3rverApp;
  await app.configureBuckets();
  const accessLog = openAccessLog(options.accessLogPath);
  const handle = app.callback();
  const http = createServer((req, res) => {
    accessLog.record(req, res);
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, "127.0.0.1", () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const client = s3Client(endpoint, options.region, true, S3RVER_CREDENTIALS);
  return {
    endpoint,
    client,
    onChange(listener) {
      // s3rver emits synchronously inside the request, before the uploader gets its answer: a change is
      // queued (and journaled) before anyone is told the upload succeeded.
      server.on("event", (event: { Records?: [] }) => {
        for (const change of changesFromS3rverEvent(event)) listener(change);
      });
      return true;
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await accessLog.close();
    },
  };
}

/**
 * A client the way S3 emulators need it: path-style URLs, and checksums only where required (s3rver stores
 * streamed uploads with their chunk framing otherwise).
 */
export function s3Client(
  endpoint: string | null,
  region: string,
  emulator: boolean,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): S3Client {
  return new S3Client({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    ...(emulator
      ? {
          forcePathStyle: true,
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
        }
      : {}),
  });
}

async function ensureBucket(client: S3Client, bucket: string, region: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw err;
  }
  await client.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
    }),
  );
}
