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
import { createTableInput } from "../functions/store/table-design.ts";
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
  /** A failure of the stand-in after it started. */
  onError: (err: Error) => void;
}): Promise<RunningDynamoDb> {
  let worker: Worker | null = null;
  let exited: Promise<unknown> = Promise.resolve();
  /** Settles (rejecting) only if the thread dies: raced against the first requests. */
  let died: Promise<never> = new Promise(() => {});
  let endpoint: string | null = options.choice.kind === "url" ? options.choice.url : null;
  if (options.choice.kind === "local") {
    const thread = new Worker(new URL("./dynalite-worker.ts", import.meta.url), {
      workerData: { port: options.port, path: options.directory, accessLogPath: options.accessLogPath },
    });
    worker = thread;
    exited = new Promise((resolve) => thread.once("exit", resolve));
    died = new Promise<never>((_, reject) => {
      thread.once("error", reject);
    });
    died.catch(() => {});
    // once() also rejects when the thread fails first (a LevelDB folder another program holds, for one).
    const [started] = (await once(thread, "message").catch(async (err: Error) => {
      await thread.terminate();
      throw new Error(`the local DynamoDB (data in ${options.directory}) could not start: ${err.message}`);
    })) as [{ port?: number; error?: string }];
    if (started.error) {
      await thread.terminate();
      throw new Error(`the local DynamoDB (data in ${options.directory}) could not start: ${started.error}`);
    }
    endpoint = `http://127.0.0.1:${started.port}`;
  }
  const stopWorker = async () => {
    worker?.postMessage("stop");
    await exited;
  };
  const client = new DynamoDBClient({
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  try {
    await Promise.race([ensureTable(client, options.tableName), died]);
  } catch (err) {
    client.destroy();
    await stopWorker();
    if (!worker) throw err;
    throw new Error(
      `the local DynamoDB (data in ${options.directory}) failed: ${(err as Error).message}; is another program using that folder?`,
    );
  }
  worker?.on("error", options.onError);
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
