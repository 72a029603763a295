// The public face: an API Gateway REST API in front of the single API function. Every route is declared
// (no catch-all proxy), so API Gateway itself rejects unknown paths, missing path parameters and bodies
// without a content type before the function runs. IAM (SigV4) authorization is the default; with the
// `apiKeys` switch callers present an API key instead, metered and throttled by a usage plan. The API's
// own documentation (/docs, /openapi.json) is public. The web app gets an instance of its own whose callers
// present a Cognito user pool token instead (see web-app.ts).
import { STATUS_CODES } from "node:http";
import { Duration, RemovalPolicy, Size } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigateway";
import type * as cognito from "aws-cdk-lib/aws-cognito";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import * as z from "zod";
import { ArticleContentType, ArticleSubmission, UploadRequest } from "../../functions/schemas/api.ts";
import type { DeployConfig } from "../config.ts";
import { acknowledge } from "../nag.ts";

export const API_STAGE_NAME = "v1";

/** A route: the HTTP method, its path under the API root, and whether it needs a caller identity. */
interface Route {
  method: "GET" | "POST" | "DELETE";
  path: string;
  public?: boolean;
  /** The zod schema of an `application/json` body: API Gateway checks bodies against it before the function. */
  jsonBody?: { name: string; schema: z.ZodType };
}

export const ROUTES: readonly Route[] = [
  { method: "GET", path: "articles" },
  { method: "POST", path: "articles", jsonBody: { name: "ArticleSubmission", schema: ArticleSubmission } },
  { method: "GET", path: "articles/{id}" },
  { method: "DELETE", path: "articles/{id}" },
  { method: "GET", path: "articles/{id}/claims" },
  { method: "GET", path: "articles/{id}/text" },
  { method: "GET", path: "articles/{id}/versions" },
  { method: "POST", path: "uploads", jsonBody: { name: "UploadRequest", schema: UploadRequest } },
  { method: "GET", path: "claims" },
  { method: "GET", path: "claims/search" },
  { method: "GET", path: "claims/{id}" },
  { method: "GET", path: "claims/{id}/related" },
  { method: "GET", path: "facts" },
  { method: "GET", path: "facts/{id}" },
  { method: "GET", path: "speakers" },
  { method: "GET", path: "speakers/{name}/claims" },
  { method: "GET", path: "openapi.json", public: true },
  { method: "GET", path: "docs", public: true },
  { method: "GET", path: "docs/{file}", public: true },
];

export interface ClaimsApiProps {
  handler: lambda.IFunction;
  config: DeployConfig;
  logRemovalPolicy: RemovalPolicy;
  /** The browser origin CORS allows (`*`: any). */
  corsAllowOrigin: string;
  /** Callers sign in to this user pool and send its ID token, instead of IAM or API keys. */
  userPool?: cognito.IUserPool;
  /** The account's API Gateway logging role is set up by one API only (default true); others depend on it. */
  cloudWatchRole?: boolean;
}

export class ClaimsApi extends Construct {
  readonly api: apigw.RestApi;
  readonly accessLogs: logs.LogGroup;
  readonly apiKey: apigw.IApiKey | undefined;

  constructor(scope: Construct, id: string, props: ClaimsApiProps) {
    super(scope, id);
    const { config, userPool, corsAllowOrigin } = props;

    this.accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: props.logRemovalPolicy,
    });

    const protectedMethod: apigw.MethodOptions = userPool
      ? {
          authorizationType: apigw.AuthorizationType.COGNITO,
          authorizer: new apigw.CognitoUserPoolsAuthorizer(this, "SignedIn", { cognitoUserPools: [userPool] }),
        }
      : config.apiKeys
        ? { authorizationType: apigw.AuthorizationType.NONE, apiKeyRequired: true }
        : { authorizationType: apigw.AuthorizationType.IAM };

    this.api = new apigw.RestApi(this, "Api", {
      description: `claimtrack ${config.stage}: articles in, attributed claims out`,
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Execution logging needs the account-level API Gateway logging role; keep it when this stack goes,
      // since every other REST API in the account and region uses the same one.
      ...(props.cloudWatchRole === false
        ? { cloudWatchRole: false }
        : { cloudWatchRole: true, cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN }),
      minCompressionSize: Size.kibibytes(1),
      binaryMediaTypes: BINARY_ARTICLE_TYPES,
      defaultMethodOptions: protectedMethod,
      defaultCorsPreflightOptions: {
        allowOrigins: [corsAllowOrigin],
        allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
        allowHeaders: apigw.Cors.DEFAULT_HEADERS,
        maxAge: Duration.hours(1),
      },
      deployOptions: {
        stageName: API_STAGE_NAME,
        tracingEnabled: true,
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: false,
        throttlingRateLimit: config.throttleRateLimit,
        throttlingBurstLimit: config.throttleBurstLimit,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
      },
    });

    const validator = this.api.addRequestValidator("Validator", {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    // API Gateway may invoke the function for the declared methods and paths only (one resource-policy statement
    // each, on the deployed stage; no test-invoke statements, which would double the function's policy).
    const integration = new apigw.LambdaIntegration(props.handler, {
      scopePermissionToMethod: true,
      allowTestInvoke: false,
    });

    for (const route of ROUTES) {
      const resource = this.api.root.resourceForPath(route.path);
      resource.addMethod(route.method, integration, {
        ...(route.public ? { authorizationType: apigw.AuthorizationType.NONE, apiKeyRequired: false } : {}),
        requestValidator: validator,
        requestParameters: requestParametersFor(route),
        ...(route.jsonBody ? { requestModels: { "application/json": this.modelFor(route.jsonBody) } } : {}),
      });
    }
    this.addProblemResponses(corsAllowOrigin);

    this.apiKey = config.apiKeys && !userPool ? this.addUsagePlan(config) : undefined;
    this.acknowledgeFindings(config, userPool !== undefined);
  }

  /** An API Gateway model generated from the zod schema the function validates the same body with. */
  private modelFor(body: { name: string; schema: z.ZodType }): apigw.Model {
    return this.api.addModel(body.name, {
      modelName: body.name,
      contentType: "application/json",
      schema: requestBodyJsonSchema(body.schema) as apigw.JsonSchema,
    });
  }

  private addUsagePlan(config: DeployConfig): apigw.IApiKey {
    const plan = this.api.addUsagePlan("UsagePlan", {
      description: "claimtrack API key callers",
      throttle: { rateLimit: config.throttleRateLimit, burstLimit: config.throttleBurstLimit },
      apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
    });
    const key = this.api.addApiKey("ApiKey", { description: `claimtrack ${config.stage} default key` });
    plan.addApiKey(key);
    return key;
  }

  /**
   * Errors raised by API Gateway itself (validation, authorization, throttling, unknown routes) answer in the
   * same RFC 9457 problem+json shape as the function's own errors, with CORS headers so browsers can read them.
   */
  private addProblemResponses(corsAllowOrigin: string): void {
    const responseHeaders = {
      "Access-Control-Allow-Origin": `'${corsAllowOrigin}'`,
      "Content-Type": "'application/problem+json'",
    };
    for (const [type, status] of GATEWAY_PROBLEMS) {
      this.api.addGatewayResponse(type.responseType, {
        type,
        responseHeaders,
        // The catch-alls answer with the status their body states; every known type has its own entry above them.
        ...(type === apigw.ResponseType.DEFAULT_4XX || type === apigw.ResponseType.DEFAULT_5XX
          ? { statusCode: String(status) }
          : {}),
        templates: { "application/json": problemTemplate(status, type === apigw.ResponseType.BAD_REQUEST_BODY) },
      });
    }
  }

  private acknowledgeFindings(config: DeployConfig, cognito: boolean): void {
    const publicResources = ROUTES.filter((r) => r.public).map((r) => this.api.root.resourceForPath(r.path));
    // With a user pool every data route has a Cognito authorizer; only the public docs lack one.
    for (const scope of cognito ? publicResources : [this.api]) {
      acknowledge(
        scope,
        "AwsSolutions-COG4",
        cognito
          ? "The API's own documentation (OpenAPI document, docs page and its files) is public by design: it holds no article or claim data, and every data route of this API requires a Cognito token."
          : config.apiKeys
            ? "Callers are machines (newsroom and fact-checking pipelines) holding API keys issued through the usage plan; people who sign in use the web app's API, which takes Cognito tokens, so a user pool here would add nothing."
            : "Callers are AWS principals (newsroom and fact-checking pipelines) authorized by IAM SigV4 and the deployer's IAM policies; people who sign in use the web app's API, which takes Cognito tokens, so a user pool here would add nothing.",
      );
    }
    acknowledge(
      this.api,
      "AwsSolutions-APIG3",
      "No WAF web ACL: a web ACL costs about $5 a month plus $1 per rule at rest, and every data route already requires a signed (IAM) or keyed request and is throttled per stage; add one in front for a public deployment.",
    );
    for (const resource of publicResources) {
      acknowledge(
        resource,
        "AwsSolutions-APIG4",
        "The API's own documentation (OpenAPI document, docs page and its files) is public by design: it holds no article or claim data and clients need it before they can sign requests.",
      );
    }
    if (config.apiKeys && !cognito) {
      acknowledge(
        this.api,
        "AwsSolutions-APIG4",
        "The deployer chose apiKeys=true: every data route requires an API key registered in the usage plan, which identifies and throttles each caller; the default (IAM SigV4) is used when the switch is off.",
      );
    }
    const cloudWatchRole = this.api.node.tryFindChild("CloudWatchRole");
    if (cloudWatchRole) {
      acknowledge(
        cloudWatchRole,
        "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
        "The account-level API Gateway logging role must be able to write every API's execution and access logs; AWS documents this managed policy for it, and only apigateway.amazonaws.com can assume the role.",
      );
    }
  }
}

/**
 * Raw article files (`POST /articles` with a file body) reach the function byte for byte, base64-encoded, so
 * an article in windows-1252 or with a BOM is read as written instead of being forced through UTF-8. JSON is
 * UTF-8 by definition and stays text, so API Gateway can check it against its model.
 */
export const BINARY_ARTICLE_TYPES = ArticleContentType.options.filter((type) => type !== "application/json");

/**
 * Every response type API Gateway has, with the status it answers (AWS's table of gateway response types). The
 * catch-alls come last: with every other type listed they only meet a type API Gateway adds later, and answer
 * it with their own status.
 */
export const GATEWAY_PROBLEMS: [apigw.ResponseType, number][] = [
  [apigw.ResponseType.BAD_REQUEST_BODY, 400],
  [apigw.ResponseType.BAD_REQUEST_PARAMETERS, 400],
  [apigw.ResponseType.UNAUTHORIZED, 401],
  [apigw.ResponseType.ACCESS_DENIED, 403],
  [apigw.ResponseType.EXPIRED_TOKEN, 403],
  [apigw.ResponseType.INVALID_API_KEY, 403],
  [apigw.ResponseType.INVALID_SIGNATURE, 403],
  // Also what an undeclared path or method gets.
  [apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, 403],
  [apigw.ResponseType.WAF_FILTERED, 403],
  [apigw.ResponseType.RESOURCE_NOT_FOUND, 404],
  [apigw.ResponseType.REQUEST_TOO_LARGE, 413],
  [apigw.ResponseType.UNSUPPORTED_MEDIA_TYPE, 415],
  [apigw.ResponseType.QUOTA_EXCEEDED, 429],
  [apigw.ResponseType.THROTTLED, 429],
  [apigw.ResponseType.API_CONFIGURATION_ERROR, 500],
  [apigw.ResponseType.AUTHORIZER_CONFIGURATION_ERROR, 500],
  [apigw.ResponseType.AUTHORIZER_FAILURE, 500],
  [apigw.ResponseType.INTEGRATION_FAILURE, 504],
  [apigw.ResponseType.INTEGRATION_TIMEOUT, 504],
  [apigw.ResponseType.DEFAULT_4XX, 400],
  [apigw.ResponseType.DEFAULT_5XX, 500],
];

/**
 * A value of API Gateway's `$context` as the content of a JSON string. `$util.escapeJavaScript` escapes quotes,
 * backslashes, control and non-ASCII characters, but also turns `'` into `\'`, which JSON does not allow: AWS
 * documents undoing that with `.replaceAll("\\'","'")` (a Java regex: a backslash, then a quote).
 */
const jsonString = (variable: string) => `"$util.escapeJavaScript($context.${variable}).replaceAll("\\\\'","'")"`;

/**
 * The problem+json body of a gateway response. Validation failures say what failed (`validationErrorString`);
 * the rest carry API Gateway's own message.
 */
export function problemTemplate(status: number, validation: boolean): string {
  const detail = jsonString(validation ? "error.validationErrorString" : "error.message");
  const title = STATUS_CODES[status] ?? "Error";
  return `{"type":"about:blank","title":${JSON.stringify(title)},"status":${status},"detail":${detail},"instance":${jsonString("path")},"requestId":${jsonString("requestId")}}`;
}

/**
 * A body schema as API Gateway reads it (JSON Schema draft 4). `io: "input"` describes what a client sends
 * (before defaults and transforms); checks zod runs in code (refinements) are left to the function.
 */
export function requestBodyJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-4", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

/** Path parameters are required; POST bodies must declare their type so the function can parse them. */
function requestParametersFor(route: Route): Record<string, boolean> {
  const parameters: Record<string, boolean> = {};
  for (const match of route.path.matchAll(/\{(\w+)\}/g)) parameters[`method.request.path.${match[1]}`] = true;
  if (route.method === "POST") parameters["method.request.header.Content-Type"] = true;
  return parameters;
}
