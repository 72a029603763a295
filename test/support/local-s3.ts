// The local S3 (local/s3/) in-process on a free port, with buckets created up front, in a fresh temporary
// directory. Clients sign with its key pair and use path-style URLs, as the local stack's clients do.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { startLocalS3Server } from "../../local/s3/server.ts";
import type { LocalS3Store } from "../../local/s3/store.ts";
import type { ObjectChange } from "../../local/s3-notifications.ts";
import { LOCAL_S3_CREDENTIALS } from "../../local/s3-service.ts";

export interface RunningLocalS3 {
  client: S3Client;
  endpoint: string;
  /** The data folder. */
  directory: string;
  store: LocalS3Store;
  /** Subscribes to every creation and removal; returns the unsubscribe function. */
  onChange(listener: (change: ObjectChange) => void): () => void;
  /** A further client on the same endpoint (e.g. one carrying a test middleware). */
  newClient(): S3Client;
  stop(): Promise<void>;
}

export async function startLocalS3(
  options: { buckets?: string[]; directory?: string; keep?: boolean } = {},
): Promise<RunningLocalS3> {
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), "claimtrack-s3-")));
  const server = await startLocalS3Server({
    directory,
    port: 0,
    credentials: [LOCAL_S3_CREDENTIALS],
    buckets: options.buckets ?? ["claimtrack-test"],
  });
  const newClient = () => localS3Client(server.endpoint);
  const client = newClient();
  return {
    client,
    endpoint: server.endpoint,
    directory,
    store: server.store,
    onChange: (listener) => server.store.onChange(listener),
    newClient,
    async stop() {
      client.destroy();
      await server.close();
      if (!options.keep) await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A client configured as the local stack's are: path-style, its key pair, checksums only where required. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
}
