// Test middleware for AWS SDK clients: they watch or disturb real calls to the emulators — nothing is mocked.
//  - countCalls: records the command name of every call (the API's per-route DynamoDB budget test).
//  - crashAfterWrites: lets `n` writes through (DynamoDB and S3 alike, counted together), then fails every write.
//  - failAfter: lets `n` calls of a command through, then throws, like a Lambda dying half-way through a write.
//  - dropFromBatches: makes BatchWriteItem leave some writes unprocessed, as DynamoDB does under load.
//  - pauseAt: holds the first call that matches until released, to run another writer at exactly that point.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

type Stack = DynamoDBClient["middlewareStack"];
type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;

export function countCalls(client: { middlewareStack: Stack }): { calls: string[]; reset(): void } {
  const calls: string[] = [];
  client.middlewareStack.add(
    ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      calls.push(context.commandName ?? "unknown");
      return next(args);
    }) as never,
    { step: "initialize", name: "countCalls" },
  );
  return {
    calls,
    reset() {
      calls.length = 0;
    },
  };
}

export class InjectedFailure extends Error {
  constructor(command: string) {
    super(`injected failure of ${command}`);
    this.name = "InjectedFailure";
  }
}

/** After `n` successful calls of `command`, every further call of it throws until `heal()` is called. */
export function failAfter(client: { middlewareStack: Stack }, command: string, n: number): { heal(): void } {
  let seen = 0;
  let healed = false;
  client.middlewareStack.add(
    ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      if (!healed && context.commandName === command && ++seen > n) throw new InjectedFailure(command);
      return next(args);
    }) as never,
    { step: "initialize", name: `failAfter-${command}` },
  );
  return {
    heal() {
      healed = true;
    },
  };
}

/**
 * Holds back every `every`-th write of each BatchWriteItem (never all of them) and reports it in UnprocessedItems,
 * for `times` batches; the real call writes the rest.
 */
export function dropFromBatches(client: { middlewareStack: Stack }, every: number, times: number): { dropped: number } {
  const state = { dropped: 0 };
  let left = times;
  client.middlewareStack.add(
    ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      if (context.commandName !== "BatchWriteItemCommand" || left <= 0) return next(args);
      left--;
      const requestItems = args.input.RequestItems as Record<string, unknown[]>;
      const held: Record<string, unknown[]> = {};
      const sent: Record<string, unknown[]> = {};
      for (const [table, writes] of Object.entries(requestItems)) {
        held[table] = writes.filter((_, i) => i % every === every - 1);
        sent[table] = writes.filter((_, i) => i % every !== every - 1);
        state.dropped += held[table]!.length;
      }
      const result = await next({ ...args, input: { ...args.input, RequestItems: sent } });
      return { ...result, output: { ...result.output, UnprocessedItems: held } };
    }) as never,
    { step: "initialize", name: "dropFromBatches" },
  );
  return state;
}

const WRITES = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "PutObjectCommand",
  "DeleteObjectCommand",
]);

/**
 * Lets `n` write calls through, then fails every write: a process that dies after its n-th write. Reads still
 * work, as they would for the next invocation; `crashed` says whether the limit was reached. Given several
 * clients (DynamoDB and S3), they count their writes together.
 */
export function crashAfterWrites(
  clients: { middlewareStack: Stack } | { middlewareStack: Stack }[],
  n: number,
): { readonly crashed: boolean } {
  let writes = 0;
  const state = { crashed: false };
  for (const client of [clients].flat()) {
    client.middlewareStack.add(
      ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
        if (WRITES.has(context.commandName ?? "") && ++writes > n) {
          state.crashed = true;
          throw new InjectedFailure(context.commandName!);
        }
        return next(args);
      }) as never,
      { step: "initialize", name: "crashAfterWrites" },
    );
  }
  return state;
}

export interface Pause {
  /** Resolves when the matching call is held. */
  reached: Promise<void>;
  release(): void;
}

/**
 * Holds the first call of `command` whose input (as JSON) contains `text` until `release()`; every other call,
 * and later matching ones, go through. Lets a test interleave two writers at one exact step.
 */
export function pauseAt(client: { middlewareStack: Stack }, command: string, text: string): Pause {
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  client.middlewareStack.add(
    ((next: Next, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      if (!held && context.commandName === command && JSON.stringify(args.input).includes(text)) {
        held = true;
        reach();
        await released;
      }
      return next(args);
    }) as never,
    { step: "initialize", name: `pauseAt-${command}` },
  );
  return { reached, release };
}
