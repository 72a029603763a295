// Bad files fail with a named code and one line a person can act on; nothing else is read.
import { describe, expect, it } from "vitest";
import { type BadArticleCode, BadArticleError } from "../../functions/extraction/errors.ts";
import type { ReadInput } from "../../functions/extraction/reading/document.ts";
import { readArticle } from "../../functions/extraction/reading/read-article.ts";

function failure(input: ReadInput): BadArticleError {
  try {
    readArticle(input);
  } catch (err) {
    if (err instanceof BadArticleError) return err;
    throw err;
  }
  throw new Error("expected the read to fail");
}

const text = (s: string) => new TextEncoder().encode(s);

const CASES: Array<[string, ReadInput, BadArticleCode, RegExp]> = [
  ["an empty file", { bytes: new Uint8Array(0), fileName: "a.txt" }, "EMPTY", /empty/],
  ["whitespace only", { bytes: text(" \n\t\r\n  "), fileName: "a.txt" }, "EMPTY", /whitespace/],
  ["a PDF", { bytes: text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), fileName: "a.txt" }, "BINARY", /PDF/],
  ["a PNG", { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) }, "BINARY", /PNG/],
  [
    "a ZIP (docx)",
    { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), fileName: "a.docx" },
    "BINARY",
    /ZIP/,
  ],
  ["a JPEG", { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), fileName: "a.md" }, "BINARY", /JPEG/],
  [
    "bytes with NULs and control characters",
    { bytes: new Uint8Array([65, 0, 1, 2, 66, 3, 4, 5, 67, 0, 6, 7, 8, 9, 0, 0, 14]), fileName: "a.txt" },
    "BINARY",
    /binary/,
  ],
  [
    "an image content type",
    { bytes: text("Not really an image"), contentType: "image/png" },
    "UNSUPPORTED_TYPE",
    /image\/png/,
  ],
  ["application/pdf", { bytes: text("x"), contentType: "application/pdf" }, "UNSUPPORTED_TYPE", /application\/pdf/],
  ["an .rtf file", { bytes: text("{\\rtf1 hello}"), fileName: "a.rtf" }, "UNSUPPORTED_TYPE", /\.rtf/],
  [
    "invalid JSON named .json",
    { bytes: text('{"title": "x", body: }'), fileName: "a.json" },
    "MALFORMED",
    /not valid JSON/,
  ],
  ["a JSON array", { bytes: text("[1, 2, 3]"), fileName: "a.json" }, "MALFORMED", /found an array/],
  ["JSON without a body", { bytes: text('{"title": "Only a title"}'), fileName: "a.json" }, "NO_TEXT", /no body/],
  [
    "front matter that is not YAML",
    { bytes: text("---\ntitle: [unclosed\n---\nBody text here.\n"), fileName: "a.md" },
    "MALFORMED",
    /front matter/,
  ],
  [
    "a page that is all navigation and banners",
    {
      bytes: text(
        '<html><body><nav><a href="/">Home</a></nav><div class="cookie-banner"><p>We use cookies. Accept all</p></div><footer>© 2025 Site</footer></body></html>',
      ),
      fileName: "a.html",
    },
    "NO_TEXT",
    /no article text/,
  ],
  [
    "a text file that is only furniture",
    { bytes: text("Share this article\n\nSubscribe to our newsletter\n\n© 2025 Example News\n"), fileName: "a.txt" },
    "NO_TEXT",
    /no article text/,
  ],
  ["absurdly nested HTML", { bytes: text("<div>".repeat(5000)), fileName: "a.html" }, "MALFORMED", /nests/],
];

describe("bad input", () => {
  for (const [what, input, code, message] of CASES) {
    it(`refuses ${what} with ${code}`, () => {
      const err = failure(input);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain("\n");
      expect(err.message.length).toBeLessThan(200);
    });
  }
});
