// Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; a charset the file or
// its Content-Type declares is honoured when the bytes are not UTF-8; text that is plainly Windows-1252 is read
// as Windows-1252. Anything else fails with a one-line reason instead of producing mojibake.
import { BadArticleError } from "../errors.ts";
import { binaryKind, controlByteShare } from "./binary.ts";

export interface Decoded {
  text: string;
  /** The encoding the text was read with ("utf-8", "utf-16le", "windows-1252", …). */
  encoding: string;
}

/** Bytes 0x80–0x9F that Windows-1252 leaves undefined: text containing them is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function charsetOfContentType(contentType: string | undefined): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** `<meta charset>`, `<meta http-equiv content="…; charset=…">` or an XML prolog in the first 4 KB. */
function declaredInDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  // recheck: run on the first 4,096 bytes only.
  const meta = /<meta\b[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml\b[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})["']/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** UTF-16 without a BOM: ASCII text then has a zero byte in every other position. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8 || !bytes.subarray(0, n).includes(0)) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd > half * 0.3 && zeroEven < half * 0.02) return "utf-16le";
  if (zeroEven > half * 0.3 && zeroOdd < half * 0.02) return "utf-16be";
  return null;
}

/**
 * Windows-1252 "plainly": no undefined bytes, and bytes above 0x7F stand alone between ASCII letters (é, ’, —),
 * as in Western European text. Long runs of high bytes are Cyrillic, Greek or CJK in some other code page.
 */
function plainlyWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let runs = 0;
  let longRuns = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0;
    if (b >= 0x80) {
      if (UNDEFINED_IN_1252.has(b)) return false;
      high++;
      run++;
      continue;
    }
    if (run > 0) {
      runs++;
      if (run >= 4) longRuns++;
    }
    run = 0;
  }
  return high <= bytes.length * 0.2 && longRuns <= Math.max(1, runs * 0.1);
}

function decodeWith(label: string, bytes: Uint8Array): Decoded {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new BadArticleError("UNDECODABLE", `the file declares the encoding "${label}", which is not one we can read`);
  }
  try {
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    throw new BadArticleError("UNDECODABLE", `the file is not valid ${decoder.encoding} text, as it declares`);
  }
}

/** Mostly valid UTF-8 with a few damaged bytes: keep the text, with U+FFFD where the damage was. */
function lenientUtf8(bytes: Uint8Array): Decoded | null {
  const text = new TextDecoder("utf-8").decode(bytes);
  let replaced = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) wide++;
  }
  return wide >= 10 && replaced * 20 <= wide ? { text, encoding: "utf-8" } : null;
}

function decodeRaw(bytes: Uint8Array, contentType: string | undefined): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith("utf-8", bytes.subarray(3));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    if (bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) {
      throw new BadArticleError("UNDECODABLE", "the file is UTF-32 text; save it as UTF-8");
    }
    return decodeWith(bytes[0] === 0xff ? "utf-16le" : "utf-16be", bytes.subarray(2));
  }
  const kind = binaryKind(bytes);
  if (kind) throw new BadArticleError("BINARY", `the file looks like ${kind}, not a text article`);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeWith(utf16, bytes);
  if (controlByteShare(bytes) > 0.01 || bytes.subarray(0, 65536).includes(0)) {
    throw new BadArticleError(
      "BINARY",
      "the file looks like binary data (it contains control bytes), not a text article",
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: fall through to what the file declares, then to Windows-1252.
  }
  const declared = charsetOfContentType(contentType) ?? declaredInDocument(bytes);
  if (declared && !/^utf-?8$/.test(declared)) return decodeWith(declared, bytes);
  const lenient = lenientUtf8(bytes);
  if (lenient) return lenient;
  if (plainlyWindows1252(bytes))
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  throw new BadArticleError(
    "UNDECODABLE",
    "the file is not UTF-8 text and declares no encoding we could read it with; save it as UTF-8",
  );
}

/** Decodes an article's bytes, with line breaks normalised to "\n". */
export function decode(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes.length === 0) throw new BadArticleError("EMPTY", "the file is empty");
  const decoded = decodeRaw(bytes, contentType);
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?|\u2028|\u2029/g, "\n");
  if (text.trim().length === 0) throw new BadArticleError("EMPTY", "the file contains only whitespace");
  return { text, encoding: decoded.encoding };
}
