// The claims export as an Athena table, as synthesized with the default (production) context: a Glue table
// generated from the export's own column list with projected partitions (no crawler), a workgroup that enforces
// encrypted results in its own expiring bucket and a scan limit, and a query policy scoped to all of these.
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXPORT_COLUMNS, FACT_COLUMNS, hiveType } from "../../functions/export/export-columns.ts";
import { projectedPartitions } from "../../functions/export/export-layout.ts";
import { QUERY_SCAN_LIMIT_BYTES } from "../../infra/constructs/claims-analytics.ts";
import {
  describeSynth,
  HANDLERS_READY,
  logicalIdsOf,
  resourceNamed,
  type Synthesized,
  synthesize,
} from "./support/synth.ts";

let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY) s = synthesize({ "aws:cdk:bundling-stacks": [] });
});
afterAll(() => s?.cleanup());

interface TableInput {
  Name: string;
  Parameters: Record<string, unknown>;
  PartitionKeys: unknown[];
  StorageDescriptor: {
    Columns: { Name: string; Type: string }[];
    Location: unknown;
    SerdeInfo: { SerializationLibrary: string };
  };
}
interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const getAtt = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });
const articles = () => resourceNamed(s.dataJson, "AWS::S3::Bucket", "Articles")[0];
const results = () => resourceNamed(s.dataJson, "AWS::S3::Bucket", "AnalyticsQueryResults")[0];

describeSynth("the claims table", () => {
  it("has the export's columns and the published partition, projected from the path, without a crawler", () => {
    const [, table] = resourceNamed(s.dataJson, "AWS::Glue::Table", "AnalyticsClaimsTable");
    const input = table.Properties!.TableInput as TableInput;
    expect(table.Properties!.DatabaseName).toBe("claimtrack_prod");
    expect(input.Name).toBe("claims");
    expect(input.StorageDescriptor.Columns.map((c: { Name: string; Type: string }) => [c.Name, c.Type])).toEqual(
      EXPORT_COLUMNS.map((c) => [c.name, hiveType(c.type)]),
    );
    expect(input.PartitionKeys).toEqual([expect.objectContaining({ Name: "published", Type: "string" })]);
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe("org.openx.data.jsonserde.JsonSerDe");
    expect(input.Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.published.type": "enum",
      "projection.published.values": projectedPartitions().join(","),
    });
    expect(JSON.stringify(input.Parameters["storage.location.template"])).toContain(
      `/export/claims/published=\${published}/`,
    );
    expect(JSON.stringify(input.StorageDescriptor.Location)).toContain("/export/claims/");
    expect(logicalIdsOf(s.dataJson, "AWS::Glue::Crawler")).toEqual([]);
    s.dataTemplate.hasResourceProperties("AWS::Glue::Database", { DatabaseInput: { Name: "claimtrack_prod" } });
  });
});

describeSynth("the facts table", () => {
  it("has the facts export's columns over export/facts/, unpartitioned, in the same database", () => {
    const [, table] = resourceNamed(s.dataJson, "AWS::Glue::Table", "AnalyticsFactsTable");
    const input = table.Properties!.TableInput as TableInput;
    expect(table.Properties!.DatabaseName).toBe("claimtrack_prod");
    expect(input.Name).toBe("facts");
    expect(input.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(
      FACT_COLUMNS.map((c) => [c.name, hiveType(c.type)]),
    );
    expect(input.PartitionKeys ?? []).toEqual([]);
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe("org.openx.data.jsonserde.JsonSerDe");
    expect(JSON.stringify(input.StorageDescriptor.Location)).toContain("/export/facts/");
  });
});

describeSynth("the Athena workgroup", () => {
  it("enforces encrypted results in its own bucket and a per-query scan limit", () => {
    const [, workGroup] = resourceNamed(s.dataJson, "AWS::Athena::WorkGroup", "AnalyticsWorkGroup");
    expect(workGroup.Properties).toMatchObject({
      Name: "claimtrack-prod",
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: QUERY_SCAN_LIMIT_BYTES,
        ResultConfiguration: {
          EncryptionConfiguration: { EncryptionOption: "SSE_S3" },
          OutputLocation: { "Fn::Join": ["", ["s3://", { Ref: results() }, "/"]] },
        },
      },
    });
  });

  it("keeps results in a private, encrypted bucket that expires them", () => {
    const [, bucket] = resourceNamed(s.dataJson, "AWS::S3::Bucket", "AnalyticsQueryResults");
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
    });
    const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toContainEqual(expect.objectContaining({ ExpirationInDays: 7, Status: "Enabled" }));
    expect(bucket.DeletionPolicy).toBe("Retain");
  });
});

describeSynth("the query policy", () => {
  it("runs queries in the workgroup only, reads only the table and the export prefix, writes only results", () => {
    const [, policy] = resourceNamed(s.dataJson, "AWS::IAM::ManagedPolicy", "AnalyticsQueryPolicy");
    const statements = (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
    const bySid = Object.fromEntries(statements.map((st) => [st.Sid, st]));
    expect(Object.keys(bySid).sort()).toEqual([
      "ListClaimsExport",
      "QueryInWorkGroup",
      "ReadClaimsExport",
      "ReadClaimsTable",
      "WriteQueryResults",
    ]);
    expect(JSON.stringify(bySid.QueryInWorkGroup!.Resource)).toContain(":workgroup/claimtrack-prod");
    expect([bySid.QueryInWorkGroup!.Action].flat().every((a) => a.startsWith("athena:"))).toBe(true);
    expect(JSON.stringify(bySid.ReadClaimsTable!.Resource)).toContain(":table/claimtrack_prod/claims");
    expect(JSON.stringify(bySid.ReadClaimsTable!.Resource)).toContain(":table/claimtrack_prod/facts");
    expect(bySid.ReadClaimsExport).toMatchObject({
      Action: "s3:GetObject",
      Resource: [
        { "Fn::Join": ["", [getAtt(articles()), "/export/claims/*"]] },
        { "Fn::Join": ["", [getAtt(articles()), "/export/facts/*"]] },
      ],
    });
    expect(bySid.ListClaimsExport).toMatchObject({
      Action: "s3:ListBucket",
      Resource: getAtt(articles()),
      Condition: { StringLike: { "s3:prefix": ["export/claims/*", "export/facts/*"] } },
    });
    expect(bySid.WriteQueryResults!.Resource).toEqual([
      getAtt(results()),
      { "Fn::Join": ["", [getAtt(results()), "/*"]] },
    ]);
    for (const st of statements) expect(JSON.stringify(st.Resource)).not.toBe('"*"');
  });
});
