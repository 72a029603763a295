// `npx cdk synth` as a user runs it: through the real CLI and cdk.json, with no AWS credentials and every
// outbound connection sent to a recording proxy. It must succeed, write both templates, and contact nobody
// (no notices, no telemetry, no credential or account look-ups).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../infra/constructs/bundling.ts";
import { type ProcessResult, runProcess } from "../../scripts/bundle/run-process.ts";
import { describeSynth } from "./support/synth.ts";

let proxy: Server;
const attempts: string[] = [];
let home: string;
let outdir: string;

beforeAll(async () => {
  proxy = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on("connect", (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  home = mkdtempSync(join(tmpdir(), "claimtrack-home-"));
  outdir = mkdtempSync(join(tmpdir(), "claimtrack-cdkout-"));
  // An empty AWS config: no profile, no keys, no region.
  writeFileSync(join(home, "aws-config"), "");
});

afterAll(() => {
  proxy?.close();
  for (const dir of [home, outdir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function runCdk(args: string[]): Promise<ProcessResult> {
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const env: Record<string, string> = {
    // No node_modules/.bin on the PATH: cdk.json must find the project's Node.js 24 by itself, whatever
    // `node` a user's shell has (this machine's is older).
    PATH: (process.env.PATH ?? "")
      .split(":")
      .filter((dir) => !dir.includes("node_modules"))
      .join(":"),
    HOME: home,
    AWS_CONFIG_FILE: join(home, "aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "aws-config"),
    AWS_EC2_METADATA_DISABLED: "true",
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
    NO_PROXY: "",
    CI: "true",
  };
  const cli = join(PROJECT_ROOT, "node_modules/aws-cdk/bin/cdk");
  return runProcess(process.execPath, [cli, ...args], { cwd: PROJECT_ROOT, env });
}

describeSynth("npx cdk synth", () => {
  it("synthesizes both stacks offline, without credentials, contacting nobody", { timeout: 180_000 }, async () => {
    const { code, output } = await runCdk([
      "synth",
      "--all",
      "--quiet",
      "-c",
      "corsAllowOrigin=https://desk.example.org",
      "--output",
      outdir,
    ]);
    expect(code, output).toBe(0);
    for (const stack of ["Claimtrack-prod-Data", "Claimtrack-prod-Service"]) {
      const template = JSON.parse(readFileSync(join(outdir, `${stack}.template.json`), "utf8")) as {
        Resources: Record<string, { Type: string }>;
      };
      expect(Object.keys(template.Resources).length).toBeGreaterThan(5);
      // versionReporting is off: no analytics resource in the template.
      expect(Object.values(template.Resources).map((r) => r.Type)).not.toContain("AWS::CDK::Metadata");
    }
    expect(attempts).toEqual([]);
    expect(output).not.toMatch(/NOTICES|telemetry/i);
  });

  it("reports a bad context switch in one line and fails", { timeout: 120_000 }, async () => {
    const { code, output } = await runCdk(["synth", "--all", "--quiet", "-c", "stage=Prod!", "--output", outdir]);
    expect(code).not.toBe(0);
    expect(output).toContain("invalid CDK context: stage:");
    expect(existsSync(join(outdir, "Claimtrack-Prod!-Data.template.json"))).toBe(false);
  });

  it("refuses to synthesize without a CORS origin, saying how to give one", { timeout: 120_000 }, async () => {
    const { code, output } = await runCdk(["synth", "--all", "--quiet", "-c", "stage=dev-nocors", "--output", outdir]);
    expect(code).not.toBe(0);
    const line = output.split("\n").find((l) => l.includes("corsAllowOrigin is required"));
    expect(line, output).toMatch(/pass -c corsAllowOrigin=https:.*-c corsAllowOrigin='\*' to allow any origin$/);
    expect(existsSync(join(outdir, "Claimtrack-dev-nocors-Data.template.json"))).toBe(false);
  });
});
