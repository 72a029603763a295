// What `npm start` prints once the stack is ready: where everything is and commands to copy and paste.
import type { Endpoints } from "./endpoints.ts";
import { LOCAL_S3_CREDENTIALS } from "./s3-service.ts";

export function banner(e: Endpoints, details: { home: string; handlers: string; localS3: boolean }): string {
  const creds = details.localS3
    ? `AWS_ACCESS_KEY_ID=${LOCAL_S3_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_S3_CREDENTIALS.secretAccessKey} `
    : "";
  const endpointFlag = e.s3 === "aws" ? "" : ` --endpoint-url ${e.s3}`;
  return [
    "",
    "claimtrack is running.",
    "",
    `  web app    ${e.api}/`,
    `  API        ${e.api}`,
    `  API docs   ${e.api}/docs`,
    `  S3         ${e.s3}   bucket ${e.bucket}, uploads under ${e.ingestPrefix}`,
    `  DynamoDB   ${e.dynamodb}   table ${e.table}`,
    `  handlers   ${details.handlers}`,
    `  data       ${details.home}`,
    "",
    "Upload an article with the AWS CLI:",
    `  ${creds}AWS_REGION=${e.region} aws${endpointFlag} s3 cp seeds/dev-01.txt s3://${e.bucket}/${e.ingestPrefix}dev-01.txt`,
    "",
    "Or post one to the API:",
    `  curl -X POST -H 'Content-Type: text/plain' --data-binary @seeds/dev-05.txt ${e.api}/articles`,
    "",
    "List articles and claims:",
    `  curl ${e.api}/articles`,
    `  curl '${e.api}/claims?limit=5'`,
    `  curl ${e.api}/speakers`,
    "",
    `Open the API docs: ${e.api}/docs`,
    "Ctrl-C stops it; the data stays for the next start.",
    "",
  ].join("\n");
}
