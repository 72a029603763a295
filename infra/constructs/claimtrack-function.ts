// The one place that owns how a claimtrack Lambda is built and run: Node.js 24 on Graviton, an ESM bundle
// made by the local esbuild (never Docker), the AWS SDK bundled in (pinned by our lockfile, not whatever
// the runtime ships), X-Ray tracing, JSON logs into a log group with a retention, and a role of its own
// that can write only to that log group (no AWS-managed policy); callers add the grants their code needs.
import type { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { type ICommandHooks, NodejsFunction, OutputFormat, SourceMapMode } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import {
  BUNDLE_ALIASES,
  BUNDLE_TARGET,
  CREATE_REQUIRE_BANNER,
  HANDLER_ENTRIES,
  type HandlerName,
  PROJECT_ROOT,
  WORKER_ENTRIES,
} from "./bundling.ts";

const BUILD_WORKERS = `${PROJECT_ROOT}infra/constructs/build-workers.ts`;

export interface ClaimtrackFunctionProps {
  handler: HandlerName;
  description: string;
  timeout: Duration;
  memorySize: number;
  environment: Record<string, string>;
  logRetentionDays: number;
  /** What happens to the log group when the stack goes away. */
  logRemovalPolicy: RemovalPolicy;
  /** Caps concurrent executions when set; left unset the function shares the account's pool. */
  reservedConcurrentExecutions?: number;
  /** Files copied into a folder beside the bundle (absolute paths), for code that reads them at run time. */
  files?: { folder: string; paths: string[] };
}

export class ClaimtrackFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ClaimtrackFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: props.logRemovalPolicy,
    });

    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `${props.description} (execution role)`,
    });
    // Only this function's own log group; CreateLogGroup is not needed because the group exists.
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, "Function", {
      entry: `${PROJECT_ROOT}${HANDLER_ENTRIES[props.handler]}`,
      handler: "handler",
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        ...props.environment,
        // Stack traces point into the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: "--enable-source-maps",
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: BUNDLE_TARGET,
        mainFields: ["module", "main"],
        banner: CREATE_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        // Source maps without the embedded sources: stack traces still map, the package stays small.
        sourcesContent: false,
        externalModules: [],
        metafile: false,
        // esbuild runs in the project root, where the alias targets resolve.
        esbuildArgs: { "--alias": Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
        ...bundlingHooks(props),
      },
    });
  }
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * Commands run once esbuild has written the bundle, with the Node.js that runs the synth: the handler's worker
 * entries are bundled beside it, and `files` are copied into their folder.
 */
function bundlingHooks(props: ClaimtrackFunctionProps): { commandHooks?: ICommandHooks } {
  const workers = WORKER_ENTRIES[props.handler];
  const { files } = props;
  if (!workers && !files) return {};
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir, outputDir) => [
        ...(workers ? [[process.execPath, BUILD_WORKERS, props.handler, outputDir].map(quote).join(" ")] : []),
        ...(files
          ? [
              `mkdir -p ${quote(`${outputDir}/${files.folder}`)}`,
              ...files.paths.map((path) => `cp ${quote(path)} ${quote(`${outputDir}/${files.folder}/`)}`),
            ]
          : []),
      ],
    },
  };
}
