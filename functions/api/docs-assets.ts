// The files /docs loads: Swagger UI (the swagger-ui-dist package, pinned in package.json) and the few lines that
// start it. The API serves them itself, so the page needs nothing from another host: deployed, the CDK app copies
// the package's files next to the function's bundle (infra/service-stack.ts); from the sources (`npm start`, the
// tests) they are read from node_modules.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder beside the bundle's index.mjs that holds the files in a deployed function. */
export const DOCS_ASSET_FOLDER = "docs-assets";

/** The package's files the page loads, with their content types. */
export const SWAGGER_UI_FILES = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
} as const;

/** Starts Swagger UI on the document beside the page; no validator badge, which would call another host. */
const START_SCRIPT = `window.ui = SwaggerUIBundle({
  url: "openapi.json",
  dom_id: "#docs",
  deepLinking: true,
  validatorUrl: null,
  defaultModelsExpandDepth: 1,
  docExpansion: "list",
});
`;
const START_SCRIPT_FILE = "docs.js";

export const DOCS_ASSET_NAMES: [string, ...string[]] = [START_SCRIPT_FILE, ...Object.keys(SWAGGER_UI_FILES)];

/** Where swagger-ui-dist is installed (the CDK app copies from here). */
export function swaggerUiDistDir(): string {
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

function assetDir(): string {
  const beside = fileURLToPath(new URL(`./${DOCS_ASSET_FOLDER}/`, import.meta.url));
  return existsSync(beside) ? beside : swaggerUiDistDir();
}

export interface DocsAsset {
  body: string;
  contentType: string;
}

const loaded = new Map<string, DocsAsset>();

/** One of DOCS_ASSET_NAMES, read once per cold start. */
export function docsAsset(name: string): DocsAsset {
  let asset = loaded.get(name);
  if (!asset) {
    asset =
      name === START_SCRIPT_FILE
        ? { body: START_SCRIPT, contentType: "text/javascript; charset=utf-8" }
        : {
            body: readFileSync(join(assetDir(), name), "utf8"),
            contentType: SWAGGER_UI_FILES[name as keyof typeof SWAGGER_UI_FILES],
          };
    loaded.set(name, asset);
  }
  return asset;
}

/** The page: Swagger UI's stylesheet and scripts from `docs/<file>`, relative so it works under a stage prefix. */
export function docsPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<noscript><p>This page needs JavaScript. The document itself: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p></noscript>
<div id="docs"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/${START_SCRIPT_FILE}"></script>
</body>
</html>
`;
}
