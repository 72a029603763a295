// Claims in standard formats for other tools: schema.org `Claim` items in JSON-LD (the vocabulary fact-checkers'
// ClaimReview markup builds on) and CSV with the export's columns. The schemas document the responses of
// `GET /articles/{id}/claims?format=…` and `GET /claims/search`.
import * as z from "zod";
import { ClaimPage } from "./api.ts";

export const ClaimsFormat = z
  .enum(["json", "csv", "jsonld"])
  .default("json")
  .describe(
    "`json`: a page of claim records; `csv`: every claim of the article, one row each with the export's columns " +
      "(text/csv); `jsonld`: every claim as a schema.org `Claim` (application/ld+json).",
  );

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
