// An in-process DynamoDB (dynalite) on a free port with the claims table created from the one table design.
// For tests and anything else that needs a real DynamoDB API without AWS: `const db = await startDynalite()`,
// use `db.client`, then `await db.stop()`.
import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import dynalite from "dynalite";
import { createTableInput } from "../../functions/store/table-design.ts";

export interface RunningDynalite {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  /** A further client on the same endpoint (e.g. one carrying a test middleware). */
  newClient(): DynamoDBClient;
  /** Every item of a table, unmarshalled — for tests checking that nothing is left behind (Scan: tests only). */
  dumpTable(tableName?: string): Promise<Record<string, unknown>[]>;
  /** Creates another table of the same design on this server (a clean slate per test); returns its name. */
  newTable(): Promise<string>;
  /** A new table holding a copy of every item of `tableName` (cheaper than replaying how they got there). */
  cloneTable(tableName: string): Promise<string>;
  stop(): Promise<void>;
}

export interface DynaliteOptions {
  tableName?: string;
  /** Persist to this LevelDB directory instead of memory. */
  path?: string;
}

export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const newClient = () =>
    new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: 1,
    });
  const client = newClient();
  const createTable = async (tableName: string) => {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (err) {
      // A persisted table from an earlier run is fine.
      if ((err as { name?: string }).name !== "ResourceInUseException") throw err;
    }
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: tableName });
    return tableName;
  };
  const tableName = await createTable(options.tableName ?? "claimtrack-test");
  const doc = DynamoDBDocumentClient.from(client);
  let tables = 0;
  const newTable = () => createTable(`${tableName}-${++tables}`);
  const dumpTable = async (name = tableName) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
      items.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return items;
  };
  return {
    client,
    tableName,
    endpoint,
    newClient,
    newTable,
    dumpTable,
    async cloneTable(from) {
      const to = await newTable();
      const items = await dumpTable(from);
      for (let i = 0; i < items.length; i += 25) {
        const chunk = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        await doc.send(new BatchWriteCommand({ RequestItems: { [to]: chunk } }));
      }
      return to;
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
