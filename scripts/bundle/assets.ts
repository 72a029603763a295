// Finds the deployable bundle of a function in a synthesized cloud assembly: the directory `cdk deploy` zips
// and uploads, located through the stack's asset manifest by the object key the template's Code points at.
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface TemplateFunction {
  Type: string;
  Properties?: Record<string, unknown>;
}

function functionNamed(resources: Record<string, TemplateFunction>, functionPrefix: string): TemplateFunction {
  const fns = Object.entries(resources).filter(
    ([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith(functionPrefix),
  );
  if (fns.length !== 1) throw new Error(`expected one function named ${functionPrefix}*, found ${fns.length}`);
  return fns[0]![1];
}

/** A function's memory and the literal part of its environment (cross-stack values are left to the caller). */
export function functionConfig(resources: Record<string, TemplateFunction>, functionPrefix: string) {
  const props = functionNamed(resources, functionPrefix).Properties ?? {};
  const variables = (props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) if (typeof value === "string") environment[name] = value;
  return { memoryMb: props.MemorySize as number, environment };
}

export function assetDir(
  outdir: string,
  stackName: string,
  resources: Record<string, TemplateFunction>,
  functionPrefix: string,
): string {
  const objectKey = (functionNamed(resources, functionPrefix).Properties?.Code as { S3Key?: string } | undefined)
    ?.S3Key;
  const manifest = JSON.parse(readFileSync(join(outdir, `${stackName}.assets.json`), "utf8")) as {
    files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
  };
  const entry = Object.values(manifest.files).find((f) =>
    Object.values(f.destinations).some((d) => d.objectKey === objectKey),
  );
  if (!entry) throw new Error(`no asset for ${functionPrefix} (${objectKey})`);
  return join(outdir, entry.source.path);
}
