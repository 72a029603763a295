// Loads the two Lambda handlers the way Lambda does, each in an environment of its own: their entry modules read
// the environment at import (the composition roots in functions/handlers/), so the stack sets the environment the
// deployed functions get — pointed at the local endpoints — and imports them: the TypeScript sources, or the
// bundles `cdk synth` staged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from "aws-lambda";
import { assetDir } from "../scripts/bundle/assets.ts";
import { startIngestThread } from "./ingest-thread.ts";
import type { SqsBatchHandler } from "./queue/queue-consumer.ts";

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface LoadedHandlers {
  api: ApiHandler;
  /** Runs on a thread of its own. */
  ingest: SqsBatchHandler;
  /** What was loaded, for the start-up banner. */
  origin: string;
  /** Ends the ingest thread (after the queue consumer has stopped). */
  stop(): Promise<void>;
}

const SOURCE_ENTRIES = {
  api: new URL("../functions/handlers/api.ts", import.meta.url).href,
  ingest: new URL("../functions/handlers/ingest.ts", import.meta.url).href,
};

/**
 * Imports each handler with `env` plus its own service name in its environment (the handlers read it once, at
 * import): the API's here, the ingest function's on its own thread. `assembly` is a `cdk synth` output
 * directory, or null for the TypeScript sources.
 */
export async function loadHandlers(env: Record<string, string>, assembly: string | null): Promise<LoadedHandlers> {
  const entries = assembly ? bundleEntries(assembly) : SOURCE_ENTRIES;
  const ingest = await startIngestThread(entries.ingest, { ...env, POWERTOOLS_SERVICE_NAME: "claimtrack-ingest" });
  try {
    Object.assign(process.env, env, { POWERTOOLS_SERVICE_NAME: "claimtrack-api" });
    const mod = (await import(entries.api)) as { handler?: unknown };
    if (typeof mod.handler !== "function") throw new Error(`${entries.api} exports no handler function`);
    return {
      api: mod.handler as ApiHandler,
      ingest: ingest.handler,
      origin: assembly ? `bundles from ${assembly}` : "TypeScript sources",
      stop: ingest.stop,
    };
  } catch (err) {
    await ingest.stop();
    throw err;
  }
}

/** The staged bundles (index.mjs) of the service stack's two functions in a cloud assembly. */
function bundleEntries(assembly: string): { api: string; ingest: string } {
  const manifest = JSON.parse(readFileSync(join(assembly, "manifest.json"), "utf8")) as {
    artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
  };
  const stacks = Object.entries(manifest.artifacts ?? {}).filter(
    ([name, a]) => a.type === "aws:cloudformation:stack" && name.endsWith("-Service"),
  );
  if (stacks.length !== 1) {
    throw new Error(`expected one claimtrack service stack in ${assembly}, found ${stacks.length}: run npx cdk synth`);
  }
  const [stackName, artifact] = stacks[0]!;
  const template = JSON.parse(readFileSync(join(assembly, artifact.properties!.templateFile!), "utf8")) as {
    Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  };
  const entry = (prefix: string) =>
    pathToFileURL(join(assetDir(assembly, stackName, template.Resources, prefix), "index.mjs")).href;
  return { api: entry("ApiFunction"), ingest: entry("IngestFunction") };
}
