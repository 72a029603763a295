// CLAIMTRACK_HOME/endpoints.json: where the running stack answers, for scripts and tests. Written once the stack
// is ready, removed when it stops, so its presence means a stack is (or was, after a kill) running.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";

export const Endpoints = z.object({
  /** The REST API's base URL, no trailing slash. */
  api: z.string().url(),
  /** The S3 endpoint; "aws" when it is AWS itself. */
  s3: z.string(),
  /** The DynamoDB endpoint; "aws" when it is AWS itself. */
  dynamodb: z.string(),
  bucket: z.string(),
  ingestPrefix: z.string(),
  table: z.string(),
  region: z.string(),
  /** The stack's process, so a script can tell whether it still runs. */
  pid: z.number().int(),
});
export type Endpoints = z.infer<typeof Endpoints>;

export const endpointsPath = (home: string) => join(home, "endpoints.json");

export function writeEndpoints(home: string, endpoints: Endpoints): void {
  const path = endpointsPath(home);
  writeFileSync(`${path}.next`, `${JSON.stringify(endpoints, null, 2)}\n`);
  renameSync(`${path}.next`, path);
}

export function removeEndpoints(home: string): void {
  rmSync(endpointsPath(home), { force: true });
}

/** The endpoints of the stack running with this home; throws a one-line error when none is. */
export function readEndpoints(home: string): Endpoints {
  const path = endpointsPath(home);
  if (!existsSync(path)) throw new Error(`no claimtrack stack is running with CLAIMTRACK_HOME=${home}: run npm start`);
  return Endpoints.parse(JSON.parse(readFileSync(path, "utf8")));
}
