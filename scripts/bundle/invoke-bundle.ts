// Runs one deployable Lambda bundle the way the Node.js 24 runtime does: import the ESM file, call its
// `handler` export with each event of a list in turn (one warm execution environment) and a Lambda-like
// context, and write the results (or the error) as JSON to a file. Used in a child process so the bundle
// loads on its own, with only the environment it is given.
//   node invoke-bundle.ts <bundle index.mjs> <events.json: an array> <result.json> [timeoutMs]
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { lambdaContext } from "../../local/queue/lambda-context.ts";

const [bundlePath, eventPath, resultPath, timeoutArg] = process.argv.slice(2);
if (!bundlePath || !eventPath || !resultPath) {
  console.error("usage: invoke-bundle.ts <bundle> <event.json> <result.json> [timeoutMs]");
  process.exit(2);
}
const timeoutMs = Number(timeoutArg ?? 60_000);
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? "claimtrack-bundle";
const memoryMb = Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? 1024);

const started = performance.now();
try {
  const mod = (await import(pathToFileURL(bundlePath).href)) as { handler?: unknown };
  if (typeof mod.handler !== "function") throw new Error("the bundle exports no handler function");
  const loadedMs = performance.now() - started;
  const events = JSON.parse(readFileSync(eventPath, "utf8")) as unknown[];
  const handler = mod.handler as (e: unknown, c: unknown) => Promise<unknown>;
  const invocations: { result: unknown; durationMs: number }[] = [];
  for (const event of events) {
    const invoked = performance.now();
    const result = await handler(event, lambdaContext(functionName, timeoutMs, memoryMb));
    invocations.push({ result, durationMs: performance.now() - invoked });
  }
  writeFileSync(resultPath, JSON.stringify({ ok: true, loadedMs, invocations }));
} catch (err) {
  const e = err as Error;
  writeFileSync(resultPath, JSON.stringify({ ok: false, error: `${e.name}: ${e.message}`, stack: e.stack }));
}
