// A request body as its signature describes it: checked against the signed SHA-256 as it streams, or decoded
// from aws-chunked framing (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`… a zero-size chunk, then trailer
// headers such as x-amz-checksum-crc32) with each chunk's signature checked against the chain that starts at
// the request's own signature; and a flexible checksum (checksums.ts), from a header or the trailer, computed. A body that does not match fails the stream with S3's error, so nothing built
// from it is ever stored.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { Transform, type TransformCallback } from "node:stream";
import { ChecksumCheck, type RequestedChecksum } from "./checksums.ts";
import { S3Error } from "./errors.ts";
import { type ChunkChain, chunkSignature, type Payload, sameHex } from "./sigv4.ts";

/** The body's content, verified as it is read: against its signature, and its checksum when one was sent. */
export function payloadStream(
  body: Readable,
  payload: Payload,
  decodedLength?: number,
  checksum?: RequestedChecksum,
): Readable {
  let content = body;
  let trailer: (name: string) => string | undefined = () => undefined;
  if (payload.kind === "sha256") content = through(body, new Sha256Check(payload.hex));
  else if (payload.kind === "chunked") {
    const decoder = new ChunkDecoder(payload, decodedLength);
    trailer = (name) => decoder.trailer(name);
    content = through(body, decoder);
  }
  if (!checksum) return content;
  const { algorithm, value } = checksum;
  return through(content, new ChecksumCheck(algorithm, () => value ?? trailer(`x-amz-checksum-${algorithm}`)));
}

function through(source: Readable, check: Transform): Readable {
  source.on("error", (err) => check.destroy(err));
  return source.pipe(check);
}

class Sha256Check extends Transform {
  readonly #hash = createHash("sha256");
  readonly #expected: string;

  constructor(expected: string) {
    super();
    this.#expected = expected;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const actual = this.#hash.digest("hex");
    if (actual === this.#expected) done();
    else {
      done(
        new S3Error(
          "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
          {
            ClientComputedContentSHA256: this.#expected,
            S3ComputedContentSHA256: actual,
          },
        ),
      );
    }
  }
}

/** Longest chunk header line accepted: a size and a signature, with room to spare. */
const MAX_LINE = 4096;

class ChunkDecoder extends Transform {
  readonly #signed: boolean;
  readonly #chain: ChunkChain;
  readonly #decodedLength: number | undefined;
  #previous: string;
  #buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current chunk still to come; -1 while reading a header line. */
  #remaining = -1;
  #chunk: Buffer[] = [];
  #chunkSignature = "";
  #state: "header" | "data" | "data-end" | "trailer" | "done" = "header";
  #decoded = 0;
  readonly #trailers = new Map<string, string>();

  constructor(payload: Extract<Payload, { kind: "chunked" }>, decodedLength: number | undefined) {
    super();
    this.#signed = payload.signedChunks;
    this.#chain = payload.chain;
    this.#previous = payload.chain.seedSignature;
    this.#decodedLength = decodedLength;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    try {
      this.#drain();
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.#state !== "done" && !(this.#state === "trailer" && this.#buffer.length === 0)) {
      done(new S3Error("IncompleteBody", "The request body ended inside an aws-chunked chunk."));
    } else if (this.#decodedLength !== undefined && this.#decoded !== this.#decodedLength) {
      done(
        new S3Error(
          "IncompleteBody",
          `x-amz-decoded-content-length says ${this.#decodedLength} bytes; the chunks held ${this.#decoded}.`,
        ),
      );
    } else done();
  }

  /** A trailer header of the body, once the body has ended. */
  trailer(name: string): string | undefined {
    return this.#trailers.get(name);
  }

  #drain(): void {
    for (;;) {
      if (this.#state === "header") {
        const line = this.#line();
        if (line === null) return;
        this.#startChunk(line);
      } else if (this.#state === "data") {
        if (this.#buffer.length === 0) return;
        const take = Math.min(this.#remaining, this.#buffer.length);
        const piece = this.#buffer.subarray(0, take);
        this.#buffer = this.#buffer.subarray(take);
        this.#remaining -= take;
        if (this.#signed) this.#chunk.push(piece);
        this.#decoded += piece.length;
        this.push(piece);
        if (this.#remaining === 0) this.#state = "data-end";
      } else if (this.#state === "data-end") {
        const line = this.#line();
        if (line === null) return;
        if (line !== "") throw new S3Error("IncompleteBody", "An aws-chunked chunk is longer than its size.");
        this.#endChunk(false);
        this.#state = "header";
      } else if (this.#state === "trailer") {
        const line = this.#line();
        if (line === null) return;
        // Trailer lines carry the checksum (and, for signed trailers, a signature over it, which is not
        // checked: the chunk signatures above already vouch for the content).
        if (line === "") this.#state = "done";
        else {
          const colon = line.indexOf(":");
          if (colon > 0) this.#trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
      } else {
        if (this.#buffer.length > 0)
          throw new S3Error("IncompleteBody", "Bytes follow the end of an aws-chunked body.");
        return;
      }
    }
  }

  #startChunk(line: string): void {
    const semi = line.indexOf(";");
    const sizeText = semi < 0 ? line : line.slice(0, semi);
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) {
      throw new S3Error("IncompleteBody", "An aws-chunked chunk header is malformed.");
    }
    const size = Number.parseInt(sizeText, 16);
    const extension = semi < 0 ? "" : line.slice(semi + 1);
    if (this.#signed) {
      if (!extension.startsWith("chunk-signature=")) {
        throw new S3Error("SignatureDoesNotMatch", "A chunk of a signed aws-chunked body has no signature.");
      }
      this.#chunkSignature = extension.slice("chunk-signature=".length);
    }
    this.#chunk = [];
    this.#remaining = size;
    if (size === 0) {
      this.#endChunk(true);
      this.#state = "trailer";
    } else this.#state = "data";
  }

  #endChunk(last: boolean): void {
    if (!this.#signed) return;
    const expected = chunkSignature(this.#chain, this.#previous, Buffer.concat(this.#chunk));
    if (!sameHex(expected, this.#chunkSignature)) {
      throw new S3Error("SignatureDoesNotMatch", `The signature of chunk ${last ? "(final)" : ""} does not match.`);
    }
    this.#previous = expected;
  }

  /** The next CRLF-terminated line, or null until it has arrived. */
  #line(): string | null {
    const end = this.#buffer.indexOf("\r\n");
    if (end < 0) {
      if (this.#buffer.length > MAX_LINE) throw new S3Error("IncompleteBody", "An aws-chunked line is too long.");
      return null;
    }
    const line = this.#buffer.subarray(0, end).toString("latin1");
    this.#buffer = this.#buffer.subarray(end + 2);
    return line;
  }
}
