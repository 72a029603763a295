// Runs the local stack the way a person does — the command `npm start` runs, in its own process — and stops it
// with a signal, as Ctrl-C would. Ready means endpoints.json names this process.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Endpoints, endpointsPath, readEndpoints } from "../../../local/endpoints.ts";
import { ROOT } from "./articles.ts";

export interface StackProcess {
  endpoints: Endpoints;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `npm start`'s command line, from package.json, run with this Node.js. */
function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const [program, ...args] = pkg.scripts.start!.split(/\s+/);
  if (program !== "node") throw new Error(`npm start runs ${program}, not node`);
  return args;
}

export async function startStack(home: string, env: Record<string, string> = {}): Promise<StackProcess> {
  // Nothing from the developer's own AWS or claimtrack settings leaks in.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|CLAIMTRACK_|POWERTOOLS_)/.test(name)),
  );
  const child: ChildProcess = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: { ...inherited, CLAIMTRACK_HOME: home, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => {
    output += d;
  });
  child.stderr!.on("data", (d: Buffer) => {
    output += d;
  });
  // "close", not "exit": only then has all of the child's output come through the pipes.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the stack exited with ${exitCode} before it was ready:\n${output}`);
    // The banner too: it is printed after the endpoints file is written and reaches us through a pipe.
    if (existsSync(endpointsPath(home)) && output.includes("claimtrack is running.")) {
      const endpoints = readEndpoints(home);
      if (endpoints.pid === child.pid) {
        return {
          endpoints,
          output: () => output,
          async stop(signal = "SIGTERM") {
            if (exitCode === undefined) child.kill(signal);
            return exited;
          },
        };
      }
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the stack was not ready after 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
