// One object, one file: the body's bytes, then its metadata as JSON, then the JSON's length and a magic tag.
// Writing the body first lets it stream straight to disk while its MD5 is computed; the metadata that needs the
// MD5 goes last; and a single rename of the finished file makes the object appear whole or not at all. The
// file's name is the SHA-256 of the key, so any key — any UTF-8 up to 1,024 bytes, `..` segments, slashes,
// spaces — is one fixed-length hex name inside the bucket's folder.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { S3Error } from "./errors.ts";

export interface ObjectMeta {
  key: string;
  size: number;
  /** Quoted, as S3 returns it. */
  etag: string;
  /** ISO 8601. */
  lastModified: string;
  contentType: string;
  /** Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires as they were put. */
  headers: Record<string, string>;
  /** x-amz-meta-* without the prefix. */
  userMetadata: Record<string, string>;
}

const MAGIC = Buffer.from("CTS3OBJ1");
const FOOTER = 4 + MAGIC.length;

export interface WrittenBody {
  size: number;
  md5: Buffer;
}

/** Streams `source` into `path` (a new file), hashing it; the caller removes the file if this throws. */
export async function writeBody(path: string, source: Readable, expectedMd5?: string): Promise<WrittenBody> {
  const md5 = createHash("md5");
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, count, createWriteStream(path, { flags: "wx" }));
  const digest = md5.digest();
  if (expectedMd5 !== undefined && digest.toString("base64") !== expectedMd5) {
    throw new S3Error("BadDigest", "The Content-MD5 you specified did not match what we received.");
  }
  return { size, md5: digest };
}

/** Appends the metadata to a written body; the file is then complete and ready to be renamed into place. */
export async function appendMeta(path: string, meta: unknown): Promise<void> {
  const json = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const file = await open(path, "a");
  try {
    await file.write(Buffer.concat([json, length, MAGIC]));
  } finally {
    await file.close();
  }
}

/** An object file opened for reading: its metadata, and streams of its body read from the same open file. */
export interface OpenObject<M> {
  meta: M;
  bodySize: number;
  /** Bytes start..end inclusive (the whole body by default). */
  stream(start?: number, end?: number): Readable;
  close(): Promise<void>;
}

/**
 * Opens an object file; null when there is none. Reading through the one descriptor means an object replaced
 * or deleted meanwhile is still served whole, as the version that was opened.
 */
export async function openObject<M>(path: string): Promise<OpenObject<M> | null> {
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  try {
    const meta = await readMeta<M>(file);
    let streamed = false;
    return {
      meta: meta.meta,
      bodySize: meta.bodySize,
      stream(start = 0, end = meta.bodySize - 1) {
        streamed = true;
        if (end < start) {
          void file.close();
          return Readable.from([]);
        }
        // The stream owns the descriptor from here and closes it when done.
        return file.createReadStream({ start, end, autoClose: true });
      },
      async close() {
        if (!streamed) await file.close();
      },
    };
  } catch (err) {
    await file.close();
    throw err;
  }
}

async function readMeta<M>(file: FileHandle): Promise<{ meta: M; bodySize: number }> {
  const { size } = await file.stat();
  if (size < FOOTER) throw new Error("not an object file (too short)");
  const footer = Buffer.alloc(FOOTER);
  await file.read(footer, 0, FOOTER, size - FOOTER);
  if (!footer.subarray(4).equals(MAGIC)) throw new Error("not an object file (no footer)");
  const length = footer.readUInt32BE(0);
  const bodySize = size - FOOTER - length;
  if (bodySize < 0) throw new Error("not an object file (bad footer)");
  const json = Buffer.alloc(length);
  await file.read(json, 0, length, bodySize);
  return { meta: JSON.parse(json.toString("utf8")) as M, bodySize };
}

/** The metadata of an object file, without its body. */
export async function readObjectMeta<M>(path: string): Promise<M> {
  const file = await open(path, "r");
  try {
    return (await readMeta<M>(file)).meta;
  } finally {
    await file.close();
  }
}
