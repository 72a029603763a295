// `npm run recount`: recomputes every speaker's counts from the stored claims and repairs what disagrees (see
// functions/store/dynamo/recount.ts). Idempotent: a second run fixes nothing. Reports each fix.
//   npm run recount                                    the running local stack (CLAIMTRACK_HOME, .claimtrack)
//   npm run recount -- --table T [--endpoint URL] [--region R]   another table (AWS without --endpoint)
//   --dry-run                                          report only
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { recountSpeakers } from "../functions/store/dynamo/recount.ts";
import { createStoreContext } from "../functions/store/dynamo-claim-store.ts";
import { readEndpoints } from "../local/endpoints.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      table: { type: "string" },
      endpoint: { type: "string" },
      region: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  let { table, endpoint, region } = values;
  if (!table) {
    const local = readEndpoints(resolve(process.env.CLAIMTRACK_HOME ?? ".claimtrack"));
    table = local.table;
    endpoint ??= local.dynamodb === "aws" ? undefined : local.dynamodb;
    region ??= local.region;
  }
  const client = new DynamoDBClient({
    region: region ?? process.env.AWS_REGION ?? "us-east-1",
    ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
  const report = await recountSpeakers(createStoreContext({ client, tableName: table }), {
    dryRun: values["dry-run"],
  });
  client.destroy();
  const verb = values["dry-run"] ? "would fix" : "fixed";
  for (const fix of report.fixed) {
    console.log(`${verb} ${fix.speakerKey}: was ${JSON.stringify(fix.was)}, now ${JSON.stringify(fix.now)}`);
  }
  console.log(
    `recount of ${table}: ${report.articles} articles, ${report.claims} claims, ${report.speakers} speakers; ` +
      `${verb} ${report.fixed.length} speakers, ${report.contributionsWritten} contributions written, ` +
      `${report.contributionsRemoved} removed; ${report.orphanClaims} claims without an article; ` +
      `${report.claimsReindexed} claims ${values["dry-run"] ? "to re-index" : "re-indexed"}`,
  );
}

main().catch((err: unknown) => {
  console.error(`recount: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
