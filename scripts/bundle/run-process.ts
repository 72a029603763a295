// Runs a command to completion with exactly the environment given, collecting stdout and stderr together.
import { spawn } from "node:child_process";

export interface ProcessResult {
  code: number | null;
  output: string;
}

export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string> },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let output = "";
    const collect = (d: Buffer) => {
      output += d;
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
