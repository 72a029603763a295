// The DynamoDB the local stack uses: dynalite in-process, keeping the table in LevelDB under
// CLAIMTRACK_HOME/dynamodb; or an external endpoint (DynamoDB Local, LocalStack, AWS). The claims table is
// created from the one table design when it does not exist yet.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";
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
  tableName: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}): Promise<RunningDynamoDb> {
  let server: Server | null = null;
  let endpoint: string | null = options.choice.kind === "url" ? options.choice.url : null;
  if (options.choice.kind === "local") {
    server = dynalite({ path: options.directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await listen(server, options.port);
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const client = new DynamoDBClient({
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  try {
    await ensureTable(client, options.tableName);
  } catch (err) {
    client.destroy();
    server?.close();
    throw err;
  }
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
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
