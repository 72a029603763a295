// The ingest function's access to the export (functions/export/export-layout.ts): it reads an article's index,
// writes and deletes the article's file and index, and each tracked fact's file. Object-level, limited to the
// export prefix.
import * as iam from "aws-cdk-lib/aws-iam";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { EXPORT_PREFIX } from "../functions/export/export-layout.ts";
import { acknowledgeWildcardResource } from "./nag.ts";

/** S3 actions the ingest function uses under the export prefix. */
export const INGEST_EXPORT_ACTIONS = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"];

export function grantExportWrites(role: iam.IRole, bucket: s3.IBucket): void {
  const exportObjects = bucket.arnForObjects(`${EXPORT_PREFIX}*`);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ sid: "KeepClaimsExport", actions: INGEST_EXPORT_ACTIONS, resources: [exportObjects] }),
  );
  acknowledgeWildcardResource(
    role,
    exportObjects,
    `Object-level grant limited to the export prefix (${EXPORT_PREFIX}): one file and one index object per article and one file per tracked fact, keyed by the article id and its month or the fact id, which are not known in advance.`,
  );
}
