// The facts export in the bucket (the FactExports port of the store): one object per tracked fact, written and
// deleted by tracking inside its own crash-safe order of writes (functions/store/dynamo/tracking.ts). An S3 put
// or delete of a fixed key is idempotent, so nothing else is needed: no index, no listing.
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { FactExports } from "../store/fact-store.ts";
import { exportFactKey } from "./export-layout.ts";
import { factExportFileOf } from "./fact-export.ts";

export function createS3FactExports(s3: S3Client, bucket: string): FactExports {
  return {
    async put(fact) {
      const file = factExportFileOf(fact);
      // A gzip file, not a gzip-encoded response: clients must not unpack it on download.
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: file.key, Body: file.body, ContentType: "application/gzip" }),
      );
    },
    async delete(factId) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: exportFactKey(factId) }));
    },
  };
}
