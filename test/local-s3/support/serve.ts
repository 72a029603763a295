// The local S3 in a process of its own, for tests that kill it: serves DIRECTORY (argv[2]) on a free port with
// the local key pair and a "crash-test" bucket, prints its endpoint as one line, and runs until killed.
import { startLocalS3Server } from "../../../local/s3/server.ts";
import { LOCAL_S3_CREDENTIALS } from "../../../local/s3-service.ts";

const server = await startLocalS3Server({
  directory: process.argv[2]!,
  port: Number(process.argv[3] ?? 0),
  credentials: [LOCAL_S3_CREDENTIALS],
  buckets: ["crash-test"],
});
process.stdout.write(`${server.endpoint}\n`);
