// Measures the ingest pipeline as deployed: synthesizes the CDK app, runs the staged ingest bundle (in a
// Node.js 24 child process, warm) over every seed article against dynalite and the local S3 behind recording
// proxies, and totals what AWS would bill: handler time, S3 and DynamoDB requests and units, bytes stored.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../infra/claimtrack-app.ts";
import { PROJECT_ROOT } from "../../infra/constructs/bundling.ts";
import { INGEST_BATCH_SIZE } from "../../infra/ingest-tuning.ts";
import type { S3NotificationRecord } from "../../local/s3-notifications.ts";
import { assetDir, functionConfig } from "../bundle/assets.ts";
import { sqsEvent, startLocalAws } from "../bundle/local-aws.ts";
import { runBundle } from "../bundle/run-bundle.ts";
import { type DynamoItem, storedBytes, unitsOf } from "./dynamo-units.ts";
import { type ExportMeasurement, measureExport } from "./export-cost.ts";
import type { Measurement } from "./model.ts";

export interface MeasureOptions {
  /** Rounds over the seeds; each round is one SQS batch of all seeds, with fresh content. */
  rounds: number;
}

export interface MeasureReport {
  measurement: Measurement;
  seeds: number;
  /** Warm handler time per article on this machine, before any Lambda adjustment. */
  localMsPerArticle: number;
  /** Import time of the bundle (part of a cold start). */
  loadedMs: number;
  bundleBytes: number;
  /** The claims export's requests and bytes. */
  export: ExportMeasurement;
}

/** The share of a core a 1,024 MB Lambda function gets (CPU scales with memory; 1,769 MB is one vCPU). */
export const LAMBDA_CPU_SHARE_AT_1GB = 1024 / 1769;

export async function measureIngest(options: MeasureOptions): Promise<MeasureReport> {
  const outdir = mkdtempSync(join(tmpdir(), "claimtrack-cost-"));
  const aws = await startLocalAws();
  try {
    // Only the ingest bundle and its settings are measured; the API's CORS origin plays no part.
    const { app, service } = buildApp({ outdir, context: { corsAllowOrigin: "*" } });
    const assembly = app.synth();
    const template = assembly.getStackByName(service.stackName).template as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
    };
    const dir = assetDir(outdir, service.stackName, template.Resources, "IngestFunction");
    const { memoryMb, environment: env } = functionConfig(template.Resources, "IngestFunction");

    const seedDir = join(PROJECT_ROOT, "seeds");
    const seeds = readdirSync(seedDir).sort();
    // Each round re-uploads every seed with r trailing newlines: new bytes (so a new article, fully processed)
    // for the same extraction work. Round 0 warms the execution environment and is not timed.
    const batches: S3NotificationRecord[][] = [];
    let uploadedBytes = 0;
    for (let r = 0; r <= options.rounds; r++) {
      const batch: S3NotificationRecord[] = [];
      for (const seed of seeds) {
        const bytes = Buffer.concat([readFileSync(join(seedDir, seed)), Buffer.from("\n".repeat(r))]);
        uploadedBytes += bytes.length;
        batch.push(await aws.upload(`incoming/round-${r}/${seed}`, bytes));
      }
      batches.push(batch);
    }
    const run = await runBundle(dir, batches.map(sqsEvent), {
      ...env,
      TABLE_NAME: aws.tableName,
      BUCKET_NAME: aws.bucket,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
      ...aws.sdkEnv,
    });
    for (const [i, invocation] of run.invocations.entries()) {
      const failures = (invocation.result as { batchItemFailures?: unknown[] }).batchItemFailures ?? [];
      if (failures.length) throw new Error(`round ${i}: ${failures.length} articles failed\n${run.output}`);
    }

    const articles = seeds.length * (options.rounds + 1);
    const timed = run.invocations.slice(1);
    const localMsPerArticle = timed.reduce((n, i) => n + i.durationMs, 0) / (seeds.length * options.rounds);
    const items = (await aws.dynamo.dumpTable()) as Record<string, unknown>[];
    const rawItems = items.map(toDynamoJson);
    const units = unitsOf(aws.dynamoRequests, rawItems);
    const s3Gets = aws.s3Requests.filter((r) => r.method === "GET" || r.method === "HEAD").length;
    const msPerArticle = localMsPerArticle / Math.min(1, LAMBDA_CPU_SHARE_AT_1GB * (memoryMb / 1024));
    const measurement: Measurement = {
      articles,
      // Full batches on AWS: one invocation per INGEST_BATCH_SIZE articles.
      invocations: articles / INGEST_BATCH_SIZE,
      handlerMs: msPerArticle * articles,
      memoryMb,
      s3: { puts: articles, gets: s3Gets },
      dynamodb: { ...units, items: items.length },
      // S3's SendMessage per object, then one ReceiveMessage and one DeleteMessageBatch per full batch.
      sqs: { requests: articles + (2 * articles) / INGEST_BATCH_SIZE },
      storedBytes: { s3: uploadedBytes, dynamodb: storedBytes(rawItems) },
    };
    const bundleBytes = readFileSync(join(dir, "index.mjs")).length;
    return {
      measurement,
      seeds: seeds.length,
      localMsPerArticle,
      loadedMs: run.loadedMs,
      bundleBytes,
      export: measureExport(aws.s3Requests, articles),
    };
  } finally {
    await aws.stop();
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** dumpTable returns plain objects; sizes are computed on DynamoDB JSON. */
function toDynamoJson(item: Record<string, unknown>): DynamoItem {
  const toValue = (v: unknown): Record<string, unknown> => {
    if (v === null || v === undefined) return { NULL: true };
    if (typeof v === "string") return { S: v };
    if (typeof v === "number") return { N: String(v) };
    if (typeof v === "boolean") return { BOOL: v };
    if (v instanceof Uint8Array) return { B: Buffer.from(v).toString("base64") };
    if (v instanceof Set) return { SS: [...v].map(String) };
    if (Array.isArray(v)) return { L: v.map(toValue) };
    return { M: Object.fromEntries(Object.entries(v as object).map(([k, e]) => [k, toValue(e)])) };
  };
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toValue(v)]));
}
