// A local copy of the bucket's claims and facts export, for DuckDB to read as files: each object under
// export/claims/ and export/facts/ is downloaded once (its ETag decides whether it changed) and files whose object is gone are deleted, so the copy
// equals the bucket after every sync. Read through the S3 API, so it works the same for the local stand-in and
// for any external S3 (MinIO, LocalStack, AWS), whatever their storage looks like on disk.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { EXPORT_CLAIMS_PREFIX, EXPORT_FACTS_PREFIX, EXPORT_PREFIX } from "../../functions/export/export-layout.ts";
import { mapLimit } from "../../functions/shared/map-limit.ts";

const MANIFEST = "manifest.json";
const DOWNLOADS_AT_ONCE = 16;

export interface MirrorResult {
  /** The directory holding `published=…/` folders; null when the export has no file. */
  root: string | null;
  /** The directory holding the fact files; null when there is none. */
  factsRoot: string | null;
  files: number;
  downloaded: number;
  removed: number;
}

export async function syncExportMirror(s3: S3Client, bucket: string, directory: string): Promise<MirrorResult> {
  const roots = [EXPORT_CLAIMS_PREFIX, EXPORT_FACTS_PREFIX].map((prefix) =>
    join(directory, prefix.slice(EXPORT_PREFIX.length)),
  );
  const [root, factsRoot] = roots as [string, string];
  const manifestPath = join(directory, MANIFEST);
  const known: Record<string, string> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : {};
  const listed = new Map<string, string>();
  for (const prefix of [EXPORT_CLAIMS_PREFIX, EXPORT_FACTS_PREFIX]) {
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key?.endsWith(".jsonl.gz")) listed.set(object.Key, object.ETag ?? "");
      }
      token = page.NextContinuationToken;
    } while (token);
  }

  const local = (key: string) => join(directory, key.slice(EXPORT_PREFIX.length));
  const changed = [...listed].filter(([key, eTag]) => known[key] !== eTag || !existsSync(local(key)));
  await mapLimit(changed, DOWNLOADS_AT_ONCE, async ([key]) => {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const path = local(key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.part`, await res.Body!.transformToByteArray());
    renameSync(`${path}.part`, path);
  });
  // Every local file without its object goes, whether the manifest knew it or not.
  const wanted = new Set([...listed.keys()].map(local));
  const present = roots.flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).map((p) => join(dir, p)) : [],
  );
  const gone = present.filter((path) => path.endsWith(".jsonl.gz") && !wanted.has(path));
  for (const path of gone) rmSync(path, { force: true });

  mkdirSync(directory, { recursive: true });
  writeFileSync(`${manifestPath}.next`, JSON.stringify(Object.fromEntries(listed)));
  renameSync(`${manifestPath}.next`, manifestPath);
  const holds = (prefix: string) => [...listed.keys()].some((key) => key.startsWith(prefix));
  return {
    root: holds(EXPORT_CLAIMS_PREFIX) ? root : null,
    factsRoot: holds(EXPORT_FACTS_PREFIX) ? factsRoot : null,
    files: listed.size,
    downloaded: changed.length,
    removed: gone.length,
  };
}
