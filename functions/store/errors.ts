// Named problems the store reports. Callers map them: the API to HTTP statuses (api/problem.ts), the ingest
// pipeline to FAILED articles or retries. All but StoreBusyError are permanent: retrying the same call cannot help.

/** The article does not exist (never recorded, or deleted while it was being processed). */
export class ArticleNotFoundError extends Error {
  readonly articleId: string;
  constructor(articleId: string) {
    super(`article ${articleId} does not exist`);
    this.name = "ArticleNotFoundError";
    this.articleId = articleId;
  }
}

/** A later S3 event of the same key was recorded before this one: this event is out of date (not an error to retry). */
export class SourceSupersededError extends Error {
  constructor(key: string) {
    super(`a later event of ${key} was recorded first`);
    this.name = "SourceSupersededError";
  }
}

/** A pagination cursor that this store did not issue for this query (edited, truncated, or from another list). */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`invalid cursor: ${reason}`);
    this.name = "InvalidCursorError";
  }
}

/** A record the store refuses to write: it breaks an invariant the keys rely on, or it is too large to store. */
export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRecordError";
  }
}

/**
 * DynamoDB kept refusing part of a batch (UnprocessedItems) after every retry: transient, the caller should
 * retry later. Whatever was written is consistent and a rerun completes it.
 */
export class StoreBusyError extends Error {
  readonly unprocessed: number;
  constructor(unprocessed: number, attempts: number) {
    super(`DynamoDB left ${unprocessed} writes unprocessed after ${attempts} attempts`);
    this.name = "StoreBusyError";
    this.unprocessed = unprocessed;
  }
}
