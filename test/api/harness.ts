// The API handler wired to dynalite and the local S3, invoked with API Gateway REST events; every DynamoDB call is
// recorded so tests can check what each route costs, and every S3 request passes a gate that checks its
// signature as S3 does and records it.
import type { Context } from "aws-lambda";
import { createApiHandler } from "../../functions/api/create-api-handler.ts";
import type { S3Connection } from "../../functions/api/s3/s3-object-storage.ts";
import { createAthenaClaimSearch } from "../../functions/search/athena-claim-search.ts";
import type { ClaimSearch } from "../../functions/search/claim-search.ts";
import type { Log } from "../../functions/shared/logger.ts";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { type RunningAthena, startAthena } from "../../local/athena-service.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";
import { restEvent } from "../support/rest-event.ts";
import { countCalls } from "../support/sdk-spy.ts";
import { type GateRecord, startSigV4Gate } from "./sigv4-gate.ts";

export const BUCKET = "claimtrack-api-test";

/** How the API's S3 adapter reaches the local S3: path-style under its endpoint, signed with its key pair. */
export function localS3Connection(endpoint: string): S3Connection {
  return { endpoint, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } };
}

export interface ApiResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against their schemas by the tests
  json: any;
}

export interface CallOptions {
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RunningApi {
  call(method: string, path: string, options?: CallOptions): Promise<ApiResult>;
  /** The store on the same table, to set up articles as the ingest pipeline would. */
  store: ClaimStore;
  db: RunningDynalite;
  s3: RunningLocalS3;
  /** DynamoDB commands the handler sent since the last reset. */
  dynamoCalls: { calls: string[]; reset(): void };
  /** Every S3 request the handler sent, with the signature check's verdict. */
  s3Requests: GateRecord[];
  logs: { level: string; message: string; extra: Record<string, unknown>[] }[];
  stop(): Promise<void>;
}

export async function startApi(
  options: {
    maxArticleBytes?: number;
    corsAllowOrigin?: string;
    /** A search over the API's own local S3 (its claims export). */
    search?: (s3: RunningLocalS3) => Promise<ClaimSearch>;
  } = {},
): Promise<RunningApi> {
  const [db, s3] = await Promise.all([startDynalite(), startLocalS3({ buckets: [BUCKET] })]);
  const gate = await startSigV4Gate({ upstream: s3.endpoint, secrets: { S3RVER: "S3RVER" } });
  const dynamo = db.newClient();
  const dynamoCalls = countCalls(dynamo);
  const logs: RunningApi["logs"] = [];
  const record =
    (level: string) =>
    (message: string, ...extra: Record<string, unknown>[]) =>
      logs.push({ level, message, extra });
  const logger: Log = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
  let ids = 0;
  const handler = createApiHandler({
    dynamo,
    s3: localS3Connection(gate.endpoint),
    tableName: db.tableName,
    bucket: BUCKET,
    ingestPrefix: "incoming/",
    maxArticleBytes: options.maxArticleBytes ?? 64 * 1024,
    corsAllowOrigin: options.corsAllowOrigin ?? "*",
    logger,
    newId: () => `upload-${++ids}`,
    ...(options.search ? { search: await options.search(s3) } : {}),
  });
  return {
    async call(method, path, callOptions = {}) {
      const event = restEvent({ method, path, headers: callOptions.headers, body: callOptions.body });
      const res = await handler(event, {} as Context);
      const text = res.body;
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, headers: lowerCaseKeys(res.headers), text, json };
    },
    store: createDynamoClaimStore({ client: db.client, tableName: db.tableName }),
    db,
    s3,
    dynamoCalls,
    s3Requests: gate.requests,
    logs,
    async stop() {
      dynamo.destroy();
      await gate.close();
      await Promise.all([db.stop(), s3.stop()]);
    },
  };
}

function lowerCaseKeys(headers: Record<string, unknown> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/**
 * A search through the Athena adapter against the local Athena stand-in over this local S3's claims export (for
 * `startApi({ search })`); `waitMs` is how long a request waits before answering a token.
 */
export function athenaSearch(mirrorDirectory: string, waitMs = 3000) {
  const started: RunningAthena[] = [];
  return {
    search: async (s3: RunningLocalS3): Promise<ClaimSearch> => {
      const athena = await startAthena({ s3: s3.client, bucket: BUCKET, mirrorDirectory });
      started.push(athena);
      return createAthenaClaimSearch({
        region: "us-east-1",
        endpoint: athena.endpoint,
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        workGroup: "claimtrack-local",
        database: "claimtrack_local",
        waitMs,
        pollMs: 20,
      });
    },
    stop: () => Promise.all(started.map((a) => a.stop())),
  };
}
