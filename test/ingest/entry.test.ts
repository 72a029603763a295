// The Lambda entry (functions/handlers/ingest.ts) as AWS runs it: in its own process, configured only by its
// environment. A bad environment stops it at start-up naming the variables; a good one ingests an upload from an
// SQS event against the emulators (reached through the SDK's standard endpoint variables).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { BUCKET, lambdaContext, seed, sqsEvent, sqsMessage, startPipeline, useEmulators } from "./harness.ts";

const run = promisify(execFile);
const NODE = resolve("node_modules/.bin/node");
const ENTRY = resolve("functions/handlers/ingest.ts");

async function invoke(env: Record<string, string>, event: object) {
  const script = join(tmpdir(), `claimtrack-ingest-entry-${process.pid}.mjs`);
  const { getRemainingTimeInMillis: _, ...context } = lambdaContext();
  await writeFile(
    script,
    `const { handler } = await import(${JSON.stringify(ENTRY)});
     const context = { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 60000 };
     const res = await handler(${JSON.stringify(event)}, context);
     process.stderr.write("RESULT " + JSON.stringify(res));`,
  );
  const base = { PATH: process.env.PATH ?? "", HOME: tmpdir(), AWS_EC2_METADATA_DISABLED: "true" };
  return run(NODE, [script], { env: { ...base, ...env }, timeout: 60_000 });
}

const emulators = useEmulators();

describe("the ingest Lambda entry", () => {
  it("fails at start-up with one line naming each bad variable", async () => {
    const failure = await invoke({ MAX_ARTICLE_BYTES: "-1", POWERTOOLS_LOG_LEVEL: "loud" }, sqsEvent()).then(
      () => null,
      (err: { stderr: string; code: number }) => err,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(
      /EnvError: invalid environment: TABLE_NAME: .*; BUCKET_NAME: .*; MAX_ARTICLE_BYTES: .*; POWERTOOLS_LOG_LEVEL: /,
    );
  });

  it("ingests an upload, logging JSON and EMF to stdout", async () => {
    // The pipeline harness only prepares the table and the object; the entry builds its own handler.
    const p = await startPipeline(emulators());
    const bytes = seed("dev-04.json");
    const notice = await p.upload("incoming/entry/story.json", bytes);
    const { stdout, stderr } = await invoke(
      {
        TABLE_NAME: p.tableName,
        BUCKET_NAME: BUCKET,
        POWERTOOLS_SERVICE_NAME: "claimtrack-ingest",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        AWS_ENDPOINT_URL_DYNAMODB: emulators().db.endpoint,
        AWS_ENDPOINT_URL_S3: emulators().s3.endpoint,
      },
      sqsEvent(sqsMessage(notice)),
    );
    expect(stderr).toContain(`RESULT ${JSON.stringify({ batchItemFailures: [] })}`);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ message: "article processed", level: "INFO" }));
    expect(lines).toContainEqual(expect.objectContaining({ ArticlesProcessed: 1 }));

    const store = createDynamoClaimStore({ client: emulators().db.client, tableName: p.tableName });
    expect((await store.getArticle(articleIdFor(contentHashOf(bytes))))?.status).toBe("PROCESSED");
  });
});
