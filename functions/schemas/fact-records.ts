// What the store keeps of tracked facts and the API serves: a fact with its members (each with its article,
// outlet, speaker and stance), the conflicts and updates that touch it, its corroboration and a timeline.
import * as z from "zod";
import { Certainty, Polarity } from "./claim.ts";
import { Conflict, Corroboration, Update } from "./fact.ts";

export const FactStatus = z
  .enum(["corroborated", "contested", "corrected", "retracted"])
  .describe(
    "`corroborated`: two or more independent sources; `contested`: a member conflicts with another claim; " +
      "`corrected`: a member was corrected or its figure revised; `retracted`: a member was retracted or denied.",
  );
export type FactStatus = z.infer<typeof FactStatus>;

export const FactMember = z.object({
  claimId: z.string().describe("The member claim's id (`GET /claims/{id}`)."),
  articleId: z.string(),
  text: z.string(),
  speaker: z.string().nullable(),
  reportedBy: z.string().nullable(),
  via: z.array(z.string()),
  certainty: Certainty,
  polarity: Polarity,
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The store's feed time of the member's article (publication, else arrival). */
  reportedAt: z.string().describe("When the member's article was published (else received), as a UTC instant."),
});
export type FactMember = z.infer<typeof FactMember>;

export const FactLink = z.object({
  a: z.string(),
  b: z.string(),
  score: z.number(),
  shared: z.array(z.string()).describe("The strongest terms both claims hold: `@` entities, `#` figures, words."),
});

export const TimelineEntry = z.object({
  at: z.string().describe("When, as a UTC instant (the article's publication, else arrival)."),
  claimId: z.string(),
  event: z.enum(["first-report", "report", "update"]),
  kind: Update.shape.kind.optional(),
});

export const FactRecord = z.object({
  id: z.string().describe("`fact-<smallest member claim id>`: the same claims always make the same id."),
  text: z.string().describe("The wording of its earliest member."),
  statuses: z.array(FactStatus),
  members: z.array(FactMember),
  links: z.array(FactLink).describe("The pairs of members judged alike, and why: the fact is what they connect."),
  corroboration: Corroboration,
  conflicts: z.array(Conflict).describe("Conflicts that involve a member."),
  updates: z.array(Update).describe("Updates from or to a member."),
  timeline: z.array(TimelineEntry).describe("From the first report to the last update, in time order."),
  firstReported: z.string(),
  lastReported: z.string(),
});
export type FactRecord = z.infer<typeof FactRecord>;

export const FactSummary = FactRecord.pick({
  id: true,
  text: true,
  statuses: true,
  corroboration: true,
  firstReported: true,
  lastReported: true,
}).extend({ memberCount: z.number().int().min(2) });
export type FactSummary = z.infer<typeof FactSummary>;

export const RelatedClaims = z.object({
  claimId: z.string(),
  factId: z.string().nullable().describe("The fact the claim asserts with claims of other articles; null if none."),
  sameFact: z.array(FactMember).describe("The other members of its fact."),
  conflicts: z.array(Conflict),
  updates: z.array(Update),
});
export type RelatedClaims = z.infer<typeof RelatedClaims>;
