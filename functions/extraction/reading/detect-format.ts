// Chooses the reader: the Content-Type when the caller gives a meaningful one, else the file name's
// extension, else the content itself. A type that is clearly not an article fails at once.
import type { ArticleFormat } from "../../schemas/article.ts";
import { BadArticleError } from "../errors.ts";

const BY_EXTENSION: Record<string, ArticleFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  shtml: "html",
  json: "json",
};

/** Extensions of files that are text but not articles we can read. */
const UNSUPPORTED_EXTENSIONS = new Set(["rtf", "csv", "tsv", "xml", "rss", "atom", "yaml", "yml", "srt", "vtt"]);

/** Types that say "this is text, look at it" rather than naming a format. */
const GENERIC_TYPES = new Set([
  "application/octet-stream",
  "binary/octet-stream",
  "text/x-unknown",
  "application/unknown",
]);

function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

function formatOfType(type: string): ArticleFormat | "sniff" | null {
  if (type === "" || GENERIC_TYPES.has(type)) return "sniff";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "application/json" || type === "text/json" || type.endsWith("+json")) return "json";
  if (type === "text/markdown" || type === "text/x-markdown") return "markdown";
  if (type === "text/plain") return "text";
  return null;
}

/**
 * The text after an XML declaration and any comments and whitespace before the first element. A scan, not a
 * regex: a repeated lazy comment group backtracks exponentially on unclosed comments ("<!-- <!-- …").
 */
function afterProlog(head: string): string {
  let at = 0;
  if (head.startsWith("<?xml")) {
    const end = head.indexOf(">", at);
    if (end < 0) return "";
    at = end + 1;
  }
  for (;;) {
    while (at < head.length && /\s/.test(head[at]!)) at++;
    if (!head.startsWith("<!--", at)) return head.slice(at);
    const end = head.indexOf("-->", at + 4);
    if (end < 0) return "";
    at = end + 3;
  }
}

/** Markup, a JSON object, front matter, Markdown syntax, else plain text. */
export function sniffFormat(text: string): ArticleFormat {
  const head = text.slice(0, 2048).trimStart();
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(afterProlog(head))) return "html";
  if (head.startsWith("<") && /<\/(?:p|div|article|section|h[1-6])>/i.test(text.slice(0, 65536))) return "html";
  if (head.startsWith("{") && text.trimEnd().endsWith("}")) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) return "json";
    } catch {
      // Braces around prose: plain text.
    }
  }
  if (/^---[ \t]*\n[\s\S]{0,4000}?\n---[ \t]*(?:\n|$)/.test(head + "\n")) return "markdown";
  if (
    /^#{1,6} \S/m.test(head) ||
    // recheck: both run on the first 2,048 characters only.
    /^\s*[-*] .+\n\s*[-*] /m.test(head) ||
    // recheck: both run on the first 2,048 characters only.
    /\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/.test(head)
  ) {
    return "markdown";
  }
  return "text";
}

function extensionOf(fileName: string | undefined): string | null {
  const m = fileName ? /\.([A-Za-z0-9]{1,10})$/.exec(fileName) : null;
  return m ? m[1]!.toLowerCase() : null;
}

export interface FormatChoice {
  format: ArticleFormat;
  /** True when the caller named the format (type or extension), so a parse failure is the file's fault. */
  declared: boolean;
}

/** Fails with UNSUPPORTED_TYPE before decoding when the type or name says the file is not an article. */
export function refuseUnsupported(fileName: string | undefined, contentType: string | undefined): void {
  if (contentType) {
    const type = mediaType(contentType);
    if (formatOfType(type) === null && !type.startsWith("text/")) {
      throw new BadArticleError(
        "UNSUPPORTED_TYPE",
        `the content type ${type} is not an article format (send text/plain, text/markdown, text/html or application/json)`,
      );
    }
    if (formatOfType(type) === null && (type === "text/csv" || type === "text/rtf" || type === "text/calendar")) {
      throw new BadArticleError("UNSUPPORTED_TYPE", `the content type ${type} is not an article format`);
    }
  }
  const ext = extensionOf(fileName);
  if (ext && UNSUPPORTED_EXTENSIONS.has(ext) && !contentType) {
    throw new BadArticleError(
      "UNSUPPORTED_TYPE",
      `.${ext} files are not read as articles (use .txt, .md, .html or .json)`,
    );
  }
}

export function chooseFormat(
  text: string,
  fileName: string | undefined,
  contentType: string | undefined,
): FormatChoice {
  const sniffed = sniffFormat(text);
  const byType = contentType ? formatOfType(mediaType(contentType)) : "sniff";
  if (byType && byType !== "sniff") {
    // A page served as text/plain is still a page; a declared HTML or JSON reader is used as declared.
    if (byType === "text" && sniffed === "html") return { format: "html", declared: false };
    return { format: byType, declared: true };
  }
  const ext = extensionOf(fileName);
  const byExtension = ext ? BY_EXTENSION[ext] : undefined;
  if (byExtension) {
    // "by extension and content": a whole HTML page saved as .txt is read as HTML.
    if ((byExtension === "text" || byExtension === "markdown") && sniffed === "html") {
      return { format: "html", declared: false };
    }
    if (byExtension === "text" && sniffed === "json") return { format: "json", declared: false };
    return { format: byExtension, declared: true };
  }
  return { format: sniffed, declared: false };
}
