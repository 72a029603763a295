// What a person uses against the running stack: HTTP to the API, the AWS SDK and the AWS CLI to the bucket.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { ArticleRecord, ArticleSummary, ClaimRecord } from "../../../functions/schemas/records.ts";
import type { Endpoints } from "../../../local/endpoints.ts";

const run = promisify(execFile);

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export function apiClient(endpoints: Endpoints) {
  const call = async <T>(
    method: string,
    path: string,
    body?: string | Uint8Array,
    contentType?: string,
  ): Promise<Answer<T>> => {
    const res = await fetch(`${endpoints.api}${path}`, {
      method,
      ...(body === undefined ? {} : { body }),
      headers: contentType ? { "content-type": contentType } : {},
    });
    const text = await res.text();
    const type = res.headers.get("content-type") ?? "";
    return {
      status: res.status,
      headers: res.headers,
      body: (type.includes("json") && text ? JSON.parse(text) : text) as T,
    };
  };
  const api = {
    get: <T>(path: string) => call<T>("GET", path),
    post: <T>(path: string, body: string | Uint8Array, contentType: string) => call<T>("POST", path, body, contentType),
    delete: (path: string) => call<unknown>("DELETE", path),
    /** Every item of a paged list. */
    async all<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const sep = path.includes("?") ? "&" : "?";
        const page: Answer<{ items: T[]; nextCursor: string | null }> = await call(
          "GET",
          `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${JSON.stringify(page.body)}`);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    },
    article: async (id: string) => {
      const res = await call<ArticleRecord>("GET", `/articles/${id}`);
      return res.status === 200 ? res.body : null;
    },
    claimsOf: (id: string) => api.all<ClaimRecord>(`/articles/${id}/claims`),
    articles: () => api.all<ArticleSummary>("/articles"),
    /** Polls until the article exists and is no longer PENDING. */
    async settled(id: string, timeoutMs = 240_000): Promise<ArticleRecord> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const article = await api.article(id);
        if (article && article.status !== "PENDING") return article;
        if (Date.now() > deadline)
          throw new Error(`article ${id} is ${article?.status ?? "missing"} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    /** Polls until the article is gone. */
    async gone(id: string, timeoutMs = 120_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (await api.article(id)) {
        if (Date.now() > deadline) throw new Error(`article ${id} still exists after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
  };
  return api;
}

/** The SDK client a developer would configure for the local S3 (its key pair, path-style URLs). */
export function s3ClientFor(endpoints: Endpoints): S3Client {
  return new S3Client({
    endpoint: endpoints.s3,
    region: endpoints.region,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export async function putObject(
  s3: S3Client,
  endpoints: Endpoints,
  key: string,
  body: Uint8Array,
  contentType?: string,
) {
  return s3.send(new PutObjectCommand({ Bucket: endpoints.bucket, Key: key, Body: body, ContentType: contentType }));
}

/** A multipart upload in 5 MB parts, as tools do for large files; returns the object's ETag. */
export async function putMultipart(s3: S3Client, endpoints: Endpoints, key: string, body: Buffer): Promise<string> {
  const Bucket = endpoints.bucket;
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: "text/plain" }));
  const partSize = 5 * 1024 * 1024;
  const parts: { ETag: string; PartNumber: number }[] = [];
  for (let offset = 0, n = 1; offset < body.length; offset += partSize, n++) {
    const part = await s3.send(
      new UploadPartCommand({
        Bucket,
        Key: key,
        UploadId,
        PartNumber: n,
        Body: body.subarray(offset, offset + partSize),
      }),
    );
    parts.push({ ETag: part.ETag!, PartNumber: n });
  }
  const done = await s3.send(
    new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }),
  );
  return done.ETag ?? "";
}

/**
 * The AWS CLI to use: Debian's v2 at /usr/bin/aws (CI installs it), else whatever `aws` is on PATH if it runs;
 * null when there is none.
 */
export async function findAwsCli(): Promise<string | null> {
  for (const candidate of ["/usr/bin/aws", "aws"]) {
    if (candidate.startsWith("/") && !existsSync(candidate)) continue;
    try {
      await run(candidate, ["--version"], { timeout: 30_000 });
      return candidate;
    } catch {
      // not there, or broken: try the next
    }
  }
  return null;
}

/** `aws s3 cp FILE s3://bucket/key` against the local S3, with the keys and flags the banner prints. */
export async function awsS3Cp(cli: string, endpoints: Endpoints, file: string, key: string): Promise<string> {
  const { stdout } = await run(
    cli,
    ["--endpoint-url", endpoints.s3, "s3", "cp", "--only-show-errors", file, `s3://${endpoints.bucket}/${key}`],
    {
      timeout: 120_000,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        AWS_REGION: endpoints.region,
        AWS_DEFAULT_REGION: endpoints.region,
        AWS_EC2_METADATA_DISABLED: "true",
      },
    },
  );
  return stdout;
}
