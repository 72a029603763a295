// The S3 the local stack uses: the project's own S3 server (local/s3/) in-process, keeping objects under
// CLAIMTRACK_HOME/s3 and emitting an event per change; or an external endpoint (MinIO, LocalStack, AWS), which emits nothing the stack can hear, so its
// changes are found by listing the bucket. Either way the bucket exists when this returns.
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { openAccessLog } from "./access-log.ts";
import type { ServiceChoice } from "./config.ts";
import { startLocalS3Server } from "./s3/server.ts";
import type { ObjectChange } from "./s3-notifications.ts";

/** The local S3's single account; the AWS CLI, the SDK and the handlers sign every request with it. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

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
  const accessLog = openAccessLog(options.accessLogPath);
  const server = await startLocalS3Server({
    directory: options.directory,
    port: options.port,
    credentials: [LOCAL_S3_CREDENTIALS],
    buckets: [options.bucket],
    onRequest: (req, res) => accessLog.record(req, res),
  }).catch(async (err: NodeJS.ErrnoException) => {
    await accessLog.close();
    throw err.code === "EADDRINUSE"
      ? new Error(`port ${options.port} is in use: set CLAIMTRACK_S3_PORT to another port`)
      : err;
  });
  const client = s3Client(server.endpoint, options.region, true, LOCAL_S3_CREDENTIALS);
  return {
    endpoint: server.endpoint,
    client,
    onChange(listener) {
      // The server reports a change in the tick that made it, before the uploader gets its answer: a change is
      // queued (and journaled) before anyone is told the upload succeeded.
      server.store.onChange(listener);
      return true;
    },
    async stop() {
      client.destroy();
      await server.close();
      await accessLog.close();
    },
  };
}

/**
 * A client the way S3 emulators need it: path-style URLs, and checksums only where required (emulators such as
 * MinIO and LocalStack differ in the flexible checksums they accept).
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
