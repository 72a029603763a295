// The REST API's requests and responses. With records.ts these schemas validate every request, type every
// handler and generate the OpenAPI document (api/openapi.ts): there is no other description of the API.
import * as z from "zod";
import { AttributionKind, Certainty, IsoDate, Polarity } from "./claim.ts";
import {
  EXAMPLE_ARTICLE,
  EXAMPLE_CLAIM,
  EXAMPLE_CURSOR,
  EXAMPLE_SPEAKER,
  EXAMPLE_SUMMARY,
  EXAMPLE_TEXT,
  EXAMPLE_UPLOAD,
} from "./examples.ts";
import { ArticleStatus, ArticleSummary, ClaimRecord, ObjectSource, SpeakerSummary } from "./records.ts";

// --- parameters -------------------------------------------------------------------------------------------------

export const ArticleId = z
  .string()
  .regex(/^[0-9a-f]{20}$/, "expected an article id: 20 lowercase hex digits")
  .describe("The article's id: the first 20 hex digits of the sha256 of its content.")
  .meta({ examples: [EXAMPLE_ARTICLE.id] });

export const ClaimId = z
  .string()
  .regex(/^[0-9a-f]{20}-c\d{4,6}$/, "expected a claim id: <article id>-c<ordinal>")
  .describe("The claim's id: its article's id, `-c` and its position in reading order.")
  .meta({ examples: [EXAMPLE_CLAIM.id] });

export const SpeakerName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe(
    "A speaker's name in any spelling the articles use: case, diacritics, punctuation and a transliterated " +
      "ending do not matter (`Radoslaw Sikorski` finds `Radosław Sikorski`, `Zelenskiy` finds `Zelenskyy`), and a " +
      "surname alone finds the one speaker of several words who has it (`Macron`).",
  )
  .meta({ examples: [EXAMPLE_SPEAKER.name] });

/** An outlet's name, as articles give it; case and spacing do not matter. */
const OutletName = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .meta({ examples: [EXAMPLE_SUMMARY.metadata.outlet] });

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
  limit: decimalQueryInteger(1, 200, 50)
    .describe("Items per page, 1–200.")
    .meta({ examples: [20] }),
  cursor: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe("The `nextCursor` of the previous page.")
    .meta({ examples: [EXAMPLE_CURSOR] }),
});

export const ClaimsQuery = PageQuery.extend({
  speaker: SpeakerName.optional().describe(
    "Claims by this speaker, under any spelling of the name or the surname alone where it is unambiguous (see " +
      "`GET /speakers/{name}/claims`).",
  ),
  entity: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Claims naming this entity; case and spacing do not matter.")
    .meta({ examples: ["NATO"] }),
  article: ArticleId.optional().describe("Claims of this article only, in reading order."),
  outlet: OutletName.optional().describe(
    "Claims of articles published by this outlet; case and spacing do not matter.",
  ),
  polarity: Polarity.optional()
    .describe("`negative` for claims that something is not so (`did not`, `denied`), `positive` for the others.")
    .meta({ examples: ["negative"] }),
  from: CalendarDate.optional()
    .describe(
      "Claims about a period that ends on or after this day. With `to`, the claims whose period overlaps the " +
        "window `from`–`to` (both days included): a claim about 10–11 July is in a window of 10 July alone.",
    )
    .meta({ examples: ["2025-07-10"] }),
  to: CalendarDate.optional()
    .describe("Claims about a period that starts on or before this day (the period overlaps the window).")
    .meta({ examples: ["2025-07-10"] }),
  certainty: Certainty.optional()
    .describe("Claims of this certainty: `certain`, `probable` or `possible`.")
    .meta({ examples: ["probable"] }),
  kind: AttributionKind.optional()
    .describe(
      "Claims whose speaker is reported doing this with them (`attribution.kind`): `statement` (said, wrote, " +
        "according to; also every claim in the article's own voice), `belief` (believes, fears, expects), " +
        "`intention` (wants, plans, vowed) or `evaluation` (praised, criticised, endorsed).",
    )
    .meta({ examples: ["belief"] }),
  q: z
    .string()
    .optional()
    .describe(
      "Not served here: words in a claim's text are found by `GET /claims/search?q=…` (SQL over the claims " +
        "export), which a table read within two calls cannot do. Given here, the answer is a 400 saying so.",
    )
    .meta({ examples: ["ferry"] }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

export const SpeakersQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "Speakers whose first name word or surname starts with this, folded as names are (case, diacritics): " +
        "`zel` finds `Volodymyr Zelenskyy`, `volo` too. With `q`, at most `limit` speakers, most quoted first, " +
        "on one page (no `cursor`).",
    )
    .meta({ examples: ["zel"] }),
});

export const ArticlesQuery = PageQuery.extend({
  status: ArticleStatus.optional()
    .describe("Articles with this status: `PENDING`, `PROCESSED` or `FAILED` (with its `failureReason`).")
    .meta({ examples: ["FAILED"] }),
  outlet: OutletName.optional().describe("Articles published by this outlet; case and spacing do not matter."),
  key: z
    .string()
    .trim()
    .min(1)
    .max(1024)
    .optional()
    .describe(
      "The article an object of the bucket holds: its whole S3 key (`incoming/uploads/…/report.html`, as " +
        "`POST /uploads` and `POST /articles` answer it in `source.key`), or a file name uploaded directly under " +
        "the ingest prefix (`report.html` for `incoming/report.html`). Answers that one article or none.",
    )
    .meta({ examples: ["incoming/ferry-route.txt"] }),
});

/** ISO 8601 date, or date and time with an optional offset. */
const IsoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    "expected an ISO 8601 date or date-time",
  );

/** Metadata a client may give with an article; the article's own metadata wins when both exist. */
export const SubmittedMetadata = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .nullish()
    .describe("The article's headline.")
    .meta({ examples: [EXAMPLE_ARTICLE.metadata.title] }),
  publishedAt: IsoDateTime.nullish()
    .describe(
      "When the article was published: an ISO 8601 date or date-time, e.g. `2025-03-04T09:00:00+01:00`; claims' " +
        "times are resolved against it.",
    )
    .meta({ examples: [EXAMPLE_ARTICLE.metadata.publishedAt] }),
  outlet: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .nullish()
    .describe("The news organization that published it.")
    .meta({ examples: [EXAMPLE_ARTICLE.metadata.outlet] }),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullish()
    .describe("Where the article was published (http or https).")
    .meta({ examples: [EXAMPLE_ARTICLE.metadata.url] }),
});

// --- request bodies ---------------------------------------------------------------------------------------------

/** `POST /articles` with `application/json`: stored as a JSON article file, the shape the extractor reads. */
export const ArticleSubmission = SubmittedMetadata.extend({
  body: z
    .string()
    .refine((b) => b.trim().length > 0, "must not be empty")
    .describe("The article's text: plain text with paragraphs separated by blank lines."),
  authors: z.array(z.string().trim().min(1).max(300)).max(50).nullish().describe("The article's bylines."),
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
  contentType: ArticleContentType.describe("The file's media type; the PUT must send it as `Content-Type`."),
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

export const AcceptedArticle = z
  .object({
    id: ArticleId,
    status: ArticleStatus.describe("Always `PENDING`: the pipeline records the article when it picks the object up."),
    source: ObjectSource,
  })
  .meta({ examples: [{ id: EXAMPLE_ARTICLE.id, status: "PENDING", source: EXAMPLE_ARTICLE.sources[0] }] });
export type AcceptedArticle = z.infer<typeof AcceptedArticle>;

export const UploadTicket = z
  .object({
    url: z.url().describe("PUT the file here before `expiresAt`."),
    method: z.literal("PUT").describe("The HTTP method to send the file with."),
    headers: z
      .record(z.string(), z.string())
      .describe("Headers the PUT must carry exactly as given: they are part of the signature."),
    source: ObjectSource,
    expiresAt: z.iso.datetime().describe("The URL is refused after this time."),
  })
  .meta({ examples: [EXAMPLE_UPLOAD] });
export type UploadTicket = z.infer<typeof UploadTicket>;

export const pageOf = <T extends z.ZodType>(item: T, example: unknown) =>
  z
    .object({
      items: z.array(item).describe("This page's items, in the order the operation describes."),
      nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
    })
    .meta({ examples: [{ items: [example], nextCursor: EXAMPLE_CURSOR }] });

/** `GET /articles/{id}/text`: the string every claim's `evidence.start`/`end` index. */
export const ArticleText = z
  .object({
    id: ArticleId,
    text: z
      .string()
      .describe(
        "The article's plain text as the extractor read it. For each of its claims, " +
          "`text.slice(evidence.start, evidence.end) === evidence.quote`: offsets count UTF-16 code units, " +
          "the indices of a JavaScript string.",
      ),
  })
  .meta({ examples: [{ id: EXAMPLE_ARTICLE.id, text: EXAMPLE_TEXT }] });
export type ArticleText = z.infer<typeof ArticleText>;

export const ArticlePage = pageOf(ArticleSummary, EXAMPLE_SUMMARY);
export const ClaimPage = pageOf(ClaimRecord, EXAMPLE_CLAIM);
export const SpeakerPage = pageOf(SpeakerSummary, EXAMPLE_SPEAKER);

/** RFC 9457 problem details, on every error. */
export const Problem = z.object({
  type: z.string().describe("`about:blank`: the status says what kind of problem it is."),
  title: z.string().describe("The status's name, e.g. `Not Found`."),
  status: z.number().int().describe("The HTTP status code."),
  detail: z.string().describe("What went wrong with this request, and what to do about it."),
  instance: z.string().optional().describe("The path that was requested."),
  errors: z
    .array(
      z.object({
        field: z.string().describe("Where the bad value is: `query.limit`, `path.id`, `body.title`."),
        message: z.string().describe("What is wrong with it."),
      }),
    )
    .optional()
    .describe("For 400: each failing field."),
});
export type Problem = z.infer<typeof Problem>;
