// Article metadata carried by S3 object metadata (x-amz-meta-title, -outlet, -url, -published-at). Header values
// must be ASCII, so non-ASCII values are sent as RFC 2047 encoded words — S3's own convention: it decodes them
// when storing and encodes them again when returning. Writers (the API) and readers (ingest) share this module.

export interface ArticleObjectMetadata {
  title?: string | null | undefined;
  outlet?: string | null | undefined;
  url?: string | null | undefined;
  publishedAt?: string | null | undefined;
}

const FIELDS = [
  ["title", "title"],
  ["outlet", "outlet"],
  ["url", "url"],
  ["publishedAt", "published-at"],
] as const;

/** The request headers that carry the metadata (what a presigned PUT signs and a browser sends with it). */
export const OBJECT_METADATA_HEADERS = FIELDS.map(([, header]) => `x-amz-meta-${header}`);

/** The S3 `Metadata` map (keys without the x-amz-meta- prefix) for an article's metadata. */
export function toObjectMetadata(meta: ArticleObjectMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, header] of FIELDS) {
    const value = meta[field];
    if (value) out[header] = encodeHeaderValue(value);
  }
  return out;
}

/** The article metadata in an S3 object's `Metadata` map (as GetObject/HeadObject return it). */
export function fromObjectMetadata(metadata: Record<string, string | undefined> | undefined): ArticleObjectMetadata {
  const out: ArticleObjectMetadata = {};
  for (const [field, header] of FIELDS) {
    const raw = metadata?.[header] ?? metadata?.[`x-amz-meta-${header}`];
    const value = raw === undefined ? "" : decodeHeaderValue(raw).trim();
    if (value) out[field] = value;
  }
  return out;
}

/** Printable ASCII passes as is; anything else becomes `=?UTF-8?B?…?=` words (each at most 75 characters). */
export function encodeHeaderValue(value: string): string {
  const clean = value.replace(/[\r\n\t]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(clean) && !clean.includes("=?")) return clean;
  const words: string[] = [];
  let chunk = "";
  for (const ch of clean) {
    // 45 bytes of UTF-8 → 60 base64 characters, + 12 for the "=?UTF-8?B?" and "?=" wrapper.
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString("base64")}?=`).join(" ");
}

export function decodeHeaderValue(value: string): string {
  // Whitespace between adjacent encoded words is not part of the text (RFC 2047 §6.2).
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (word, charset: string, encoding: string, text: string) => {
      if (!/^utf-8$|^us-ascii$|^iso-8859-1$/i.test(charset)) return word;
      const bytes =
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text
                .replace(/_/g, " ")
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            );
      return charset.toLowerCase() === "iso-8859-1" ? bytes.toString("latin1") : bytes.toString("utf8");
    });
}
