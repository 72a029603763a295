// /uploads: a presigned PUT URL for files too large for an API request.
import { UploadRequest, UploadTicket } from "../../schemas/api.ts";
import type { ApiDeps } from "../deps.ts";
import { json } from "../response.ts";
import { jsonBody, type Route, route } from "../router.ts";
import { createUpload } from "../use-cases/create-upload.ts";
import { problems } from "./common.ts";

export function uploadRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "POST",
      path: "/uploads",
      operationId: "createUpload",
      summary: "A presigned URL to upload a large article file",
      description:
        "PUT the file to `url` with exactly the `headers` given, within 15 minutes. It lands under the ingest " +
        "prefix and is processed like any upload; its article id is the first 20 hex digits of its sha256.",
      requestBody: [{ contentType: "application/json", schema: UploadRequest, description: "The file to upload." }],
      responses: {
        200: { description: "Where and how to PUT the file.", schema: UploadTicket },
        ...problems(413, 415),
      },
      handle: async ({ request }) => {
        const ticket = await createUpload(deps, jsonBody(request, UploadRequest));
        return json(200, {
          url: ticket.url,
          method: "PUT",
          headers: ticket.headers,
          source: ticket.source,
          expiresAt: ticket.expiresAt.toISOString(),
        } satisfies UploadTicket);
      },
    }),
  ];
}
