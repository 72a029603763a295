// The IAM actions each function's code uses, in one place without CDK imports: service-stack.ts grants exactly
// these, and the API and bundle tests check that what the code really sends stays inside them (a call the role
// does not allow would only fail on AWS, as a 500).

/**
 * DynamoDB actions the ingest function uses on the base table: the store's writes, the consistent reads of an
 * article's own partition it makes to replace claims and keep speaker counts right, and the batch read of the
 * candidate articles' tracking items.
 */
export const INGEST_TABLE_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];

/**
 * DynamoDB actions the ingest function uses on one index, the candidate index (`TRACKKEY#` keys on gsi2): linking
 * an article to stored facts finds the articles that share its names, figures and speakers there.
 */
export const INGEST_INDEX_ACTIONS = ["dynamodb:Query"];
export const INGEST_INDEX = "gsi2";

/** DynamoDB actions the API function uses, on the table and its indexes: reads only. */
export const API_TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query"];

/**
 * S3 actions the API function uses under the ingest prefix: PutObject to store submitted articles (and to sign
 * the upload URLs it hands out, which act with its role), DeleteObject to delete an article's objects.
 */
export const API_OBJECT_ACTIONS = ["s3:DeleteObject", "s3:PutObject"];

/** S3 actions the API function uses under the text prefix (shared/article-text-key.ts): it reads articles' texts. */
export const API_TEXT_ACTIONS = ["s3:GetObject"];

/** S3 actions the ingest function uses under the text prefix: it writes a processed article's text, deletes it with the article. */
export const INGEST_TEXT_ACTIONS = ["s3:DeleteObject", "s3:PutObject"];
