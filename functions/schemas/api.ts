// The REST API's requests and responses. With records.ts these schemas validate every request, type every
// handler and generate the OpenAPI document (api/openapi.ts): there is no other description of the API.
import * as z from "zod";
import { Certainty, IsoDate } from "./claim.ts";
import { ArticleStatus, ArticleSummary, ClaimRecord, ObjectSource, SpeakerSummary } from "./records.ts";

// --- parameters -------------------------------------------------------------------------------------------------

export const ArticleId = z
  .string()
  .regex(/^[0-9a-f]{20}$/, "expected an article id: 20 lowercase hex digits")
  .describe("The article's id: the first 20 hex digits of the sha256 of its content.");

export const ClaimId = z
  .string()
  .regex(/^[0-9a-f]{20}-c\d{4,6}$/, "expected a claim id: <article id>-c<ordinal>")
  .describe("The claim's id: its article's id, `-c` and its position in reading order.");

export const SpeakerName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe("A speaker's name; case and spacing do not matter.");

/** A real calendar day (the claim schema's IsoDate only checks the shape). */
export const CalendarDate = IsoDate.refine((d) => {
  // Zod runs this even when the shape check failed: it must not throw on any string.
  const ms = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(d);
}, "expected a calendar date YYYY-MM-DD");

/**
 * A whole number written in decimal digits only: `Number()` would also read `0x10`, `1e1`, ` 5` and `""`, so a
 * query string that is not plainly decimal fails validation instead of being read as some other number.
 */
const decimalQueryInteger = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^[0-9]{1,9}$/.test(v) ? Number(v) : v),
    z
      .number({
        error: (issue) => (issue.code === "invalid_type" ? "expected a whole number in decimal digits" : undefined),
      })
      .int()
      .min(min)
      .max(max)
      .default(fallback),
  );

export const PageQuery = z.strictObject({
  limit: decimalQueryInteger(1, 200, 50).describe("Items per page, 1–200."),
  cursor: z.string().min(1).max(4096).optional().describe("The `nextCursor` of the previous page."),
});

export const ClaimsQuery = PageQuery.extend({
  speaker: SpeakerName.optional().describe("Claims by this speaker."),
  entity: z.string().trim().min(1).max(200).optional().describe("Claims naming this entity."),
  from: CalendarDate.optional().describe("Claims about a time that starts on or after this day."),
  to: CalendarDate.optional().describe("Claims about a time that ends on or before this day."),
  certainty: Certainty.optional().describe("Claims of this certainty."),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

/** ISO 8601 date, or date and time with an optional offset. */
const IsoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    "expected an ISO 8601 date or date-time",
  );

/** Metadata a client may give with an article; the article's own metadata wins when both exist. */
export const SubmittedMetadata = z.strictObject({
  title: z.string().trim().min(1).max(1000).nullish(),
  publishedAt: IsoDateTime.nullish(),
  outlet: z.string().trim().min(1).max(300).nullish(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullish(),
});

// --- request bodies ---------------------------------------------------------------------------------------------

/** `POST /articles` with `application/json`: stored as a JSON article file, the shape the extractor reads. */
export const ArticleSubmission = SubmittedMetadata.extend({
  body: z.string().refine((b) => b.trim().length > 0, "must not be empty"),
  authors: z.array(z.string().trim().min(1).max(300)).max(50).nullish(),
});
export type ArticleSubmission = z.infer<typeof ArticleSubmission>;

/** Content types `POST /articles` and `POST /uploads` accept: what the extractor reads. */
export const ArticleContentType = z.enum([
  "text/plain",
  "text/markdown",
  "text/x-markdown",
  "text/html",
  "application/xhtml+xml",
  "application/json",
]);
export type ArticleContentType = z.infer<typeof ArticleContentType>;

/** `POST /articles` with a raw file: metadata travels in the query string. */
export const RawArticleQuery = SubmittedMetadata;

export const UploadRequest = SubmittedMetadata.extend({
  contentType: ArticleContentType,
  contentLength: z.number().int().positive().describe("The file's exact size in bytes."),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Kept (made safe) as the last part of the object key."),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

// --- responses --------------------------------------------------------------------------------------------------

export const AcceptedArticle = z.object({
  id: ArticleId,
  status: ArticleStatus,
  source: ObjectSource,
});
export type AcceptedArticle = z.infer<typeof AcceptedArticle>;

export const UploadTicket = z.object({
  url: z.url().describe("PUT the file here before `expiresAt`."),
  method: z.literal("PUT"),
  /** Headers the PUT must carry exactly as given (they are part of the signature). */
  headers: z.record(z.string(), z.string()),
  source: ObjectSource,
  expiresAt: z.iso.datetime(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });

/** `GET /articles/{id}/text`: the string every claim's `evidence.start`/`end` index. */
export const ArticleText = z.object({
  id: ArticleId,
  text: z
    .string()
    .describe(
      "The article's plain text as the extractor read it. For each of its claims, " +
        "`text.slice(evidence.start, evidence.end) === evidence.quote`: offsets count UTF-16 code units, " +
        "the indices of a JavaScript string.",
    ),
});
export type ArticleText = z.infer<typeof ArticleText>;

export const ArticlePage = pageOf(ArticleSummary);
export const ClaimPage = pageOf(ClaimRecord);
export const SpeakerPage = pageOf(SpeakerSummary);

/** RFC 9457 problem details, on every error. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  /** For 400: each failing field, as `query.limit`, `path.id`, `body.title`. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
