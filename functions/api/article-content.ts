// What POST /articles and POST /uploads accept: content types, the file each becomes, and its key.
import type { ArticleContentType, ArticleSubmission } from "../schemas/api.ts";
import { ArticleContentType as ContentTypes } from "../schemas/api.ts";
import { UnsupportedMediaTypeError } from "./errors.ts";

const EXTENSIONS: Record<ArticleContentType, string> = {
  "text/plain": ".txt",
  "text/markdown": ".md",
  "text/x-markdown": ".md",
  "text/html": ".html",
  "application/xhtml+xml": ".html",
  "application/json": ".json",
};

export function extensionFor(type: ArticleContentType): string {
  return EXTENSIONS[type];
}

/** The media type of a Content-Type header ("text/plain; charset=utf-8" → "text/plain"); 415 if unsupported. */
export function mediaTypeOf(header: string | undefined): ArticleContentType {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  const parsed = ContentTypes.safeParse(type);
  if (!parsed.success) throw new UnsupportedMediaTypeError(type, ContentTypes.options);
  return parsed.data;
}

/**
 * The JSON article file for a submission: known fields only, in a fixed order, so the same article submitted
 * twice (whatever its key order or whitespace) is the same bytes — the same article id.
 */
export function articleFileOf(submission: ArticleSubmission): Uint8Array {
  const file = {
    title: submission.title ?? undefined,
    publishedAt: submission.publishedAt ?? undefined,
    authors: submission.authors ?? undefined,
    outlet: submission.outlet ?? undefined,
    url: submission.url ?? undefined,
    body: submission.body,
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/** A file name safe in an S3 key and a URL: letters, digits, ".", "-" and "_", with the type's extension. */
export function safeFileName(name: string | undefined, type: ArticleContentType): string {
  const ext = extensionFor(type);
  const base = (name ?? "article")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "-")
    .replace(/(?<!-)-+\./g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|(?<![-.])[-.]+$/g, "")
    .slice(0, 100);
  const stem = base || "article";
  return /\.[a-z0-9]{1,8}$/i.test(stem) ? stem : `${stem}${ext}`;
}
