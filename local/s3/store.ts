// The local S3's buckets and objects on disk, under one data folder that nothing escapes: a bucket is a folder
// named after the bucket (S3's naming rules allow only [a-z0-9.-]), an object is one file named by the SHA-256
// of its key (object-file.ts), written to the bucket's tmp/ folder and renamed into objects/ only when complete.
// A crash leaves at most a temporary file, removed at the next start; the object is either the old one or the
// new one. The keys are held in memory (read from the files at start) for listings. Every creation and every
// removal is reported once to the listeners, in the same tick as the rename or unlink that made it, before the
// request that made it is answered — a removal only by the one request whose unlink succeeded.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ObjectChange } from "../s3-notifications.ts";
import { S3Error } from "./errors.ts";
import { appendMeta, type ObjectMeta, type OpenObject, openObject, readObjectMeta, writeBody } from "./object-file.ts";

/** S3's limit on a key: 1,024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;
/** S3's smallest part of a multipart upload, except the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  lastModified: string;
}

/** What a new object is stored with besides its body. */
export type NewObject = Omit<ObjectMeta, "size" | "etag" | "lastModified">;

interface Bucket {
  name: string;
  created: string;
  objects: Map<string, ListedObject>;
  /** The keys in S3's order (UTF-8 bytes); rebuilt on the next listing after a change. */
  sorted: string[] | null;
}

interface PartMeta {
  partNumber: number;
  size: number;
  etag: string;
  lastModified: string;
  md5: string;
}

type Listener = (change: ObjectChange) => void;

export class LocalS3Store {
  readonly root: string;
  readonly #buckets = new Map<string, Bucket>();
  readonly #listeners = new Set<Listener>();

  private constructor(root: string) {
    this.root = root;
  }

  /** Opens (or creates) the data folder: removes unfinished writes and reads every object's metadata. */
  static async open(root: string): Promise<LocalS3Store> {
    mkdirSync(root, { recursive: true });
    const store = new LocalS3Store(root);
    for (const name of readdirSync(root)) {
      if (!validBucketName(name)) continue;
      if (!existsSync(join(root, name, "bucket.json"))) {
        // A bucket whose creation was cut short holds at most these; anything else was written by something
        // else, and serving the folder as an empty bucket would report every object in it as gone.
        const foreign = safeReaddir(join(root, name)).filter((entry) => entry !== "tmp" && entry !== "objects");
        if (foreign.length > 0) {
          throw new Error(
            `${join(root, name)} holds files that are not the local S3's (no bucket.json): move it out of ${root}`,
          );
        }
        continue;
      }
      const { created } = JSON.parse(await readFile(join(root, name, "bucket.json"), "utf8")) as { created: string };
      const bucket: Bucket = { name, created, objects: new Map(), sorted: null };
      store.#buckets.set(name, bucket);
      const dir = join(root, name);
      rmSync(join(dir, "tmp"), { recursive: true, force: true });
      mkdirSync(join(dir, "tmp"), { recursive: true });
      for (const upload of safeReaddir(join(dir, "uploads"))) {
        if (!existsSync(join(dir, "uploads", upload, "upload.json"))) {
          rmSync(join(dir, "uploads", upload), { recursive: true, force: true });
        }
      }
      for (const shard of safeReaddir(join(dir, "objects"))) {
        for (const file of safeReaddir(join(dir, "objects", shard))) {
          const path = join(dir, "objects", shard, file);
          try {
            const meta = await readObjectMeta<ObjectMeta>(path);
            bucket.objects.set(meta.key, listed(meta));
          } catch (err) {
            // Only a damaged disk or a hand edit gets here (objects appear by rename, whole): set the file aside
            // and serve the rest rather than refuse to start.
            mkdirSync(join(dir, "damaged"), { recursive: true });
            renameSync(path, join(dir, "damaged", file));
            console.warn(
              `local S3: ${path} is unreadable (${(err as Error).message}); moved to ${join(dir, "damaged")}`,
            );
          }
        }
      }
    }
    return store;
  }

  /** Calls `listener` for every change from now on; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  listBuckets(): { name: string; created: string }[] {
    return [...this.#buckets.values()]
      .map(({ name, created }) => ({ name, created }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  hasBucket(name: string): boolean {
    return this.#buckets.has(name);
  }

  /** Creates a bucket; false when it exists already. */
  createBucket(name: string): boolean {
    if (!validBucketName(name)) {
      throw new S3Error("InvalidBucketName", "The specified bucket is not valid.", { BucketName: name });
    }
    if (this.#buckets.has(name)) return false;
    const dir = join(this.root, name);
    mkdirSync(join(dir, "tmp"), { recursive: true });
    mkdirSync(join(dir, "objects"), { recursive: true });
    const created = new Date().toISOString();
    writeFileSync(join(dir, "tmp", "bucket.json"), JSON.stringify({ created }));
    renameSync(join(dir, "tmp", "bucket.json"), join(dir, "bucket.json"));
    this.#buckets.set(name, { name, created, objects: new Map(), sorted: null });
    return true;
  }

  deleteBucket(name: string): void {
    const bucket = this.#bucket(name);
    if (bucket.objects.size > 0 || safeReaddir(join(this.root, name, "uploads")).length > 0) {
      throw new S3Error("BucketNotEmpty", "The bucket you tried to delete is not empty.", { BucketName: name });
    }
    this.#buckets.delete(name);
    // The marker goes first: a crash halfway leaves a folder the next start ignores.
    unlinkSync(join(this.root, name, "bucket.json"));
    rmSync(join(this.root, name), { recursive: true, force: true });
  }

  /** Stores an object from a stream; the object appears only once the whole body has arrived. */
  async putObject(
    bucketName: string,
    object: NewObject,
    body: Readable,
    eventName: string,
    expectedMd5?: string,
  ): Promise<ObjectMeta> {
    const bucket = this.#bucket(bucketName);
    checkKey(object.key);
    return this.#write(
      bucket,
      async (temp) => {
        const { size, md5 } = await writeBody(temp, body, expectedMd5);
        return { ...object, size, etag: `"${md5.toString("hex")}"` };
      },
      eventName,
    );
  }

  /** The object opened for reading (its metadata and body), or null. */
  async openObject(bucketName: string, key: string): Promise<OpenObject<ObjectMeta> | null> {
    const bucket = this.#bucket(bucketName);
    checkKey(key);
    return openObject<ObjectMeta>(this.#objectPath(bucket.name, key));
  }

  /** Removes an object; true when this call removed it (and reported the removal). */
  deleteObject(bucketName: string, key: string): boolean {
    const bucket = this.#bucket(bucketName);
    checkKey(key);
    try {
      unlinkSync(this.#objectPath(bucket.name, key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw err;
    }
    bucket.objects.delete(key);
    bucket.sorted = null;
    this.#emit({ bucket: bucket.name, key, eventName: "ObjectRemoved:Delete" });
    return true;
  }

  /** The bucket's keys in S3's order, and their listing entries. */
  keys(bucketName: string): { sorted: string[]; objects: Map<string, ListedObject> } {
    const bucket = this.#bucket(bucketName);
    bucket.sorted ??= [...bucket.objects.keys()].sort(compareKeys);
    return { sorted: bucket.sorted, objects: bucket.objects };
  }

  createMultipartUpload(bucketName: string, object: NewObject): string {
    const bucket = this.#bucket(bucketName);
    checkKey(object.key);
    const uploadId = randomBytes(16).toString("hex");
    const dir = join(this.root, bucket.name, "uploads", uploadId);
    const temp = this.#tempPath(bucket.name);
    writeFileSync(temp, JSON.stringify({ ...object, initiated: new Date().toISOString() }));
    mkdirSync(dir, { recursive: true });
    renameSync(temp, join(dir, "upload.json"));
    return uploadId;
  }

  async uploadPart(
    bucketName: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    expectedMd5?: string,
  ): Promise<string> {
    const bucket = this.#bucket(bucketName);
    const dir = await this.#uploadDir(bucket.name, key, uploadId);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new S3Error("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive.");
    }
    const temp = this.#tempPath(bucket.name);
    try {
      const { size, md5 } = await writeBody(temp, body, expectedMd5);
      const part: PartMeta = {
        partNumber,
        size,
        etag: `"${md5.toString("hex")}"`,
        lastModified: new Date().toISOString(),
        md5: md5.toString("hex"),
      };
      await appendMeta(temp, part);
      if (!existsSync(dir)) throw noSuchUpload(uploadId);
      renameSync(temp, join(dir, `part-${partNumber}`));
      return part.etag;
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }

  async listParts(bucketName: string, key: string, uploadId: string): Promise<PartMeta[]> {
    const bucket = this.#bucket(bucketName);
    const dir = await this.#uploadDir(bucket.name, key, uploadId);
    const parts: PartMeta[] = [];
    for (const file of safeReaddir(dir)) {
      if (file.startsWith("part-")) parts.push(await readObjectMeta<PartMeta>(join(dir, file)));
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipartUpload(
    bucketName: string,
    key: string,
    uploadId: string,
    requested: { partNumber: number; etag: string }[],
  ): Promise<ObjectMeta> {
    const bucket = this.#bucket(bucketName);
    const dir = await this.#uploadDir(bucket.name, key, uploadId);
    const object = JSON.parse(await readFile(join(dir, "upload.json"), "utf8")) as NewObject;
    const stored = new Map((await this.listParts(bucket.name, key, uploadId)).map((p) => [p.partNumber, p]));
    if (requested.length === 0) throw new S3Error("MalformedXML", "The upload must name at least one part.");
    const parts: PartMeta[] = [];
    for (const [i, want] of requested.entries()) {
      const part = stored.get(want.partNumber);
      if (!part || part.etag.replaceAll('"', "") !== want.etag.replaceAll('"', "")) {
        throw new S3Error("InvalidPart", "One or more of the specified parts could not be found.", {
          UploadId: uploadId,
          PartNumber: String(want.partNumber),
        });
      }
      if (i > 0 && want.partNumber <= requested[i - 1]!.partNumber) {
        throw new S3Error("InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      if (i < requested.length - 1 && part.size < MIN_PART_BYTES) {
        throw new S3Error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.", {
          PartNumber: String(part.partNumber),
        });
      }
      parts.push(part);
    }
    const etag = `"${createHash("md5")
      .update(Buffer.concat(parts.map((p) => Buffer.from(p.md5, "hex"))))
      .digest("hex")}-${parts.length}"`;
    const meta = await this.#write(
      bucket,
      async (temp) => {
        const { size } = await writeBody(
          temp,
          Readable.from(concatenated(parts.map((p) => join(dir, `part-${p.partNumber}`)))),
        );
        return { ...object, key, size, etag };
      },
      "ObjectCreated:CompleteMultipartUpload",
    );
    rmSync(dir, { recursive: true, force: true });
    return meta;
  }

  async abortMultipartUpload(bucketName: string, key: string, uploadId: string): Promise<void> {
    const bucket = this.#bucket(bucketName);
    const dir = await this.#uploadDir(bucket.name, key, uploadId);
    rmSync(dir, { recursive: true, force: true });
  }

  /** Writes a temporary file with `fill`, then renames it into place and reports the creation. */
  async #write(
    bucket: Bucket,
    fill: (temp: string) => Promise<Omit<ObjectMeta, "lastModified">>,
    eventName: string,
  ): Promise<ObjectMeta> {
    const temp = this.#tempPath(bucket.name);
    try {
      const written = await fill(temp);
      const meta: ObjectMeta = { ...written, lastModified: new Date().toISOString() };
      await appendMeta(temp, meta);
      const path = this.#objectPath(bucket.name, meta.key);
      if (!this.#buckets.has(bucket.name)) throw noSuchBucket(bucket.name);
      mkdirSync(join(path, ".."), { recursive: true });
      renameSync(temp, path);
      bucket.objects.set(meta.key, listed(meta));
      bucket.sorted = null;
      this.#emit({ bucket: bucket.name, key: meta.key, eventName, size: meta.size, eTag: meta.etag });
      return meta;
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }

  #emit(change: ObjectChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  #bucket(name: string): Bucket {
    const bucket = this.#buckets.get(name);
    if (!bucket) throw noSuchBucket(name);
    return bucket;
  }

  #objectPath(bucket: string, key: string): string {
    const hash = createHash("sha256").update(key, "utf8").digest("hex");
    return join(this.root, bucket, "objects", hash.slice(0, 2), hash);
  }

  #tempPath(bucket: string): string {
    return join(this.root, bucket, "tmp", randomBytes(12).toString("hex"));
  }

  async #uploadDir(bucket: string, key: string, uploadId: string): Promise<string> {
    if (!/^[0-9a-f]{32}$/.test(uploadId)) throw noSuchUpload(uploadId);
    const dir = join(this.root, bucket, "uploads", uploadId);
    let upload: NewObject;
    try {
      upload = JSON.parse(await readFile(join(dir, "upload.json"), "utf8")) as NewObject;
    } catch {
      throw noSuchUpload(uploadId);
    }
    if (upload.key !== key) throw noSuchUpload(uploadId);
    return dir;
  }
}

/** S3's order: keys compared as UTF-8 bytes (not as UTF-16, which orders some characters differently). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

export function checkKey(key: string): void {
  if (key === "") throw new S3Error("InvalidArgument", "An object key must not be empty.");
  if (Buffer.byteLength(key, "utf8") > MAX_KEY_BYTES) {
    throw new S3Error("KeyTooLongError", "Your key is too long", {
      MaxSizeAllowed: String(MAX_KEY_BYTES),
      Size: String(Buffer.byteLength(key, "utf8")),
    });
  }
}

/** S3's rules for new bucket names: 3–63 of a–z, 0–9, "." and "-", starting and ending with a letter or digit. */
export function validBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes("..") && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

function listed(meta: ObjectMeta): ListedObject {
  return { key: meta.key, size: meta.size, etag: meta.etag, lastModified: meta.lastModified };
}

async function* concatenated(paths: string[]): AsyncGenerator<Buffer> {
  for (const path of paths) {
    const part = await openObject<PartMeta>(path);
    if (!part) throw new S3Error("InvalidPart", "A part disappeared while the upload was completed.");
    for await (const chunk of part.stream()) yield chunk as Buffer;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export const noSuchBucket = (name: string) =>
  new S3Error("NoSuchBucket", "The specified bucket does not exist", { BucketName: name });
const noSuchUpload = (uploadId: string) =>
  new S3Error("NoSuchUpload", "The specified upload does not exist.", { UploadId: uploadId });
