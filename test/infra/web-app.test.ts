// `-c webApp=true`: web/ in a private bucket that only the CloudFront distribution reads (origin access control),
// a Cognito user pool with hosted sign-in in the data stack, the app's own API taking Cognito tokens while the
// program API keeps IAM, and CORS allowing the app's origin only — all cdk-nag clean (the synth fails otherwise).
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeSynth, HANDLERS_READY, resourceNamed, type Synthesized, synthesize } from "./support/synth.ts";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read field by field
type Props = Record<string, any>;

let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY) s = synthesize({ webApp: true });
});
afterAll(() => s?.cleanup());

const ofType = (template: Synthesized["serviceJson"], type: string) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type);

describeSynth("the web app", () => {
  it("is served from a private bucket through CloudFront with origin access control", () => {
    const [, distribution] = resourceNamed(s.serviceJson, "AWS::CloudFront::Distribution", "WebDistribution");
    const config = distribution.Properties!.DistributionConfig as Props;
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(ofType(s.serviceJson, "AWS::CloudFront::OriginAccessControl")).toHaveLength(1);
    const [bucketId, bucket] = resourceNamed(s.serviceJson, "AWS::S3::Bucket", "WebAssets");
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const policy = ofType(s.serviceJson, "AWS::S3::BucketPolicy").find(
      ([, p]) => JSON.stringify(p.Properties!.Bucket) === JSON.stringify({ Ref: bucketId }),
    )![1];
    const reads = (policy.Properties!.PolicyDocument as { Statement: Props[] }).Statement.filter(
      (st) => st.Effect === "Allow",
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]!.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
    expect(reads[0]!.Action).toBe("s3:GetObject");
    expect(JSON.stringify(reads[0]!.Condition)).toContain("AWS:SourceArn");
  });

  it("deploys web/ with a config.json naming the app's API and its sign-in, every file revalidated", () => {
    const [, deployment] = ofType(s.serviceJson, "Custom::CDKBucketDeployment")[0]!;
    const props = deployment.Properties as Props;
    expect(props.SourceObjectKeys).toHaveLength(2);
    expect(props.SystemMetadata).toMatchObject({ "cache-control": "no-cache" });
    expect(props.DistributionPaths).toEqual(["/*"]);
    const markers = JSON.stringify(props.SourceMarkers);
    // The values only known at deploy time: the app API's id, the client id, the distribution's domain.
    for (const part of ["WebApi", "WebClient", "WebDistribution"]) expect(markers).toContain(part);
  });

  it("has a Cognito user pool with hosted sign-in, no self sign-up and a required second factor", () => {
    const [, pool] = resourceNamed(s.dataJson, "AWS::Cognito::UserPool", "SignInUsers");
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
    });
    expect(pool.DeletionPolicy).toBe("Retain");
    expect(ofType(s.dataJson, "AWS::Cognito::UserPoolDomain")).toHaveLength(1);
    const [, client] = resourceNamed(s.serviceJson, "AWS::Cognito::UserPoolClient", "WebClient");
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
    });
    expect(JSON.stringify(client.Properties!.CallbackURLs)).toContain("WebDistribution");
  });

  it("gives the app an API that takes Cognito tokens, while the program API keeps IAM", () => {
    const [authorizerId, authorizer] = resourceNamed(s.serviceJson, "AWS::ApiGateway::Authorizer", "WebApiSignedIn");
    expect(authorizer.Properties!.Type).toBe("COGNITO_USER_POOLS");
    const methods = ofType(s.serviceJson, "AWS::ApiGateway::Method").filter(
      ([, m]) => m.Properties!.HttpMethod !== "OPTIONS",
    );
    const [appApiId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "WebApi");
    const [programApiId] = resourceNamed(s.serviceJson, "AWS::ApiGateway::RestApi", "Api");
    const of = (apiId: string) =>
      methods.filter(([, m]) => JSON.stringify(m.Properties!.RestApiId) === JSON.stringify({ Ref: apiId }));
    const isDocs = (id: string) => /openapijson|docs/.test(id);
    for (const [id, m] of of(appApiId).filter(([id]) => !isDocs(id))) {
      expect(m.Properties!.AuthorizationType, id).toBe("COGNITO_USER_POOLS");
      expect(m.Properties!.AuthorizerId, id).toEqual({ Ref: authorizerId });
    }
    expect(of(appApiId).length).toBeGreaterThan(10);
    for (const [id, m] of of(programApiId).filter(([id]) => !isDocs(id))) {
      expect(m.Properties!.AuthorizationType, id).toBe("AWS_IAM");
    }
  });

  it("lets browsers call the API from the app's origin only", () => {
    const [, fn] = resourceNamed(s.serviceJson, "AWS::Lambda::Function", "ApiFunction");
    const origin = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables.CORS_ALLOW_ORIGIN;
    expect(JSON.stringify(origin)).toContain("WebDistribution");
    expect(JSON.stringify(origin)).toContain("DomainName");
    const preflights = ofType(s.serviceJson, "AWS::ApiGateway::Method").filter(
      ([, m]) => m.Properties!.HttpMethod === "OPTIONS",
    );
    expect(preflights.length).toBeGreaterThan(20);
    for (const [id, m] of preflights) {
      const headers = JSON.stringify(m.Properties!.Integration);
      expect(headers, id).toContain("WebDistribution");
      expect(headers, id).not.toContain("'*'");
    }
  });
});
