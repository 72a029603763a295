// An in-process S3 (s3rver) on a free port, with buckets created up front, in a fresh temporary directory.
// The client is configured the way s3rver needs: path-style URLs, and checksums only when required (otherwise
// streamed bodies are stored with their chunk framing).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export interface RunningS3rver {
  client: S3Client;
  endpoint: string;
  /** The emulator itself: it emits `event` with S3 notification records. */
  server: S3rver;
  /** A further client on the same endpoint (e.g. one carrying a test middleware). */
  newClient(): S3Client;
  stop(): Promise<void>;
}

export async function startS3rver(options: { buckets?: string[] } = {}): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), "claimtrack-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? ["claimtrack-test"]).map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const newClient = () =>
    new S3Client({
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 1,
    });
  const client = newClient();
  return {
    client,
    endpoint,
    server,
    newClient,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
