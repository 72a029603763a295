// Builds the whole CDK app: the config from context, the two stacks, and cdk-nag's AwsSolutions checks,
// which run on every synth and fail it on any finding that is not acknowledged with a reason.
// `infra/app.ts` calls this for `cdk synth`/`cdk deploy`; the tests call it with their own context and outdir.
import { readFileSync } from "node:fs";
import { App, type AppProps, Tags, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { type DeployConfig, readDeployConfig } from "./config.ts";
import { DataStack } from "./data-stack.ts";
import { ServiceStack } from "./service-stack.ts";

export interface ClaimtrackApp {
  app: App;
  config: DeployConfig;
  data: DataStack;
  service: ServiceStack;
}

/**
 * cdk.json's context (feature flags included), which the CLI passes to `cdk synth` itself; applying it here
 * too means the tests synthesize exactly what `cdk synth` does.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL("../cdk.json", import.meta.url), "utf8")) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export function buildApp(props: AppProps = {}): ClaimtrackApp {
  const app = new App({
    analyticsReporting: false,
    ...props,
    context: { ...cdkJsonContext(), ...props.context },
  });
  const config = readDeployConfig((key) => app.node.tryGetContext(key));
  // Account and region come from the CLI's profile when there is one; without credentials the stacks are
  // environment-agnostic, which is what lets `cdk synth` run offline.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `Claimtrack-${config.stage}`;

  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    config,
    description: `claimtrack ${config.stage}: article bucket, claims table, ingest queues (stateful)`,
    terminationProtection: !config.isDevelopment,
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    env,
    config,
    data,
    description: `claimtrack ${config.stage}: functions, REST API and alarms (stateless)`,
  });
  Tags.of(app).add("application", "claimtrack");
  Tags.of(app).add("stage", config.stage);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data, service };
}
