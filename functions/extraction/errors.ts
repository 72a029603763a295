// Named problems with an input article. Each message is one line a person can act on.

export type BadArticleCode =
  | "EMPTY"
  | "BINARY"
  | "UNDECODABLE"
  | "TOO_LARGE"
  | "NO_TEXT"
  | "UNSUPPORTED_TYPE"
  | "MALFORMED"
  | "NO_CLAIMS";

/** A permanent problem with the article itself: retrying cannot help. */
export class BadArticleError extends Error {
  readonly code: BadArticleCode;
  constructor(code: BadArticleCode, message: string) {
    super(message);
    this.name = "BadArticleError";
    this.code = code;
  }
}

/** Articles above this size are refused before any parsing (5 MB, configurable by callers). */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
