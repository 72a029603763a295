// What tracking adds to extracted claims: facts (claims of different articles asserting one proposition),
// conflicts between facts, updates from an earlier claim to a later one, versions of one article.
import * as z from "zod";
import { ExtractedArticle } from "./article.ts";
import { Claim } from "./claim.ts";

export const UpdateKind = z.enum([
  "correction",
  "retraction",
  "revised-figure",
  "rescheduled",
  "denial",
  "confirmation",
]);
export type UpdateKind = z.infer<typeof UpdateKind>;

/** Why a claim joined its fact: the claim it matched and what the two share. */
export const LinkWhy = z.object({
  linkedTo: z.string(),
  score: z.number(),
  sharedEntities: z.array(z.string()),
  sharedNumbers: z.array(z.string()),
  sharedSpeakers: z.array(z.string()),
  sharedWords: z.array(z.string()),
});
export type LinkWhy = z.infer<typeof LinkWhy>;

export const TrackedClaim = Claim.extend({
  /** The fact the claim asserts with claims of other articles; null when no other article asserts it. */
  factId: z.string().nullable(),
  link: LinkWhy.nullable(),
});
export type TrackedClaim = z.infer<typeof TrackedClaim>;

/** How independently a fact is reported: a wire story republished by two outlets is one source. */
export const Corroboration = z.object({
  outlets: z.array(z.string()),
  speakers: z.array(z.string()),
  /** Distinct original sources: the reporting chain (`reportedBy`, `via`) before the outlet. */
  independentSources: z.number().int().nonnegative(),
});
export type Corroboration = z.infer<typeof Corroboration>;

export const Fact = z.object({
  id: z.string(),
  /** The wording of its first claim. */
  text: z.string(),
  members: z.array(z.object({ claimId: z.string(), articleId: z.string() })),
  corroboration: Corroboration,
  firstReported: z.string().nullable(),
});
export type Fact = z.infer<typeof Fact>;

export const Conflict = z.object({
  claims: z.tuple([z.string(), z.string()]),
  why: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const Update = z.object({
  from: z.string(),
  to: z.string(),
  kind: UpdateKind,
  why: z.string(),
});
export type Update = z.infer<typeof Update>;

export const ClaimChange = z.object({
  change: z.enum(["added", "removed", "changed"]),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ClaimChange = z.infer<typeof ClaimChange>;

/** An article that is a later version of an earlier one (same outlet and headline, mostly the same text). */
export const Version = z.object({
  articleId: z.string(),
  previousId: z.string(),
  changes: z.array(ClaimChange),
});
export type Version = z.infer<typeof Version>;

export const TrackedArticle = z.object({
  file: z.string(),
  article: ExtractedArticle,
  claims: z.array(TrackedClaim),
});
export type TrackedArticle = z.infer<typeof TrackedArticle>;

/** What `npm run track -- FILE…` prints. */
export const Tracking = z.object({
  articles: z.array(TrackedArticle),
  facts: z.array(Fact),
  conflicts: z.array(Conflict),
  updates: z.array(Update),
  versions: z.array(Version),
});
export type Tracking = z.infer<typeof Tracking>;
