// The local stack's settings, from the environment, read once and validated: a bad value stops `npm start` with
// one line naming it. The function settings (table, bucket, prefix, size limit, CORS) are the ones the
// deployed functions read, with local defaults.
import { isAbsolute, resolve } from "node:path";
import * as z from "zod";
import { ApiEnv, loadEnv } from "../functions/shared/env.ts";

/** Where a service comes from: the in-process stand-in, an endpoint URL, or AWS itself. */
export type ServiceChoice = { kind: "local" } | { kind: "url"; url: string } | { kind: "aws" };

const Service = z
  .string()
  .trim()
  .refine((v) => v === "local" || v === "aws" || URL.canParse(v), 'must be "local", "aws" or an http(s) URL')
  .transform((v): ServiceChoice => (v === "local" || v === "aws" ? { kind: v } : { kind: "url", url: v }))
  .default({ kind: "local" });

const Port = z.coerce.number().int().min(0).max(65_535);

export const LocalStackEnv = ApiEnv.extend({
  /** The API's port; 0 takes a free one. */
  PORT: Port.default(3000),
  CLAIMTRACK_HOME: z.string().min(1).default(".claimtrack"),
  CLAIMTRACK_S3: Service,
  CLAIMTRACK_S3_PORT: Port.default(0),
  CLAIMTRACK_DYNAMODB: Service,
  CLAIMTRACK_DYNAMODB_PORT: Port.default(0),
  /** The articles ingested on the first start; "none" skips them. */
  CLAIMTRACK_SEEDS: z.string().min(1).default("seeds"),
  /** "sources" runs the TypeScript handlers; a `cdk synth` output directory runs the bundles it staged. */
  CLAIMTRACK_HANDLERS: z.string().min(1).default("sources"),
  /**
   * How long a delivered message stays invisible before it is retried: longer than the function's 60 s
   * timeout, as Lambda requires, so a delivery never overlaps its own retry. A shorter one shortens the timeout.
   */
  CLAIMTRACK_VISIBILITY_TIMEOUT_SECONDS: z.coerce.number().positive().default(65),
  /** How often an external bucket (no events) is listed for changes. */
  CLAIMTRACK_POLL_SECONDS: z.coerce.number().positive().default(2),
  AWS_REGION: z.string().min(1).default("us-east-1"),
  TABLE_NAME: z.string().min(1).default("claimtrack"),
  BUCKET_NAME: z.string().min(3).max(63).default("claimtrack-articles"),
  /** Quiet by default: the terminal shows the stack's own lines; set INFO to see every request. */
  POWERTOOLS_LOG_LEVEL: ApiEnv.shape.POWERTOOLS_LOG_LEVEL.unwrap().default("WARN"),
});
export type LocalStackEnv = z.infer<typeof LocalStackEnv>;

export interface LocalStackConfig {
  env: LocalStackEnv;
  /** Absolute. */
  home: string;
  /** Absolute; null when seeding is off. */
  seeds: string | null;
  /** Absolute cloud assembly directory; null for the TypeScript sources. */
  assembly: string | null;
}

export function loadLocalStackConfig(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): LocalStackConfig {
  const env = loadEnv(LocalStackEnv, source);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  if (env.CLAIMTRACK_S3.kind === "local" && env.CLAIMTRACK_DYNAMODB.kind === "aws") {
    throw new Error(
      "CLAIMTRACK_S3=local with CLAIMTRACK_DYNAMODB=aws is not supported: the local S3 and AWS need different credentials",
    );
  }
  return {
    env,
    home: abs(env.CLAIMTRACK_HOME),
    seeds: env.CLAIMTRACK_SEEDS === "none" ? null : abs(env.CLAIMTRACK_SEEDS),
    assembly: env.CLAIMTRACK_HANDLERS === "sources" ? null : abs(env.CLAIMTRACK_HANDLERS),
  };
}
