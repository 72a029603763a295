// Generated hostile articles in every format the reader accepts (plain text, Markdown, HTML, JSON), built from the
// characters and tokens the patterns care about, in long repeated runs. Extraction must take time proportional to
// the input (a generous bound per byte, even on a busy machine) and fail only with a named reading error.
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadArticleError } from "../../functions/extraction/errors.ts";
import { extract } from "../../functions/extraction/extract.ts";

/** Well under the 2 s per 100 KB promised to operators, plus a fixed allowance for a small input. */
const MS_PER_BYTE = 2000 / 100_000;
const FIXED_MS = 500;

const TOKENS = [
  "<!--",
  "-->",
  "<!-",
  "<!---->",
  "<p>",
  "</p>",
  '<div class="a">',
  "</div>",
  "<br>",
  "<meta charset=",
  "<",
  ">",
  '"',
  "'",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "0",
  "7",
  "12",
  "2025",
  ":",
  ".",
  ",",
  ";",
  "!",
  "?",
  "—",
  "–",
  "-",
  "--",
  "|",
  "·",
  "•",
  "#",
  "##",
  "*",
  "**",
  "_",
  "[",
  "]",
  "(",
  ")",
  "[^",
  "`",
  "@",
  "&amp;",
  "{",
  "}",
  "/",
  "\\",
  "A",
  "À",
  "Б",
  "中",
  "ا",
  "Z",
  "a",
  "e",
  "The ",
  "the ",
  "of ",
  "by ",
  "By ",
  "said ",
  "told ",
  "according to ",
  "Source: ",
  "reported by ",
  "UPDATED ",
  "Updated: ",
  "July 4, 2025 ",
  "10:45 a.m. ",
  "GMT+1",
  "LONDON — ",
  "About ",
  "© 2025 ",
  "correction ",
  "Mr. ",
  "Dr. ",
  "minister ",
  "Maria Lopez ",
  "ACME Corp. ",
  "percent ",
  "$",
  "€",
  "%",
] as const;

/** A run: one token, or one token repeated up to a few thousand times (where backtracking would show). */
const run = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 2, max: 4000 })).map(([t, n]) => t.repeat(n)),
  },
);
const soup = fc.array(run, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(""));

const FORMATS = {
  "plain text": {
    fileName: "fuzz.txt",
    article: fc.tuple(soup, soup).map(([title, body]) => `${title}\n\n${body}\n`),
  },
  Markdown: {
    fileName: "fuzz.md",
    article: fc
      .tuple(soup, soup, soup)
      .map(([title, a, b]) => `---\ntitle: ${title}\n---\n# ${title}\n\n${a}\n\n${b}\n`),
  },
  HTML: {
    fileName: "fuzz.html",
    article: fc
      .tuple(soup, soup, soup)
      .map(
        ([title, byline, body]) =>
          `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
          `<p class="byline">${byline}</p><p>${body}</p></article></body></html>`,
      ),
  },
  JSON: {
    fileName: "fuzz.json",
    article: fc
      .tuple(soup, soup, soup, soup)
      .map(([title, author, date, body]) => JSON.stringify({ title, author, datePublished: date, body })),
  },
} as const;

describe("extraction of generated hostile articles", () => {
  for (const [format, { fileName, article }] of Object.entries(FORMATS)) {
    it(`reads ${format} in time proportional to its size, failing only with named errors`, { timeout: 60_000 }, () => {
      fc.assert(
        fc.property(article, (text) => {
          const bytes = new TextEncoder().encode(text);
          const started = performance.now();
          try {
            extract({ bytes, fileName });
          } catch (err) {
            if (!(err instanceof BadArticleError)) throw err;
          }
          const elapsed = performance.now() - started;
          expect(elapsed, `${bytes.length} bytes`).toBeLessThan(FIXED_MS + bytes.length * MS_PER_BYTE);
        }),
        { seed: 16, numRuns: 12 },
      );
    });
  }
});
