// Problems with a request, named so that api/problem.ts maps each to its HTTP status in one place.

export interface FieldError {
  /** Where the bad value is: `query.limit`, `path.id`, `body.title`, `header.content-type`. */
  field: string;
  message: string;
}

export class BadRequestError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.name = "BadRequestError";
    this.errors = errors;
  }
}

export class NotFoundError extends Error {
  /** `why`, when given, says what the client can do about it. */
  constructor(what: string, why?: string) {
    super(why ? `${what} was not found: ${why}` : `${what} was not found`);
    this.name = "NotFoundError";
  }
}

export class MethodNotAllowedError extends Error {
  readonly allow: string[];
  constructor(method: string, path: string, allow: string[]) {
    super(`${method} is not allowed on ${path}; use ${allow.join(", ")}`);
    this.name = "MethodNotAllowedError";
    this.allow = allow;
  }
}

/** The request is valid but the resource's state does not allow it. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class PayloadTooLargeError extends Error {
  constructor(bytes: number, limit: number) {
    super(`the article is ${bytes} bytes, over the ${limit}-byte limit`);
    this.name = "PayloadTooLargeError";
  }
}

export class UnsupportedMediaTypeError extends Error {
  constructor(contentType: string, supported: readonly string[]) {
    super(`content type ${contentType || "(none)"} is not supported; send one of ${supported.join(", ")}`);
    this.name = "UnsupportedMediaTypeError";
  }
}
