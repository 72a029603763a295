// Stands in for @aws-sdk/credential-provider-node inside the Lambda bundles (an esbuild alias, see
// infra/constructs/bundling.ts). Lambda hands a function its role's credentials in AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, so the rest of the default chain (SSO, STS web identity, INI
// profiles, process, container and instance metadata, with the nested STS/SSO clients they carry: ~100 KB)
// could never be reached there. Run from source (npm start, tests), the SDK's full chain is used as usual.
import { fromEnv } from "@aws-sdk/credential-provider-env";

/** The export of @aws-sdk/credential-provider-node that the SDK clients and aws-credentials.ts import. */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
