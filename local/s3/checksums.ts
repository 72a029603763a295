// Flexible checksums (x-amz-checksum-*), as the AWS SDK sends them by default: in a header, or for a streamed
// body in the aws-chunked trailer that `x-amz-trailer` announces. An unsigned streamed upload
// (STREAMING-UNSIGNED-PAYLOAD-TRAILER) has nothing else vouching for its content, so the checksum is computed
// as the body streams and a mismatch fails it with S3's BadDigest before anything is stored.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { crc32 } from "node:zlib";
import { S3Error } from "./errors.ts";

export type ChecksumAlgorithm = "crc32" | "crc32c" | "crc64nvme" | "sha1" | "sha256";
const ALGORITHMS: readonly ChecksumAlgorithm[] = ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"];
/** Bytes of each digest, to check the base64 sent. */
const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 };

export interface RequestedChecksum {
  algorithm: ChecksumAlgorithm;
  /** The base64 value from the header; undefined when it comes in the trailer. */
  value: string | undefined;
}

const headerName = (algorithm: ChecksumAlgorithm) => `x-amz-checksum-${algorithm}`;

/** The checksum a request asks S3 to verify, from its headers; undefined when it asks for none. */
export function requestedChecksum(header: (name: string) => string | undefined): RequestedChecksum | undefined {
  const inHeaders = ALGORITHMS.filter((a) => header(headerName(a)) !== undefined);
  const trailer = header("x-amz-trailer")?.trim().toLowerCase();
  const inTrailer = trailer === undefined ? undefined : ALGORITHMS.find((a) => headerName(a) === trailer);
  if (trailer !== undefined && inTrailer === undefined) {
    throw new S3Error("InvalidRequest", `The trailer ${trailer} is not a checksum S3 supports.`);
  }
  if (inHeaders.length + (inTrailer ? 1 : 0) > 1) {
    throw new S3Error(
      "InvalidRequest",
      "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.",
    );
  }
  if (inTrailer) return { algorithm: inTrailer, value: undefined };
  const algorithm = inHeaders[0];
  if (!algorithm) return undefined;
  const value = header(headerName(algorithm))!;
  checkEncoding(algorithm, value);
  return { algorithm, value };
}

function checkEncoding(algorithm: ChecksumAlgorithm, value: string): void {
  const ok = /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === DIGEST_BYTES[algorithm];
  if (!ok) throw new S3Error("InvalidRequest", `Value for ${headerName(algorithm)} header is invalid.`);
}

interface Digest {
  update(chunk: Buffer): void;
  base64(): string;
}

function digestFor(algorithm: ChecksumAlgorithm): Digest {
  switch (algorithm) {
    case "sha1":
    case "sha256": {
      const hash = createHash(algorithm);
      return { update: (c) => hash.update(c), base64: () => hash.digest("base64") };
    }
    case "crc32": {
      let crc = 0;
      return { update: (c) => (crc = crc32(c, crc)), base64: () => uint32Base64(crc) };
    }
    case "crc32c": {
      let crc = 0xffffffff;
      return {
        update: (c) => {
          for (const byte of c) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
        },
        base64: () => uint32Base64((crc ^ 0xffffffff) >>> 0),
      };
    }
    case "crc64nvme": {
      let crc = MASK64;
      return {
        update: (c) => {
          for (const byte of c) crc = CRC64NVME_TABLE[Number((crc ^ BigInt(byte)) & 0xffn)]! ^ (crc >> 8n);
        },
        base64: () => {
          const out = Buffer.alloc(8);
          out.writeBigUInt64BE(crc ^ MASK64);
          return out.toString("base64");
        },
      };
    }
  }
}

const uint32Base64 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString("base64");
};

/** Reflected CRC-32C (Castagnoli), polynomial 0x82F63B78. */
const CRC32C_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const MASK64 = 0xffffffffffffffffn;
/** Reflected CRC-64/NVME, polynomial 0x9A6C9329AC4BC9B5. */
const CRC64NVME_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = BigInt(n);
  for (let k = 0; k < 8; k++) c = c & 1n ? 0x9a6c9329ac4bc9b5n ^ (c >> 1n) : c >> 1n;
  return c;
});

/**
 * Passes the body through, computing its checksum; at the end compares it with the expected value (read then,
 * so a trailer that arrived with the body's last bytes counts).
 */
export class ChecksumCheck extends Transform {
  readonly #digest: Digest;
  readonly #algorithm: ChecksumAlgorithm;
  readonly #expected: () => string | undefined;

  constructor(algorithm: ChecksumAlgorithm, expected: () => string | undefined) {
    super();
    this.#algorithm = algorithm;
    this.#digest = digestFor(algorithm);
    this.#expected = expected;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#digest.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const expected = this.#expected();
    if (expected === undefined) {
      done(
        new S3Error("InvalidRequest", `The ${headerName(this.#algorithm)} trailer the request announced is missing.`),
      );
      return;
    }
    try {
      checkEncoding(this.#algorithm, expected);
    } catch (err) {
      done(err as Error);
      return;
    }
    if (this.#digest.base64() === expected) done();
    else {
      done(
        new S3Error(
          "BadDigest",
          `The ${this.#algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
        ),
      );
    }
  }
}
