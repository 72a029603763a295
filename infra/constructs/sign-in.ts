// Who may use the web app: a Cognito user pool with Cognito's hosted sign-in pages. It holds people's accounts,
// so it lives in the data stack and is retained outside development stages. Accounts are created by an
// administrator (no self sign-up: the app reads a newsroom's own material), sign in by e-mail, and need a
// one-time code from an authenticator app as second factor.
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import type { DeployConfig } from "../config.ts";
import { acknowledge } from "../nag.ts";

export class SignIn extends Construct {
  readonly userPool: cognito.UserPool;
  /** The hosted sign-in pages: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: { config: DeployConfig }) {
    super(scope, id);
    const { config } = props;
    this.userPool = new cognito.UserPool(this, "Users", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: !config.isDevelopment,
      removalPolicy: config.isDevelopment ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    // Prefixes are global per region: the account id keeps every account's stages apart.
    this.domain = this.userPool.addDomain("HostedSignIn", {
      cognitoDomain: { domainPrefix: `claimtrack-${config.stage}-${Stack.of(this).account}` },
    });
    for (const finding of ["AwsSolutions-COG3", "AwsSolutions-COG8"]) {
      acknowledge(
        this.userPool,
        finding,
        "Threat protection (the Plus feature plan, about $0.02 per monthly active user) is not enabled: accounts are created by an administrator only, need a 12-character password and a TOTP second factor, and the app only reads claims.",
      );
    }
  }
}
