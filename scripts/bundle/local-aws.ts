// The AWS the bundles meet outside AWS: dynalite holding the claims table and the local S3 holding the bucket, each
// behind a recording proxy, plus the events S3 (through SQS) and API Gateway deliver — the S3 and SQS shapes
// are the local stack's own. The bundle tests and the cost measurement both run the deployable bundles here.
import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { INGEST_PREFIX } from "../../infra/config.ts";
import { LOCAL_ACCOUNT, LOCAL_REGION, sqsEventOf } from "../../local/queue/sqs-event.ts";
import { notificationFor, notificationMessage, type S3NotificationRecord } from "../../local/s3-notifications.ts";
import { type RunningDynalite, startDynalite } from "../../test/support/dynalite.ts";
import { type RunningLocalS3, startLocalS3 } from "../../test/support/local-s3.ts";
import { type CountingProxy, startCountingProxy } from "./counting-proxy.ts";

export interface LocalAws {
  tableName: string;
  bucket: string;
  dynamo: RunningDynalite;
  s3: RunningLocalS3;
  dynamoRequests: CountingProxy["requests"];
  s3Requests: CountingProxy["requests"];
  /** What a function's environment needs, on top of its own variables, to reach these stand-ins. */
  sdkEnv: Record<string, string>;
  /** Puts an object as an uploader would (not through the proxies) and returns the record S3 would send. */
  upload(key: string, bytes: Uint8Array): Promise<S3NotificationRecord>;
  stop(): Promise<void>;
}

export async function startLocalAws(bucket = "claimtrack-articles"): Promise<LocalAws> {
  const dynamo = await startDynalite();
  const s3 = await startLocalS3({ buckets: [bucket] });
  const dynamoProxy = await startCountingProxy(dynamo.endpoint);
  const s3Proxy = await startCountingProxy(s3.endpoint);
  return {
    tableName: dynamo.tableName,
    bucket,
    dynamo,
    s3,
    dynamoRequests: dynamoProxy.requests,
    s3Requests: s3Proxy.requests,
    sdkEnv: {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      // The local S3 accepts only its own key pair; dynalite accepts any.
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_ENDPOINT_URL_DYNAMODB: dynamoProxy.endpoint,
      AWS_ENDPOINT_URL_S3: s3Proxy.endpoint,
      // Checksums only where required, as the local stack's handlers send them.
      AWS_REQUEST_CHECKSUM_CALCULATION: "WHEN_REQUIRED",
      AWS_RESPONSE_CHECKSUM_VALIDATION: "WHEN_REQUIRED",
    },
    async upload(key, bytes) {
      const put = await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
      const change = { bucket, key, eventName: "ObjectCreated:Put", size: bytes.length, eTag: put.ETag };
      const record = notificationFor(change, INGEST_PREFIX);
      if (!record) throw new Error(`${key} is outside the ingest prefix ${INGEST_PREFIX}`);
      return record;
    },
    async stop() {
      await Promise.all([dynamoProxy.close(), s3Proxy.close()]);
      await Promise.all([dynamo.stop(), s3.stop()]);
    },
  };
}

/** An SQS event as Lambda's event source delivers it: one message per S3 notification, first delivery. */
export function sqsEvent(records: S3NotificationRecord[]) {
  const now = Date.now();
  const messages = records.map((record) => ({
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: notificationMessage(record),
    sentAt: now,
    receiveCount: 1,
    firstReceivedAt: now,
    lastError: null,
  }));
  return sqsEventOf(messages, "claimtrack-ingest");
}

export interface ApiRequest {
  method: string;
  /** The declared route, e.g. "/articles/{id}". */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Bytes (delivered base64-encoded, as API Gateway does for binary media types) or text. */
  body?: Uint8Array | string;
}

/** An API Gateway REST (v1 proxy) event for a declared route. */
export function apiEvent(request: ApiRequest) {
  const { method, resource, pathParameters = {}, query = {}, body } = request;
  const path = resource.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(pathParameters[name] ?? ""));
  const allHeaders = { Accept: "application/json", Host: "api.local", ...request.headers };
  const binary = body instanceof Uint8Array;
  return {
    resource,
    path,
    httpMethod: method,
    headers: allHeaders,
    multiValueHeaders: Object.fromEntries(Object.entries(allHeaders).map(([k, v]) => [k, [v]])),
    queryStringParameters: Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: Object.keys(query).length
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    stageVariables: null,
    requestContext: {
      resourcePath: resource,
      httpMethod: method,
      path: `/v1${path}`,
      stage: "v1",
      requestId: randomUUID(),
      accountId: LOCAL_ACCOUNT,
      apiId: "local",
      protocol: "HTTP/1.1",
      requestTimeEpoch: Date.now(),
      identity: { sourceIp: "127.0.0.1", userAgent: "claimtrack-bundle-test" },
    },
    body: body === undefined ? null : binary ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: binary,
  };
}
