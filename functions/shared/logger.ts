// Structured JSON logs (Powertools Logger). Code takes the small `Log` interface so tests can pass a silent or
// recording logger; production passes a Powertools Logger built from the environment.
import { Logger } from "@aws-lambda-powertools/logger";
import type { CommonEnv } from "./env.ts";

export interface Log {
  debug(message: string, ...extra: Record<string, unknown>[]): void;
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

export function createLogger(env: Pick<CommonEnv, "POWERTOOLS_SERVICE_NAME" | "POWERTOOLS_LOG_LEVEL">): Logger {
  return new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.POWERTOOLS_LOG_LEVEL });
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };
