// Synthesizes the real CDK app (the same buildApp that `cdk synth` runs, cdk.json's context included) into a
// temporary cloud assembly, with cdk-nag active. Synth is heavy (seconds, hundreds of MB): call it once per
// test file, in beforeAll, and share the result.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { describe } from "vitest";
import { buildApp, type ClaimtrackApp } from "../../../infra/claimtrack-app.ts";
import { HANDLER_ENTRIES, PROJECT_ROOT } from "../../../infra/constructs/bundling.ts";
import { assetDir } from "../../../scripts/bundle/assets.ts";

/**
 * Synthesis bundles the Lambda handlers, so it needs their entry files. While one is missing (another issue
 * writes them), the suites that synthesize are reported as skipped, naming the file, instead of failing.
 */
export const MISSING_HANDLERS = Object.values(HANDLER_ENTRIES).filter(
  (entry) => !existsSync(join(PROJECT_ROOT, entry)),
);
export const HANDLERS_READY = MISSING_HANDLERS.length === 0;
export const describeSynth = HANDLERS_READY
  ? describe
  : (name: string, body: () => void) =>
      describe.skip(`${name} (skipped: ${MISSING_HANDLERS.join(", ")} missing)`, body);

export interface Synthesized extends ClaimtrackApp {
  assembly: CloudAssembly;
  outdir: string;
  /** Raw templates, for walking resources the assertions library has no matcher for. */
  dataJson: CfnTemplate;
  serviceJson: CfnTemplate;
  dataTemplate: Template;
  serviceTemplate: Template;
  cleanup: () => void;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
}
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** The browser origin the test synths allow, since a deployment must name one (`corsAllowOrigin`). */
export const TEST_ORIGIN = "https://desk.example.org";

export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), "claimtrack-synth-"));
  const built = buildApp({ outdir, context: { corsAllowOrigin: TEST_ORIGIN, ...context } });
  const assembly = built.app.synth();
  const dataJson = assembly.getStackByName(built.data.stackName).template as CfnTemplate;
  const serviceJson = assembly.getStackByName(built.service.stackName).template as CfnTemplate;
  return {
    ...built,
    assembly,
    outdir,
    dataJson,
    serviceJson,
    dataTemplate: Template.fromJSON(dataJson),
    serviceTemplate: Template.fromJSON(serviceJson),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** The logical ids of a template's resources of one type. */
export function logicalIdsOf(template: CfnTemplate, type: string): string[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);
}

/** The one resource of `type` whose logical id starts with `prefix` (CDK appends a hash). */
export function resourceNamed(template: CfnTemplate, type: string, prefix: string): [string, CfnResource] {
  const matches = Object.entries(template.Resources).filter(([id, r]) => r.Type === type && id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${matches.length}`);
  return matches[0]!;
}

/**
 * Replaces cross-stack references (`Fn::GetStackOutput` of the data stack) in a service-stack value by the
 * data stack's own expression, so a test can see which resource a grant really points at.
 */
export function followCrossStack(value: unknown, producer: CfnTemplate): unknown {
  if (Array.isArray(value)) return value.map((v) => followCrossStack(v, producer));
  if (value && typeof value === "object") {
    const ref = (value as Record<string, unknown>)["Fn::GetStackOutput"] as { OutputName?: string } | undefined;
    if (ref?.OutputName) {
      const output = producer.Outputs?.[ref.OutputName];
      if (!output) throw new Error(`no output ${ref.OutputName} in the producing stack`);
      return output.Value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, followCrossStack(v, producer)]));
  }
  return value;
}

/** The directory of the deployable asset a function's code points at (what `cdk deploy` zips and uploads). */
export function assetDirOf(s: Synthesized, functionPrefix: string): string {
  return assetDir(s.outdir, s.service.stackName, s.serviceJson.Resources, functionPrefix);
}
