// The same end-to-end scenario once more, on what would be deployed: the handler bundles `cdk synth` stages as
// Lambda assets (the real CDK app, cdk-nag included), loaded by `npm start` from the cloud assembly instead of
// the TypeScript sources.
import { afterAll, beforeAll } from "vitest";
import { type Synthesized, synthesize } from "../infra/support/synth.ts";
import { describeWholeSystem } from "./support/whole-system.ts";

let synthesized: Synthesized | undefined;
beforeAll(() => {
  synthesized = synthesize();
}, 300_000);
afterAll(() => synthesized?.cleanup());

describeWholeSystem(
  "bundles from cdk synth",
  () => ({ CLAIMTRACK_HANDLERS: synthesized!.outdir }),
  () => `bundles from ${synthesized!.outdir}`,
);
