// /openapi.json and /docs: the API describing itself, from the same route table that serves it. /docs is Swagger UI
// on the document, with its files served from here too (docs-assets.ts).
import * as z from "zod";
import { DOCS_ASSET_NAMES, docsAsset, docsPage } from "../docs-assets.ts";
import { html, json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { problems } from "./common.ts";

export interface DescribedDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
}

const DocsFilePath = z.strictObject({
  file: z
    .enum(DOCS_ASSET_NAMES)
    .describe("One of the page's files: Swagger UI's script and stylesheet, and its start script.")
    .meta({ examples: [DOCS_ASSET_NAMES[0]] }),
});

export function metaRoutes(document: () => DescribedDocument, title: string): Route[] {
  return [
    route({
      method: "GET",
      path: "/openapi.json",
      operationId: "getOpenApiDocument",
      summary: "This API's OpenAPI 3.1 document, generated from its zod schemas",
      description:
        "Every route with its parameters, request bodies and responses, each with an example; generated from the " +
        "route table and the zod schemas that validate requests and type responses.",
      responses: {
        200: {
          description: "The document.",
          contentType: "application/json",
          example: { openapi: "3.1.0", info: { title, version: "1.0.0" }, paths: { "/claims": {} } },
        },
      },
      handle: async () => json(200, document()),
    }),
    route({
      method: "GET",
      path: "/docs",
      operationId: "getDocs",
      summary: "This API's documentation as a web page",
      description: "Swagger UI on `openapi.json`; its script and stylesheet come from `/docs/{file}` of this API.",
      responses: {
        200: { description: "The page.", contentType: "text/html", example: docsPage(title) },
      },
      handle: async () => html(docsPage(title)),
    }),
    route({
      method: "GET",
      path: "/docs/{file}",
      operationId: "getDocsFile",
      summary: "A file of the documentation page",
      description: "Swagger UI's files, as the pinned swagger-ui-dist package ships them; cached for a day.",
      params: DocsFilePath,
      responses: {
        200: {
          description: "The file.",
          contentType: "text/javascript",
          example: 'window.ui = SwaggerUIBundle({ url: "openapi.json", dom_id: "#docs" });',
        },
        ...problems(),
      },
      handle: async ({ params }) => {
        const asset = docsAsset(params.file);
        return {
          statusCode: 200,
          headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=86400" },
          body: asset.body,
        };
      },
    }),
  ];
}
