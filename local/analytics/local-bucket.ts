// The local stack's bucket for a script that reads it (npm run query): the running stack's S3 when there is one
// (CLAIMTRACK_HOME/endpoints.json, its process alive); otherwise, for the in-process stand-in, a private local S3 server
// over the same directory (CLAIMTRACK_HOME/s3), so the export can be queried with the stack stopped; or the
// external S3 the stack is configured with.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { LocalStackConfig } from "../config.ts";
import { endpointsPath, readEndpoints } from "../endpoints.ts";
import { LOCAL_S3_CREDENTIALS, s3Client, startS3 } from "../s3-service.ts";

export interface LocalBucket {
  s3: S3Client;
  bucket: string;
  close(): Promise<void>;
}

export async function openLocalBucket(config: LocalStackConfig): Promise<LocalBucket> {
  const { env, home } = config;
  const region = env.AWS_REGION;
  const choice = env.CLAIMTRACK_S3;
  const credentials =
    choice.kind === "local"
      ? LOCAL_S3_CREDENTIALS
      : choice.kind === "url" && !process.env.AWS_ACCESS_KEY_ID
        ? { accessKeyId: "local", secretAccessKey: "local" }
        : undefined;
  if (existsSync(endpointsPath(home))) {
    const running = readEndpoints(home);
    if (isAlive(running.pid)) {
      const endpoint = running.s3 === "aws" ? null : running.s3;
      const s3 = s3Client(endpoint, running.region, endpoint !== null, credentials);
      return { s3, bucket: running.bucket, close: async () => s3.destroy() };
    }
  }
  if (choice.kind === "local" && !existsSync(join(home, "s3"))) {
    throw new Error(`no local bucket under ${join(home, "s3")}: run npm start first (or pass --dir)`);
  }
  const started = await startS3({
    choice,
    port: 0,
    directory: join(home, "s3"),
    accessLogPath: join(home, "logs", "query-s3-access.log"),
    bucket: env.BUCKET_NAME,
    region,
    credentials,
  });
  return { s3: started.client, bucket: env.BUCKET_NAME, close: () => started.stop() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
