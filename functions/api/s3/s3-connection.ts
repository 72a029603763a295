// The API's S3 connection: the same region, endpoint variables and credential chain as the SDK clients of
// functions/shared/aws-clients.ts, for the API's own SigV4 client (s3-object-storage.ts).
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { s3EndpointOf } from "../../shared/aws-clients.ts";
import type { S3Connection } from "./s3-object-storage.ts";

export function s3ConnectionFromEnv(region: string, source: Record<string, string | undefined> = process.env) {
  return { region, endpoint: s3EndpointOf(source), credentials: defaultProvider() } satisfies S3Connection;
}
