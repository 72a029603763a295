// The AWS connections of a Lambda, built by its entry module (never at module scope of library code, so tests
// build their own). On AWS they take everything from the Lambda environment. For a local stack, the SDK's
// standard endpoint variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3) point them at emulators; an S3
// emulator also needs path-style URLs and checksums only where required.
//
// The API signs its own S3 requests (functions/api/s3/); its connection is built in s3-connection.ts there.
//
// Credentials come from the SDK's default chain (@aws-sdk/credential-provider-node). The Lambda bundles replace
// that package with the environment alone (functions/shared/lambda-credentials.ts), which is where Lambda puts
// the role's credentials; from source, profiles and SSO work as usual.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";

export interface AwsClients {
  dynamo: DynamoDBClient;
  s3: S3Client;
}

/** The ingest function's clients: it streams objects, so it keeps the SDK's S3 client. */
export function createAwsClients(source: Record<string, string | undefined> = process.env): AwsClients {
  return { dynamo: createDynamoClient(), s3: createS3Client(source) };
}

export function createDynamoClient(): DynamoDBClient {
  return new DynamoDBClient({});
}

function createS3Client(source: Record<string, string | undefined>): S3Client {
  return new S3Client(
    s3EndpointOf(source)
      ? {
          forcePathStyle: true,
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
        }
      : {},
  );
}

/** The SDK's endpoint variables: the S3-specific one first, then the one for every service. */
export function s3EndpointOf(source: Record<string, string | undefined>): string | undefined {
  return source.AWS_ENDPOINT_URL_S3 || source.AWS_ENDPOINT_URL || undefined;
}
