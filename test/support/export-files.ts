// Reads the claims export back from a bucket: the keys under export/, and a file's lines, unzipped and parsed.
import { gunzipSync } from "node:zlib";
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { ClaimExportRow } from "../../functions/export/claim-export.ts";
import { EXPORT_PREFIX } from "../../functions/export/export-layout.ts";

/** Every key under export/ (the claim files and the index), sorted. */
export async function exportKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: EXPORT_PREFIX, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) keys.push(object.Key!);
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

export async function objectBytes(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return res.Body!.transformToByteArray();
}

export async function exportRows(client: S3Client, bucket: string, key: string): Promise<ClaimExportRow[]> {
  const text = gunzipSync(await objectBytes(client, bucket, key)).toString("utf8");
  expectJsonLines(text);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ClaimExportRow);
}

function expectJsonLines(text: string): void {
  if (text !== "" && !text.endsWith("\n")) throw new Error("the export file does not end with a newline");
}
