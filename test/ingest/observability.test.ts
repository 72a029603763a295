// What operators see: Powertools Logger's structured JSON lines (article id, key, claim count, duration, the
// Lambda request) and Powertools Metrics' EMF documents (articles processed and failed, claims extracted), as
// the real libraries write them to stdout.
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { expect, it, vi } from "vitest";
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { extract } from "../../functions/extraction/extract.ts";
import { throttleKey } from "./faults.ts";
import { fixture, lambdaContext, seed, sqsEvent, sqsMessage, startPipeline, useEmulators } from "./harness.ts";

const emulators = useEmulators();

it("writes one JSON line per event and one EMF document per invocation", async () => {
  const logger = new Logger({ serviceName: "claimtrack-ingest", logLevel: "INFO" });
  const metrics = new Metrics({ namespace: "Claimtrack", serviceName: "claimtrack-ingest" });
  const p = await startPipeline(emulators(), { logger, metrics });
  const good = sqsMessage(await p.upload("incoming/observed/good.txt", seed("dev-06.txt")));
  const bad = sqsMessage(await p.upload("incoming/observed/empty.txt", ""));
  const stuck = sqsMessage(await p.upload("incoming/observed/stuck.txt", seed("dev-05.txt")));
  const test = sqsMessage(fixture("s3-test-event.json"));
  throttleKey(p.s3Client, "incoming/observed/stuck.txt");
  const context = lambdaContext();

  // INFO lines and EMF go to stdout, WARN and ERROR to stderr: Lambda sends both to CloudWatch Logs.
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const streams = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")];
  for (const stream of streams) stream.mockImplementation(capture);
  try {
    await p.handler(sqsEvent(good, bad, stuck, test), context);
  } finally {
    for (const stream of streams) stream.mockRestore();
  }
  const lines = written
    .join("")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  const claims = extract({ bytes: seed("dev-06.txt"), fileName: "good.txt" }).claims.length;
  const request = { service: "claimtrack-ingest", function_request_id: context.awsRequestId };
  expect(lines).toContainEqual(
    expect.objectContaining({
      ...request,
      level: "INFO",
      message: "article processed",
      articleId: articleIdFor(contentHashOf(seed("dev-06.txt"))),
      key: "incoming/observed/good.txt",
      claimCount: claims,
      durationMs: expect.any(Number),
      messageId: good.messageId,
    }),
  );
  expect(lines).toContainEqual(
    expect.objectContaining({
      ...request,
      level: "WARN",
      message: "article failed",
      code: "EMPTY",
      key: "incoming/observed/empty.txt",
      durationMs: expect.any(Number),
    }),
  );
  expect(lines).toContainEqual(
    expect.objectContaining({
      ...request,
      level: "ERROR",
      message: "the message will be retried",
      key: "incoming/observed/stuck.txt",
      receiveCount: 1,
      error: expect.objectContaining({ name: "SlowDown", message: "Please reduce your request rate." }),
    }),
  );
  expect(lines).toContainEqual(expect.objectContaining({ level: "INFO", message: "S3 test event acknowledged" }));

  const emf = lines.filter((l) => "_aws" in l);
  expect(emf).toHaveLength(1);
  expect(emf[0]).toMatchObject({
    _aws: {
      CloudWatchMetrics: [
        {
          Namespace: "Claimtrack",
          Dimensions: [["service"]],
          Metrics: expect.arrayContaining([
            { Name: "ArticlesProcessed", Unit: "Count" },
            { Name: "ArticlesFailed", Unit: "Count" },
            { Name: "ClaimsExtracted", Unit: "Count" },
            { Name: "MessagesRetried", Unit: "Count" },
          ]),
        },
      ],
    },
    service: "claimtrack-ingest",
    ArticlesProcessed: 1,
    ArticlesFailed: 1,
    ClaimsExtracted: claims,
    MessagesRetried: 1,
  });
});
