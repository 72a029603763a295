// The AWS SDK clients of a Lambda, built by its entry module (never at module scope of library code, so tests
// build their own). On AWS they take everything from the Lambda environment. For a local stack, the SDK's
// standard endpoint variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3) point them at emulators; an S3
// emulator also needs path-style URLs and checksums only where required.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";

export interface AwsClients {
  dynamo: DynamoDBClient;
  s3: S3Client;
}

export function createAwsClients(source: Record<string, string | undefined> = process.env): AwsClients {
  const localS3 = Boolean(source.AWS_ENDPOINT_URL_S3 ?? source.AWS_ENDPOINT_URL);
  return {
    dynamo: new DynamoDBClient({}),
    s3: new S3Client(
      localS3
        ? {
            forcePathStyle: true,
            requestChecksumCalculation: "WHEN_REQUIRED",
            responseChecksumValidation: "WHEN_REQUIRED",
          }
        : {},
    ),
  };
}
