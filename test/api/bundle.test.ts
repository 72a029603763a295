// The API Lambda's own code stays small: bundled and minified as the CDK app does (ESM, module fields first) but
// with the @aws-sdk packages left out, it must stay under 250 KB (195 KB measured, the S3 signer included) and
// must not contain the extractor or its libraries. The deployed bundle, SDK inside, is held to 400 KB by
// test/infra/bundles.test.ts.
import { build } from "esbuild";
import { expect, it } from "vitest";

it("the API bundle holds no extractor code and stays under 250 KB without the AWS SDK", async () => {
  const result = await build({
    entryPoints: ["functions/handlers/api.ts"],
    bundle: true,
    minify: true,
    platform: "node",
    target: "node24",
    format: "esm",
    mainFields: ["module", "main"],
    external: ["@aws-sdk/*"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]!.contents.length;
  // Files that put bytes into the bundle (the metafile also lists files read and shaken away entirely).
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([name]) => name);
  expect(
    inputs.filter((i) => /extraction\/(?!article-id)|linkedom|chrono-node|readability|wink|compromise/.test(i)),
  ).toEqual([]);
  // `import { z } from "zod"` anywhere on the path would pull in every zod locale (+350 KB).
  expect(inputs.filter((i) => i.includes("zod/v4/locales/") && !i.endsWith("/en.js"))).toEqual([]);
  expect(bytes).toBeLessThan(250 * 1024);
});
