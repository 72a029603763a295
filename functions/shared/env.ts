// Environment variables, read once per cold start and validated with zod: a missing or malformed variable stops
// the function at start-up with one line naming it, instead of failing some requests later. The names are shared
// with the CDK app and the local stack.
import * as z from "zod";
import { DERIVED_PREFIXES } from "./derived-prefixes.ts";

export const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "SILENT", "CRITICAL"] as const;

/** What every function that touches the store and the bucket needs. */
export const CommonEnv = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(3).max(63),
  /** Objects under this prefix are articles to ingest; it ends with "/" and does not start with one. */
  INGEST_PREFIX: z
    .string()
    .regex(/^[^/].*\/$/, "must end with / and not start with /")
    // What the system writes itself (texts, the export) would be ingested as articles in turn.
    .superRefine((p, ctx) => {
      for (const derived of DERIVED_PREFIXES) {
        if (p.startsWith(derived) || derived.startsWith(p)) {
          ctx.addIssue({ code: "custom", message: `must not overlap ${derived}` });
        }
      }
    })
    .default("incoming/"),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(5_242_880),
  POWERTOOLS_SERVICE_NAME: z.string().min(1).default("claimtrack"),
  POWERTOOLS_LOG_LEVEL: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(LOG_LEVELS))
    .default("INFO"),
});
export type CommonEnv = z.infer<typeof CommonEnv>;

export const ApiEnv = CommonEnv.extend({
  CORS_ALLOW_ORIGIN: z.string().min(1).default("*"),
  /** Set by Lambda; the API signs its S3 requests for this region and addresses the bucket in it. */
  AWS_REGION: z.string().regex(/^[a-z0-9-]+$/, "must be a region name such as eu-west-1"),
  /** The Athena workgroup and Glue database `GET /claims/search` queries; without them the route answers 503. */
  ATHENA_WORKGROUP: z.string().min(1).max(128).optional(),
  ATHENA_DATABASE: z.string().min(1).max(255).optional(),
  /** Athena's endpoint, for the local stand-in (the SDK's variable name); the regional endpoint when unset. */
  AWS_ENDPOINT_URL_ATHENA: z.url().optional(),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

export const IngestEnv = CommonEnv.extend({
  /** CloudWatch namespace of the EMF metrics (Powertools reads the same variable). */
  POWERTOOLS_METRICS_NAMESPACE: z.string().min(1).max(255).default("Claimtrack"),
  /**
   * How long one article's extraction may run before its thread is stopped and the article is FAILED with
   * TIMEOUT. A third of the 60 s function timeout: one stalled article leaves its batch-mates time to finish.
   */
  EXTRACTION_DEADLINE_MS: z.coerce.number().int().min(100).max(900_000).default(20_000),
});
export type IngestEnv = z.infer<typeof IngestEnv>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses the environment with `schema`; throws EnvError naming every bad variable. Empty strings count as unset. */
export function loadEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data as z.output<T>;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new EnvError(`invalid environment: ${problems.join("; ")}`);
}
