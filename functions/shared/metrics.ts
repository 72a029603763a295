// Metrics as CloudWatch embedded metric format (Powertools Metrics): JSON lines on stdout that CloudWatch turns
// into metrics, with no API calls. Code takes the small `MetricSink` interface so tests can pass a recording one
// or a real Metrics whose output they capture; production passes a Metrics built from the environment.
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { IngestEnv } from "./env.ts";

export interface MetricSink {
  addMetric(name: string, unit: "Count" | "Milliseconds" | "Bytes", value: number): void;
  hasStoredMetrics(): boolean;
  /** Writes every stored metric as one EMF document and clears them. */
  publishStoredMetrics(): void;
}

export function createMetrics(
  env: Pick<IngestEnv, "POWERTOOLS_SERVICE_NAME" | "POWERTOOLS_METRICS_NAMESPACE">,
): Metrics {
  return new Metrics({ namespace: env.POWERTOOLS_METRICS_NAMESPACE, serviceName: env.POWERTOOLS_SERVICE_NAME });
}
