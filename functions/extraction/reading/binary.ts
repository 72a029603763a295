// Recognises files that are not text at all, so they fail with a message that says what they look like.

const SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  ["%PDF-", "a PDF file"],
  ["PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file)"],
  ["PK\x05\x06", "an empty ZIP archive"],
  ["\x89PNG\r\n\x1a\n", "a PNG image"],
  ["\xff\xd8\xff", "a JPEG image"],
  ["GIF87a", "a GIF image"],
  ["GIF89a", "a GIF image"],
  ["\x1f\x8b", "a gzip archive"],
  ["BZh", "a bzip2 archive"],
  ["\xfd7zXZ\x00", "an xz archive"],
  ["7z\xbc\xaf\x27\x1c", "a 7-Zip archive"],
  ["Rar!\x1a\x07", "a RAR archive"],
  ["\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"],
  ["\x7fELF", "an executable program"],
  ["OggS", "an Ogg audio or video file"],
  ["ID3", "an MP3 audio file"],
  ["fLaC", "a FLAC audio file"],
  ["wOFF", "a web font"],
  ["wOF2", "a web font"],
  ["SQLite format 3\x00", "an SQLite database"],
  ["\x00\x00\x01\x00", "an icon image"],
  ["II*\x00", "a TIFF image"],
  ["MM\x00*", "a TIFF image"],
];

function startsWith(bytes: Uint8Array, signature: string, at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature.charCodeAt(i)) return false;
  return true;
}

/** What a file looks like when its first bytes are a known binary format's magic number; null otherwise. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [signature, kind] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "a WebP image";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WAVE", 8)) return "a WAV audio file";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "AVI ", 8)) return "an AVI video";
  if (startsWith(bytes, "ftyp", 4)) return "an MP4 or QuickTime video";
  if (startsWith(bytes, "MZ") && bytes.length > 64 && bytes.subarray(0, 64).includes(0)) return "a Windows program";
  return null;
}

/** Share of bytes in the sample that are control characters no text file uses (NUL, BEL, …). */
export function controlByteShare(bytes: Uint8Array, sampleSize = 65536): number {
  const n = Math.min(bytes.length, sampleSize);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) bad++;
  }
  return bad / n;
}
