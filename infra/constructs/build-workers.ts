// Bundles a function's worker-thread entries (bundling.ts's WORKER_ENTRIES) beside its index.mjs, with the same
// esbuild settings NodejsFunction uses for the handler. Run by the construct's afterBundling hook:
//   node infra/constructs/build-workers.ts <handler name> <asset output dir>
import { basename, extname, join } from "node:path";
import * as esbuild from "esbuild";
import {
  BUNDLE_ALIASES,
  BUNDLE_TARGET,
  CREATE_REQUIRE_BANNER,
  type HandlerName,
  PROJECT_ROOT,
  WORKER_ENTRIES,
} from "./bundling.ts";

const [handler, outDir] = process.argv.slice(2) as [HandlerName, string];
if (!handler || !outDir) throw new Error("usage: build-workers.ts <handler name> <output dir>");
for (const entry of WORKER_ENTRIES[handler] ?? []) {
  await esbuild.build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile: join(outDir, `${basename(entry, extname(entry))}.mjs`),
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: "node",
    format: "esm",
    target: BUNDLE_TARGET,
    mainFields: ["module", "main"],
    banner: { js: CREATE_REQUIRE_BANNER },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    alias: BUNDLE_ALIASES,
    logLevel: "warning",
  });
}
