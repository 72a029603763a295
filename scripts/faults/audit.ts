// The full check after a fault run, against what the workload says must be there (workload.ts): every article
// that a key holds exists exactly once — PROCESSED with the extractor's claim count, or FAILED for a reason the
// extractor gives — with exactly the keys that hold it; nothing uploaded and since removed or overwritten
// remains; nothing is PENDING or dead-lettered; no claim is stored twice; and every speaker's counts equal a
// recount from the stored claims (recount.ts's dry run: what `npm run recount` would fix).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mapLimit } from "../../functions/shared/map-limit.ts";
import { recountSpeakers } from "../../functions/store/dynamo/recount.ts";
import { createStoreContext } from "../../functions/store/dynamo-claim-store.ts";
import type { Endpoints } from "../../local/endpoints.ts";
import { apiClient } from "../../test/e2e/support/clients.ts";
import type { Workload } from "./workload.ts";

export interface AuditFigures {
  expected: number;
  processed: number;
  failed: number;
  pending: number;
  /** Expected articles missing, or FAILED though the extractor reads them. */
  lost: number;
  /** Articles that must be gone (removed or overwritten content) or were never uploaded. */
  extra: number;
  /** Articles whose keys are not exactly the ones holding them. */
  wrongSources: number;
  claimsExpected: number;
  claimsStored: number;
  /** Claims stored more than once, or articles with more claims than the extractor gives. */
  duplicated: number;
  speakerMismatches: number;
  orphanClaims: number;
  deadLettered: number;
}

export const auditPassed = (f: AuditFigures) =>
  f.pending === 0 &&
  f.lost === 0 &&
  f.extra === 0 &&
  f.wrongSources === 0 &&
  f.duplicated === 0 &&
  f.claimsStored === f.claimsExpected &&
  f.speakerMismatches === 0 &&
  f.orphanClaims === 0 &&
  f.deadLettered === 0;

/** The cheap part, for polling: every expected article settled and nothing else listed. */
export async function looksSettled(endpoints: Endpoints, workload: Workload): Promise<boolean> {
  const listed = await apiClient(endpoints).articles();
  const settled = listed.filter((a) => workload.expected.has(a.id) && a.status !== "PENDING");
  return settled.length === workload.expected.size && listed.length === workload.expected.size;
}

export async function audit(endpoints: Endpoints, home: string, workload: Workload): Promise<AuditFigures> {
  const api = apiClient(endpoints);
  const listed = await api.articles();
  const byId = new Map(listed.map((a) => [a.id, a]));
  const f: AuditFigures = {
    expected: workload.expected.size,
    processed: 0,
    failed: 0,
    pending: listed.filter((a) => a.status === "PENDING").length,
    lost: 0,
    extra: listed.filter((a) => !workload.expected.has(a.id)).length,
    wrongSources: 0,
    claimsExpected: 0,
    claimsStored: 0,
    duplicated: 0,
    speakerMismatches: 0,
    orphanClaims: 0,
    deadLettered: deadLetters(home),
  };
  await mapLimit([...workload.expected], 16, async ([id, want]) => {
    f.claimsExpected += want.claims;
    const article = byId.get(id) ? await api.article(id) : null;
    if (!article) {
      f.lost++;
      return;
    }
    const keys = article.sources.map((s) => s.key);
    if (keys.length !== want.keys.size || keys.some((k) => !want.keys.has(k))) f.wrongSources++;
    if (article.status === "FAILED") {
      f.failed++;
      // Only what the extractor itself cannot read may fail; these files all have claims.
      if (want.claims > 0) f.lost++;
      return;
    }
    if (article.status !== "PROCESSED") return;
    f.processed++;
    const claims = await api.claimsOf(id);
    f.claimsStored += claims.length;
    const distinct = new Set(claims.map((c) => c.id)).size;
    if (distinct !== claims.length || claims.length > want.claims || article.claimCount !== claims.length) {
      f.duplicated++;
    }
  });
  const client = new DynamoDBClient({
    endpoint: endpoints.dynamodb,
    region: endpoints.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const recount = await recountSpeakers(createStoreContext({ client, tableName: endpoints.table }), { dryRun: true });
    f.speakerMismatches = recount.fixed.length;
    f.orphanClaims = recount.orphanClaims;
  } finally {
    client.destroy();
  }
  return f;
}

/** Messages the local queue gave up on (local/stack.ts writes one JSON line each). */
function deadLetters(home: string): number {
  const path = join(home, "queue", "dead-letter.jsonl");
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}
