// Claims in standard formats for other tools: schema.org `Claim` items in JSON-LD (the vocabulary fact-checkers'
// ClaimReview markup builds on) and CSV with the export's columns. The schemas document the responses of
// `GET /articles/{id}/claims?format=…` and `GET /claims/search`.
import * as z from "zod";
import { CalendarDate, ClaimPage, ClaimsQuery, PageQuery, SpeakerName } from "./api.ts";

export const ClaimsFormat = z
  .enum(["json", "csv", "jsonld"])
  .default("json")
  .describe(
    "`json`: a page of claim records; `csv`: every claim of the article, one row each with the export's columns " +
      "(text/csv); `jsonld`: every claim as a schema.org `Claim` (application/ld+json).",
  )
  .meta({ examples: ["csv"] });

const Agent = z.object({ "@type": z.enum(["Person", "Organization"]), name: z.string() });

export const SchemaOrgClaim = z.object({
  "@type": z.literal("Claim"),
  "@id": z.string().describe("`urn:claimtrack:claim:<claim id>`"),
  identifier: z.string(),
  text: z.string(),
  author: Agent.optional().describe("The speaker; for the article's own voice, its outlet when known."),
  datePublished: z.string().optional().describe("The article's publication time."),
  appearance: z.object({
    "@type": z.literal("NewsArticle"),
    "@id": z.string(),
    headline: z.string().optional(),
    url: z.string().optional(),
    datePublished: z.string().optional(),
    publisher: Agent.optional(),
  }),
});

export const SchemaOrgClaims = z.object({
  "@context": z.literal("https://schema.org"),
  "@graph": z.array(SchemaOrgClaim),
});
export type SchemaOrgClaims = z.infer<typeof SchemaOrgClaims>;

/** `GET /claims/search` while Athena is still running the query: poll with the token. */
export const SearchPending = z.object({
  status: z.literal("RUNNING"),
  token: z.string().describe("Pass as `token` to `GET /claims/search` until the claims come back."),
});

export const SearchAnswer = ClaimPage;

/** `GET /claims/search`: words and "phrases" in `q`, or the token of a search still running. */
export const SearchQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('Words that must all occur in the claim, and phrases in double quotes: `ceasefire "in Rome"`.')
      .meta({ examples: ['ferry "in May"'] }),
    token: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("The token of a search that was still running.")
      .meta({ examples: ["3b2825f1-ad50-4d6e-9c1a-2f6b8e1d4c7a"] }),
    speaker: SpeakerName.optional().describe(
      "Claims by this speaker under any spelling of the name (case, diacritics and transliterations folded as " +
        "in `GET /claims?speaker=`). A name of one word also matches every speaker of that surname, even when " +
        "several people share it (`GET /claims?speaker=` joins a surname to one person only when unambiguous).",
    ),
    from: CalendarDate.optional()
      .describe("Claims about a period that ends on or after this day (the period overlaps the window).")
      .meta({ examples: ["2025-05-01"] }),
    to: CalendarDate.optional()
      .describe("Claims about a period that starts on or before this day (the period overlaps the window).")
      .meta({ examples: ["2025-05-31"] }),
    kind: ClaimsQuery.shape.kind,
    limit: PageQuery.shape.limit,
  })
  .refine((s) => s.q !== undefined || s.token !== undefined, { path: ["q"], message: "q or token is required" })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ["to"], message: "must not be before from" });
export type SearchQuery = z.infer<typeof SearchQuery>;
