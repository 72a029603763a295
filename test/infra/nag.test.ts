// cdk-nag's AwsSolutions pack is part of every synth of the app: an unacknowledged finding fails it. Each
// acknowledgement sits on the construct that causes it, carries a reason, appears on a reviewed list, and
// still matches a real finding (a stale acknowledgement would silently excuse a future mistake).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Stack, Validations } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../infra/claimtrack-app.ts";
import { describeSynth, HANDLERS_READY, type Synthesized, synthesize, TEST_ORIGIN } from "./support/synth.ts";

// No bundling: these synths are about the templates, not the code.
const SKIP_BUNDLING = { "aws:cdk:bundling-stacks": [] };

interface Acknowledgement {
  id: string;
  reason: string;
  path: string;
  construct: IConstruct;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          // CDK stores the id with the plugin's namespace: "AwsSolutions::AwsSolutions-S1".
          id: id.replace(/^[^:]+::/, ""),
          reason,
          path: construct.node.path,
          construct,
        })),
      ),
  );
}

/** Every finding the pack raises when acknowledgements are ignored, with the construct it is raised on. */
function rawFindings(root: IConstruct): { id: string; path: string }[] {
  const pack = new AwsSolutionsChecks();
  // The pack consults acknowledgements through this method; ignoring them shows the raw findings.
  Object.assign(pack, { isAcknowledged: () => false });
  return pack
    .validateScope(root)
    .violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? "" })));
}

let s: Synthesized;
let acks: Acknowledgement[];
beforeAll(() => {
  if (!HANDLERS_READY) return;
  s = synthesize(SKIP_BUNDLING);
  acks = acknowledgementsIn(s.app);
});
afterAll(() => s?.cleanup());

describeSynth("cdk-nag AwsSolutions", () => {
  it("passes the default synth with nothing unacknowledged", () => {
    // synthesize() would have thrown otherwise; the report on disk says the same.
    const report = join(s.outdir, "validation-report.json");
    if (existsSync(report)) {
      const json = JSON.parse(readFileSync(report, "utf8")) as { pluginReports: { violations: unknown[] }[] };
      expect(json.pluginReports.flatMap((r) => r.violations)).toEqual([]);
    }
  });

  it("fails the synth of the same app when a resource breaks a rule", () => {
    const { app, data } = buildApp({ context: { ...SKIP_BUNDLING, corsAllowOrigin: TEST_ORIGIN } });
    new s3.Bucket(data, "Careless");
    expect(() => app.synth()).toThrow(/AwsSolutions-S1[\s\S]*Careless|Careless[\s\S]*AwsSolutions-S1/);
  });

  it("acknowledges only the reviewed findings", () => {
    expect(
      [
        ...new Set(
          acks.map((a) =>
            a.id.replace(/\[Resource::(\{"Fn::GetStackOutput".*|<[A-Za-z0-9]+\.Arn>.*)\]$/, "[bucket/prefix]"),
          ),
        ),
      ].sort(),
    ).toEqual([
      "AwsSolutions-APIG3",
      "AwsSolutions-APIG4",
      "AwsSolutions-COG4",
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
      "AwsSolutions-IAM5[Resource::*]",
      "AwsSolutions-IAM5[bucket/prefix]",
    ]);
  });

  it("gives every acknowledgement a reason and places none on a whole stack", () => {
    for (const ack of acks) {
      expect(ack.reason.length, ack.id).toBeGreaterThanOrEqual(80);
      expect(Stack.isStack(ack.construct), `${ack.id} at ${ack.path}`).toBe(false);
    }
  });

  it("has no stale acknowledgement: each one excuses at least one real finding at or below it", () => {
    const findings = rawFindings(s.app);
    expect(findings.length).toBeGreaterThan(0);
    for (const ack of acks) {
      const excused = findings.filter((f) => f.id === ack.id && `${f.path}/`.startsWith(`${ack.path}/`));
      expect(excused.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(0);
    }
  });

  it("excuses IAM wildcards only where they are: X-Ray, the prefixes and the query results, on the roles and the query policy", () => {
    const wildcards = acks.filter((a) => a.id.startsWith("AwsSolutions-IAM5"));
    expect(wildcards.map((a) => a.path).sort()).toEqual([
      ...Array(3).fill("Claimtrack-prod-Data/Analytics/QueryPolicy"),
      ...Array(6).fill("Claimtrack-prod-Service/ApiFunction/Role"),
      ...Array(4).fill("Claimtrack-prod-Service/IngestFunction/Role"),
    ]);
    for (const ack of wildcards.filter((a) => a.id !== "AwsSolutions-IAM5[Resource::*]")) {
      expect(ack.id).toMatch(
        /(\/(incoming|text|export|export\/claims|export\/facts)\/\*|AnalyticsQueryResults[0-9A-F]+(\.Arn>|Arn[0-9A-F]+"\}\})\/\*)\]$/,
      );
    }
  });
});
