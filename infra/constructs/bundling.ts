// How every Lambda bundle is built, in one place: the CDK construct and the cost measurement both use it,
// so the code that is measured and tested is byte-for-byte the code that is deployed.
import { fileURLToPath } from "node:url";

/** The repository root: the esbuild project root and the base of the handler entry paths. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The Lambda handler entry points, relative to the project root. */
export const HANDLER_ENTRIES = {
  api: "functions/handlers/api.ts",
  ingest: "functions/handlers/ingest.ts",
} as const;
export type HandlerName = keyof typeof HANDLER_ENTRIES;

/**
 * Worker-thread entries a handler starts from its own directory, bundled beside its index.mjs as `<name>.mjs`
 * (build-workers.ts): the ingest function's extraction thread, which it can stop at the deadline.
 */
export const WORKER_ENTRIES: Readonly<Partial<Record<HandlerName, readonly string[]>>> = {
  ingest: ["functions/handlers/extract-worker.ts"],
};

/** esbuild's target, matching the `nodejs24.x` runtime. */
export const BUNDLE_TARGET = "node24";

/**
 * ESM bundles have no `require`; dependencies that still call it (CommonJS inside the AWS SDK and others)
 * get one made from the module's own URL. Aliased import so it cannot clash with names in the bundle.
 */
export const CREATE_REQUIRE_BANNER =
  'import { createRequire as __claimtrackCreateRequire } from "node:module"; const require = __claimtrackCreateRequire(import.meta.url);';

/**
 * Packages replaced in every bundle, as esbuild aliases (the replacement resolved from the project root). On
 * Lambda the role's credentials are always in the environment, so the SDK's default credential chain is swapped
 * for the environment provider: SSO, STS, INI-profile and metadata-service code (~100 KB) never ships.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  "@aws-sdk/credential-provider-node": "./functions/shared/lambda-credentials.ts",
};
