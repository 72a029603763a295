// The search port on Athena: StartQueryExecution in the workgroup, then GetQueryExecution until the query ends or
// the wait runs out (a few seconds: the API's caller is waiting), GetQueryResults for the ids. A query still
// running answers its execution id as the token to poll with. Plain signed HTTPS (Athena's JSON 1.1 protocol) —
// the SDK client would add a megabyte to the API bundle for three calls.
import { SignatureV4 } from "@smithy/signature-v4";
import { sendHttp } from "../api/s3/http-request.ts";
import type { AwsCredentials } from "../api/s3/s3-object-storage.ts";
import { Sha256 } from "../api/s3/sha256.ts";
import { type ClaimSearch, type SearchOutcome, SearchTokenError, SearchUnavailableError } from "./claim-search.ts";
import { searchSql } from "./search-sql.ts";

export interface AthenaSearchOptions {
  region: string;
  /** `AWS_ENDPOINT_URL_ATHENA` (the local stand-in); Athena's regional endpoint when absent. */
  endpoint?: string | undefined;
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  workGroup: string;
  database: string;
  /** How long one request waits for a query before answering a token; default 3 s. */
  waitMs?: number;
  pollMs?: number;
}

const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface QueryExecution {
  Status: { State: string; StateChangeReason?: string };
}
interface ResultSet {
  Rows: { Data: { VarCharValue?: string }[] }[];
}

export function createAthenaClaimSearch(options: AthenaSearchOptions): ClaimSearch {
  const { waitMs = 3000, pollMs = 250 } = options;
  const url = new URL(options.endpoint ?? `https://athena.${options.region}.amazonaws.com`);
  const signer = new SignatureV4({
    service: "athena",
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
  });

  async function call<T>(action: string, input: unknown): Promise<T> {
    const body = new TextEncoder().encode(JSON.stringify(input));
    const request = {
      method: "POST",
      protocol: url.protocol as "http:" | "https:",
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: "/",
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AmazonAthena.${action}`,
      },
      body,
    };
    const signed = await signer.sign({ ...request, query: {}, headers: { ...request.headers } });
    const res = await sendHttp({ ...request, headers: signed.headers }, 5000).catch((err: Error) => {
      throw new SearchUnavailableError(`Athena ${action}: ${err.message}`);
    });
    const text = res.body.toString("utf8");
    if (res.status >= 300) {
      const error = JSON.parse(text || "{}") as { __type?: string; message?: string; Message?: string };
      const type = error.__type?.split("#").pop() ?? `HTTP${res.status}`;
      throw Object.assign(new SearchUnavailableError(`Athena ${action}: ${type}: ${error.message ?? error.Message}`), {
        type,
      });
    }
    return JSON.parse(text) as T;
  }

  async function waitFor(id: string, budgetMs: number): Promise<SearchOutcome> {
    const deadline = Date.now() + budgetMs;
    for (;;) {
      const { QueryExecution: execution } = await call<{ QueryExecution: QueryExecution }>("GetQueryExecution", {
        QueryExecutionId: id,
      });
      const state = execution.Status.State;
      if (state === "SUCCEEDED") return { status: "done", claimIds: await claimIdsOf(id) };
      if (state === "FAILED" || state === "CANCELLED") {
        throw new SearchUnavailableError(`the search query ${state}: ${execution.Status.StateChangeReason ?? ""}`);
      }
      if (Date.now() + pollMs > deadline) return { status: "running", token: id };
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async function claimIdsOf(id: string): Promise<string[]> {
    const { ResultSet: results } = await call<{ ResultSet: ResultSet }>("GetQueryResults", {
      QueryExecutionId: id,
      MaxResults: 1000,
    });
    const values = results.Rows.map((row) => row.Data[0]?.VarCharValue ?? "");
    // The first row of a SELECT's results is its header.
    return values[0] === "claim_id" ? values.slice(1) : values;
  }

  return {
    async start(request) {
      const { QueryExecutionId: id } = await call<{ QueryExecutionId: string }>("StartQueryExecution", {
        QueryString: searchSql(request),
        WorkGroup: options.workGroup,
        QueryExecutionContext: { Database: options.database },
      });
      return waitFor(id, waitMs);
    },
    async poll(token) {
      if (!EXECUTION_ID.test(token)) throw new SearchTokenError(token);
      try {
        return await waitFor(token, Math.min(waitMs, 1000));
      } catch (err) {
        if ((err as { type?: string }).type === "InvalidRequestException") throw new SearchTokenError(token);
        throw err;
      }
    },
  };
}
