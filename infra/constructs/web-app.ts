// The web app deployed: web/ in a private bucket behind CloudFront (origin access control: only the distribution
// may read it), its own REST API whose callers present a Cognito token, and the app client people sign in through
// on Cognito's hosted pages. `app/config.json` is written at deploy time with the API's URL and the sign-in
// settings; locally the same file says "same origin, no sign-in".
import { Aws, Duration, Fn, Lazy, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { DeployConfig } from "../config.ts";
import { acknowledge, acknowledgeWildcardResource } from "../nag.ts";
import { API_STAGE_NAME, ClaimsApi } from "./claims-api.ts";
import type { SignIn } from "./sign-in.ts";

export const WEB_DIR = new URL("../../web/", import.meta.url).pathname;

export interface WebAppProps {
  config: DeployConfig;
  /** The API function; the app's API is a second front door to it. */
  handler: lambda.IFunction;
  signIn: SignIn;
  accessLogBucket: s3.IBucket;
  logRemovalPolicy: RemovalPolicy;
  /** The program API, whose account-level logging role this API's stage needs first. */
  programApi: ClaimsApi;
}

export class WebApp extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution>.cloudfront.net`: the one origin CORS allows. */
  readonly origin: string;
  readonly api: ClaimsApi;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    const { config, signIn } = props;

    this.bucket = new s3.Bucket(this, "Assets", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: "web/",
      // Only deployable files: the deployment empties it when it is deleted, so it can go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The app's API, addressed without its stage resource so the distribution's policy does not wait for it.
    const apiHost = (api: ClaimsApi) => `${api.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    const signInUrl = signIn.domain.baseUrl();
    const headers = (appApi: ClaimsApi) =>
      new cloudfront.ResponseHeadersPolicy(this, "Headers", {
        comment: "claimtrack web app: CSP, HSTS, nosniff, no framing",
        securityHeadersBehavior: {
          contentSecurityPolicy: {
            override: true,
            contentSecurityPolicy: Fn.join("", [
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ",
              `connect-src 'self' https://${apiHost(appApi)} ${signInUrl}; `,
              `frame-ancestors 'none'; base-uri 'self'; form-action 'self' ${signInUrl}`,
            ]),
          },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        },
      });

    // The API and the distribution name each other (CSP and CORS); the API's CORS origin is a lazy string
    // filled in once the distribution exists. Neither resource depends on the other's deployment.
    this.api = new ClaimsApi(this, "Api", {
      handler: props.handler,
      config,
      logRemovalPolicy: props.logRemovalPolicy,
      userPool: signIn.userPool,
      corsAllowOrigin: Lazy.string({ produce: () => this.origin }),
      cloudWatchRole: false,
    });
    const account = props.programApi.api.node.tryFindChild("Account");
    if (account) this.api.api.deploymentStage.node.addDependency(account);

    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: `claimtrack ${config.stage} web app`,
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers(this.api),
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    this.client = new cognito.UserPoolClient(this, "Client", {
      userPool: signIn.userPool,
      generateSecret: false,
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${this.origin}/`],
        logoutUrls: [`${this.origin}/`],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });

    new s3deploy.BucketDeployment(this, "Files", {
      sources: [
        s3deploy.Source.asset(WEB_DIR, { exclude: ["app/config.json"] }),
        s3deploy.Source.jsonData("app/config.json", {
          apiUrl: `https://${apiHost(this.api)}/${API_STAGE_NAME}`,
          auth: { signInUrl, clientId: this.client.userPoolClientId, redirectUri: `${this.origin}/` },
        }),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      // File names carry no content hash: every load revalidates (an unchanged file is a 304).
      cacheControl: [s3deploy.CacheControl.noCache()],
      retainOnDelete: false,
      memoryLimit: 256,
    });

    this.acknowledgeFindings();
  }

  private acknowledgeFindings(): void {
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "No geo restriction: the app is for a newsroom's staff wherever they report from; sign-in decides who may read.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR2",
      "No WAF web ACL: the distribution serves only static files (about 25 KB) and every data request goes to an API that requires a Cognito token and is throttled per stage; a web ACL would cost more than the site.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR3",
      "No CloudFront access logs: standard logging needs a bucket with ACLs enabled, which the project's buckets refuse (BucketOwnerEnforced); the app's API requests are logged by API Gateway.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR4",
      "The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer TLS policy; set a custom domain with its own certificate and TLS_V1_2_2021 to require TLS 1.2.",
    );
    this.acknowledgeDeploymentFunction();
  }

  /** CDK's BucketDeployment runs one Lambda per stack (a singleton) that copies the files at deploy time. */
  private acknowledgeDeploymentFunction(): void {
    const stack = Stack.of(this);
    const provider = stack.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
    if (!provider) return;
    const why =
      "CDK's BucketDeployment provider runs only during deployments, copying web/ from the CDK asset bucket into the app's bucket and invalidating the distribution; CDK generates its role";
    acknowledge(
      provider,
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      `${why}, with the basic execution policy for its logs.`,
    );
    for (const action of ["s3:GetBucket*", "s3:GetObject*", "s3:List*", "s3:Abort*", "s3:DeleteObject*"]) {
      acknowledge(
        provider,
        `AwsSolutions-IAM5[Action::${action}]`,
        `${why}: ${action} is CDK's grant to read the asset and sync the app's bucket.`,
      );
    }
    acknowledge(
      provider,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]",
      `${why}: it reads the zipped web/ from the bootstrap asset bucket, under content-hashed keys.`,
    );
    acknowledgeWildcardResource(
      provider,
      this.bucket.arnForObjects("*"),
      `${why}: it writes every file of the app's own bucket.`,
    );
    acknowledge(
      provider,
      "AwsSolutions-IAM5[Resource::*]",
      `${why}: cloudfront:CreateInvalidation and GetInvalidation, which CDK grants on * for the distribution it invalidates.`,
    );
    acknowledge(
      provider,
      "AwsSolutions-L1",
      `${why}; its runtime is CDK's choice and moves with aws-cdk-lib upgrades.`,
    );
  }
}
