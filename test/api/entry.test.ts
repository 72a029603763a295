// The Lambda entry (functions/handlers/api.ts) as AWS runs it: in its own process, configured only by its
// environment. A bad environment stops it at start-up naming the variables; a good one serves requests against
// the emulators (reached through the SDK's standard endpoint variables).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";

const run = promisify(execFile);
const NODE = resolve("node_modules/.bin/node");
const ENTRY = resolve("functions/handlers/api.ts");

async function invoke(env: Record<string, string>, event: object) {
  const script = join(tmpdir(), `claimtrack-entry-${process.pid}.mjs`);
  await writeFile(
    script,
    `const { handler } = await import(${JSON.stringify(ENTRY)});
     const res = await handler(${JSON.stringify(event)}, {});
     process.stdout.write(JSON.stringify(res));`,
  );
  const base = { PATH: process.env.PATH ?? "", HOME: tmpdir(), AWS_EC2_METADATA_DISABLED: "true" };
  return run(NODE, [script], { env: { ...base, ...env }, timeout: 30_000 });
}

const event = {
  httpMethod: "GET",
  path: "/speakers",
  headers: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  requestContext: { path: "/prod/speakers" },
  body: null,
  isBase64Encoded: false,
};

describe("the API Lambda entry", () => {
  let db: RunningDynalite;
  let s3: RunningLocalS3;
  beforeAll(async () => {
    [db, s3] = await Promise.all([startDynalite(), startLocalS3({ buckets: ["entry-bucket"] })]);
  });
  afterAll(async () => {
    await Promise.all([db.stop(), s3.stop()]);
  });

  it("fails at start-up with one line naming each bad variable", async () => {
    const failure = await invoke({ MAX_ARTICLE_BYTES: "lots", INGEST_PREFIX: "/abs" }, event).then(
      () => null,
      (err: { stderr: string; code: number }) => err,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(
      /EnvError: invalid environment: TABLE_NAME: .*; BUCKET_NAME: .*; INGEST_PREFIX: must end with \/ and not start with \/; MAX_ARTICLE_BYTES: /,
    );
  });

  it("serves requests with clients configured from the environment", async () => {
    const { stdout } = await invoke(
      {
        TABLE_NAME: db.tableName,
        BUCKET_NAME: "entry-bucket",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        POWERTOOLS_LOG_LEVEL: "silent",
      },
      event,
    );
    const res = JSON.parse(stdout);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ items: [], nextCursor: null });
    expect(res.headers["Access-Control-Allow-Origin"]).toBe("*");
  });
});
