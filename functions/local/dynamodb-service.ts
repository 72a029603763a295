// The DynamoDB the local stack uses: dynalite in-process (on a worker thread), keeping the table in LevelDB under
// CLAIMTRACK_HOME/dynamodb; or an external endpoint (DynamoDB Local, LocalStack, AWS). The claims table is
// created from the one table design when it does not exist yet.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { createTableInput } from "../store/table-design.ts";
import type { ServiceChoice } from "./config.ts";

export interface RunningDynamoDb {
  /** Endpoint URL; null for AWS itself. */
  endpoint: string | null;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function startDynamoDb(options: {
  choice: ServiceChoice;
  port: number;
  directory: string;
  /** The stand-in's access log (JSON lines). */
  accessLogPath: string;
  tableName: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}): Promise<RunningDynamoDb> {
  let worker: Worker | null = null;
  let endpoint: string | null = options.choice.kind === "url" ? options.choice.url : null;
  if (options.choice.kind === "local") {
    worker = new Worker(new URL("./dynalite-worker.ts", import.meta.url), {
      workerData: { port: options.port, path: options.directory, accessLogPath: options.accessLogPath },
    });
    const [started] = (await once(worker, "message")) as [{ port?: number; error?: string }];
    if (started.error) {
      await worker.terminate();
      throw new Error(`the local DynamoDB (dynalite) could not start: ${started.error}`);
    }
    endpoint = `http://127.0.0.1:${started.port}`;
  }
  const stopWorker = async () => {
    if (!worker) return;
    const stopped = once(worker, "exit");
    worker.postMessage("stop");
    await stopped;
  };
  const client = new DynamoDBClient({
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  try {
    await ensureTable(client, options.tableName);
  } catch (err) {
    client.destroy();
    await stopWorker();
    throw err;
  }
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      await stopWorker();
    },
  };
}

async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if ((err as { name?: string }).name !== "ResourceNotFoundException") throw err;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (err) {
    if ((err as { name?: string }).name !== "ResourceInUseException") throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1 }, { TableName: tableName });
}
