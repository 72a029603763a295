// The Athena the local stack uses: a stand-in speaking Athena's JSON protocol for the three calls the API's
// search makes (StartQueryExecution, GetQueryExecution, GetQueryResults), running each query with DuckDB over a
// fresh mirror of the bucket's export — the same `claims` and `facts` views `npm run query` defines, generated
// like the Glue tables. Queries run in the background, so a client sees QUEUED/RUNNING and then SUCCEEDED or FAILED,
// as from Athena. Signatures are not checked.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { S3Client } from "@aws-sdk/client-s3";
import { openClaimsDatabase } from "./analytics/claims-database.ts";
import { syncExportMirror } from "./analytics/export-mirror.ts";

interface Execution {
  state: "RUNNING" | "SUCCEEDED" | "FAILED";
  reason?: string;
  columns: string[];
  rows: unknown[][];
}

export interface RunningAthena {
  endpoint: string;
  /** Queries started so far (for tests). */
  readonly started: number;
  stop(): Promise<void>;
}

export async function startAthena(options: {
  s3: S3Client;
  bucket: string;
  /** Where the export's mirror is kept (CLAIMTRACK_HOME/export-mirror). */
  mirrorDirectory: string;
  port?: number;
}): Promise<RunningAthena> {
  const executions = new Map<string, Execution>();
  // One mirror sync at a time: concurrent ones would race on the same files.
  let mirrored: Promise<unknown> = Promise.resolve();
  let started = 0;

  const run = async (execution: Execution, sql: string) => {
    try {
      const sync = mirrored.then(() => syncExportMirror(options.s3, options.bucket, options.mirrorDirectory));
      mirrored = sync.catch(() => undefined);
      const { root, factsRoot } = await sync;
      const db = await openClaimsDatabase(root, factsRoot);
      try {
        const result = await db.query(sql);
        execution.columns = result.columns;
        execution.rows = result.rows.map((row) => result.columns.map((c) => row[c]));
        execution.state = "SUCCEEDED";
      } finally {
        db.close();
      }
    } catch (err) {
      execution.state = "FAILED";
      execution.reason = (err as Error).message;
    }
  };

  const actions: Record<string, (input: Record<string, unknown>) => unknown> = {
    StartQueryExecution(input) {
      const id = randomUUID();
      const execution: Execution = { state: "RUNNING", columns: [], rows: [] };
      executions.set(id, execution);
      started++;
      void run(execution, String(input.QueryString ?? ""));
      return { QueryExecutionId: id };
    },
    GetQueryExecution(input) {
      const id = String(input.QueryExecutionId);
      const execution = known(id);
      return {
        QueryExecution: {
          QueryExecutionId: id,
          Status: { State: execution.state, ...(execution.reason ? { StateChangeReason: execution.reason } : {}) },
        },
      };
    },
    GetQueryResults(input) {
      const execution = known(String(input.QueryExecutionId));
      if (execution.state !== "SUCCEEDED") throw new InvalidRequest(`query has not yet finished: ${execution.state}`);
      const cell = (v: unknown) =>
        v === null || v === undefined ? {} : { VarCharValue: typeof v === "string" ? v : JSON.stringify(v) };
      return {
        ResultSet: {
          Rows: [execution.columns, ...execution.rows].map((row) => ({ Data: row.map(cell) })),
          ResultSetMetadata: { ColumnInfo: execution.columns.map((Name) => ({ Name, Type: "varchar" })) },
        },
      };
    },
  };
  const known = (id: string) => {
    const execution = executions.get(id);
    if (!execution) throw new InvalidRequest(`QueryExecution ${id} was not found`);
    return execution;
  };

  const server = createServer(async (req, res) => {
    const action = String(req.headers["x-amz-target"] ?? "").replace(/^AmazonAthena\./, "");
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(body));
    };
    try {
      const handler = actions[action];
      if (!handler) return answer(400, { __type: "UnknownOperationException", message: `${action} is not served` });
      answer(200, handler(JSON.parse((await bodyOf(req)) || "{}") as Record<string, unknown>));
    } catch (err) {
      answer(400, {
        __type: err instanceof InvalidRequest ? "InvalidRequestException" : "InternalServerException",
        message: (err as Error).message,
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get started() {
      return started;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class InvalidRequest extends Error {}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
