// `npm start`: the whole of claimtrack on this machine. Settings come from the environment (see
// local/config.ts and the README); Ctrl-C or SIGTERM stops it after the work in flight is done.

import { EnvError } from "../functions/shared/env.ts";
import { banner } from "../local/banner.ts";
import { loadLocalStackConfig } from "../local/config.ts";
import { type LocalStack, startLocalStack } from "../local/stack.ts";

const tty = process.stdout.isTTY === true;
const out = {
  info: (line: string) => console.log(line),
  warn: (line: string) => console.error(`warning: ${line}`),
  progress(line: string, final: boolean) {
    if (tty) process.stdout.write(`\r\x1b[K${line}${final ? "\n" : ""}`);
    else if (final) console.log(line);
  },
};

let stack: LocalStack | undefined;
let stopping = false;

async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (!stack) process.exit(130);
  console.log(`\n${signal}: finishing the work in flight…`);
  await stack.stop();
  const left = stack.queueDepth();
  console.log(left ? `Stopped; ${left} queued message(s) will be processed on the next start.` : "Stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

try {
  const config = loadLocalStackConfig();
  console.log(`Starting claimtrack (data in ${config.home})…`);
  stack = await startLocalStack(config, out);
  console.log(
    banner(stack.endpoints, {
      home: config.home,
      handlers: stack.handlers,
      localS3: config.env.CLAIMTRACK_S3.kind === "local",
    }),
  );
} catch (err) {
  const e = err as Error;
  console.error(`claimtrack: ${e instanceof EnvError ? e.message : e.message || String(e)}`);
  process.exit(1);
}
