// SHA-256 and HMAC-SHA-256 from node:crypto in the shape @smithy/signature-v4 asks for (a class: constructed with
// a key for HMAC, without one for a plain hash).
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";

type SourceData = string | ArrayBuffer | ArrayBufferView;

export class Sha256 {
  readonly #secret: SourceData | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret;
    this.#hash = this.#create();
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#create();
  }

  #create(): Hash | Hmac {
    if (this.#secret === undefined) return createHash("sha256");
    const key = typeof this.#secret === "string" ? this.#secret : toBytes(this.#secret);
    return createHmac("sha256", key);
  }
}

function toBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}
