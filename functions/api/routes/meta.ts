// /openapi.json and /docs: the API describing itself, from the same route table that serves it.

import { type RenderableDocument, renderDocsPage } from "../docs-page.ts";
import { html, json } from "../response.ts";
import { type Route, route } from "../router.ts";

export function metaRoutes(document: () => RenderableDocument): Route[] {
  let page: string | undefined;
  return [
    route({
      method: "GET",
      path: "/openapi.json",
      operationId: "getOpenApiDocument",
      summary: "This API's OpenAPI 3.1 document, generated from its zod schemas",
      responses: { 200: { description: "The document.", contentType: "application/json" } },
      handle: async () => json(200, document()),
    }),
    route({
      method: "GET",
      path: "/docs",
      operationId: "getDocs",
      summary: "This API's documentation as a web page",
      responses: { 200: { description: "The page.", contentType: "text/html" } },
      handle: async () => {
        page ??= renderDocsPage(document());
        return html(page);
      },
    }),
  ];
}
