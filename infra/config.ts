// The deploy-time switches (`cdk deploy -c stage=dev -c apiKeys=true ...`), read once from the CDK context
// and validated with zod so a typo fails the synth with one clear line instead of deploying something else.
// Defaults are the safe production ones: a stage that is not explicitly a development stage keeps its data.
import { z } from "zod";

/** `dev` and `dev-<name>` stages may be torn down with their data; every other stage retains it. */
const DEVELOPMENT_STAGE = /^dev(-[a-z0-9-]+)?$/;

// CDK passes `-c key=value` values as strings; cdk.json and tests pass real booleans and numbers.
const flag = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .transform((v) => v === true || v === "true")
  .default(false);
const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Default of the `apiReservedConcurrency` switch. */
export const API_RESERVED_CONCURRENCY = 20;

/** The retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const ContextSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, "stage must be lower-case letters, digits and dashes, at most 20 characters")
    .default("prod"),
  /** API keys with a usage plan instead of IAM (SigV4) authorization. */
  apiKeys: flag,
  /** The web app: web/ from S3 behind CloudFront, people signing in with Cognito, an API that takes their tokens. */
  webApp: flag,
  /**
   * The browser origin allowed by CORS, e.g. `https://factcheck.example.org`. No default: a deployment names the
   * origin its browsers call from, and allowing any origin (`*`) is a choice made explicitly.
   */
  corsAllowOrigin: z
    .string()
    .regex(/^(\*|https?:\/\/[^\s/]+)$/, "corsAllowOrigin must be * or an origin like https://example.org")
    .optional(),
  /** Where alarm notifications go; without it the alarms still show in CloudWatch and publish to the topic. */
  alarmEmail: z.email().optional(),
  logRetentionDays: z.coerce
    .number()
    .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
      message: `logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(", ")}`,
    })
    .default(30),
  /** Steady-state requests per second and burst the API stage (and the usage plan) accepts. */
  throttleRateLimit: whole(1, 10_000, 50),
  throttleBurstLimit: whole(1, 5_000, 100),
  /** Upper bound on concurrent ingest invocations; protects the table and the account's concurrency. */
  ingestMaxConcurrency: whole(2, 1_000, 10),
  maxArticleBytes: whole(1, 50 * 1024 * 1024, 5 * 1024 * 1024),
  /**
   * Concurrent executions reserved for (and capping) the API function. At the default stage throttle (50 requests
   * a second) and a few hundred milliseconds per request, about 20 run at once; the cap keeps a flood of requests
   * from taking the account's concurrency from the ingest function, and the ingest function's from it.
   */
  apiReservedConcurrency: whole(1, 1_000, API_RESERVED_CONCURRENCY),
});

export interface DeployConfig {
  stage: string;
  /** Development stages destroy their data with the stack; everything else is retained and protected. */
  isDevelopment: boolean;
  apiKeys: boolean;
  webApp: boolean;
  /**
   * The origin browsers call the API and upload from; undefined only with `webApp`, where the app's own origin is
   * the API's and the bucket takes no browser uploads.
   */
  corsAllowOrigin: string | undefined;
  alarmEmail: string | undefined;
  logRetentionDays: number;
  throttleRateLimit: number;
  throttleBurstLimit: number;
  ingestMaxConcurrency: number;
  maxArticleBytes: number;
  apiReservedConcurrency: number;
  /** Key prefix whose uploads start the ingest pipeline. */
  ingestPrefix: string;
}

/** The context keys this app reads, for error messages and the README. */
export const CONTEXT_KEYS = Object.keys(ContextSchema.shape);

export const INGEST_PREFIX = "incoming/";

/** Reads the app's context (a `(key) => value` lookup such as `app.node.tryGetContext`) into a DeployConfig. */
export function readDeployConfig(lookup: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, lookup(key)]).filter(([, v]) => v !== undefined));
  const parsed = ContextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "context"}: ${i.message}`);
    throw new Error(`invalid CDK context: ${problems.join("; ")}`);
  }
  const c = parsed.data;
  if (c.throttleBurstLimit < c.throttleRateLimit) {
    throw new Error("invalid CDK context: throttleBurstLimit must be at least throttleRateLimit");
  }
  if (c.corsAllowOrigin === undefined && !c.webApp) {
    throw new Error(
      "invalid CDK context: corsAllowOrigin is required: pass -c corsAllowOrigin=https://app.example.org (the origin browsers call the API from), or -c corsAllowOrigin='*' to allow any origin",
    );
  }
  return {
    stage: c.stage,
    isDevelopment: DEVELOPMENT_STAGE.test(c.stage),
    apiKeys: c.apiKeys,
    webApp: c.webApp,
    corsAllowOrigin: c.corsAllowOrigin,
    alarmEmail: c.alarmEmail,
    logRetentionDays: c.logRetentionDays,
    throttleRateLimit: c.throttleRateLimit,
    throttleBurstLimit: c.throttleBurstLimit,
    ingestMaxConcurrency: c.ingestMaxConcurrency,
    maxArticleBytes: c.maxArticleBytes,
    apiReservedConcurrency: c.apiReservedConcurrency,
    ingestPrefix: INGEST_PREFIX,
  };
}
