// The shared helpers other functions reuse: environment validation and S3 object metadata encoding.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiEnv, EnvError, loadEnv } from "../../functions/shared/env.ts";
import {
  decodeHeaderValue,
  encodeHeaderValue,
  fromObjectMetadata,
  toObjectMetadata,
} from "../../functions/shared/object-metadata.ts";

describe("loadEnv", () => {
  it("applies the documented defaults", () => {
    const env = { TABLE_NAME: "t", BUCKET_NAME: "bucket", POWERTOOLS_LOG_LEVEL: "debug", AWS_REGION: "eu-west-1" };
    expect(loadEnv(ApiEnv, env)).toEqual({
      TABLE_NAME: "t",
      BUCKET_NAME: "bucket",
      AWS_REGION: "eu-west-1",
      INGEST_PREFIX: "incoming/",
      MAX_ARTICLE_BYTES: 5_242_880,
      CORS_ALLOW_ORIGIN: "*",
      POWERTOOLS_SERVICE_NAME: "claimtrack",
      POWERTOOLS_LOG_LEVEL: "DEBUG",
    });
  });

  it("names every bad variable in one error, treating empty values as unset", () => {
    expect(() => loadEnv(ApiEnv, { TABLE_NAME: "", BUCKET_NAME: "b", MAX_ARTICLE_BYTES: "-1" })).toThrow(EnvError);
    expect(() => loadEnv(ApiEnv, { TABLE_NAME: "", BUCKET_NAME: "b", MAX_ARTICLE_BYTES: "-1" })).toThrow(
      /TABLE_NAME: .*; BUCKET_NAME: .*; MAX_ARTICLE_BYTES: .*; AWS_REGION: /,
    );
    expect(() => loadEnv(ApiEnv, { TABLE_NAME: "t", BUCKET_NAME: "bucket", AWS_REGION: "eu-west-1/x" })).toThrow(
      /AWS_REGION: must be a region name/,
    );
  });
});

describe("object metadata", () => {
  it("round-trips any text through ASCII-only header values", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const clean = text.replace(/[\r\n\t]+/g, " ");
        const encoded = encodeHeaderValue(text);
        expect(encoded).toMatch(/^[\x20-\x7e]*$/);
        expect(decodeHeaderValue(encoded)).toBe(clean);
      }),
    );
  });

  it("maps article metadata to x-amz-meta names and back, as S3 returns them", () => {
    const meta = { title: "Été à Zürich", outlet: "Le Monde", url: "https://x.example/a", publishedAt: "2025-07-07" };
    const headers = toObjectMetadata(meta);
    expect(Object.keys(headers).sort()).toEqual(["outlet", "published-at", "title", "url"]);
    expect(fromObjectMetadata(headers)).toEqual(meta);
    expect(fromObjectMetadata({ title: "=?utf-8?q?=C3=89t=C3=A9?=" })).toEqual({ title: "Été" });
    expect(fromObjectMetadata(undefined)).toEqual({});
  });
});
