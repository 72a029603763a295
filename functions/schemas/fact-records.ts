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

const EXAMPLE_MEMBER = {
  claimId: "2eb52a6129ca0d8afc75-c0002",
  articleId: "2eb52a6129ca0d8afc75",
  text: "The blaze started in a conveyor belt",
  speaker: "Anna Korvel",
  reportedBy: null,
  via: [],
  certainty: "certain",
  polarity: "positive",
  outlet: "Coastline Gazette",
  title: "Fire at Velmar harbour warehouse injures 11",
  publishedAt: "2026-03-03T12:10:00",
  reportedAt: "2026-03-03T12:10:00.000Z",
};
const EXAMPLE_OTHER = {
  ...EXAMPLE_MEMBER,
  claimId: "7f07ea965438655d7a4b-c0001",
  articleId: "7f07ea965438655d7a4b",
  outlet: "Northern Wire",
  title: "Velmar harbour blaze: 14 hurt, terminal to stay shut",
  publishedAt: "2026-03-03T15:40:00",
  reportedAt: "2026-03-03T15:40:00.000Z",
};
const EXAMPLE_UPDATE = {
  from: "2eb52a6129ca0d8afc75-c0001",
  to: "472b5a81ea691242b478-c0004",
  kind: "revised-figure",
  why: "the figure was revised: 11 → 14",
};

export const FactRecord = z
  .object({
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
  })
  .meta({
    examples: [
      {
        id: "fact-2eb52a6129ca0d8afc75-c0002",
        text: EXAMPLE_MEMBER.text,
        statuses: ["corroborated"],
        members: [EXAMPLE_MEMBER, EXAMPLE_OTHER],
        links: [
          {
            a: EXAMPLE_MEMBER.claimId,
            b: EXAMPLE_OTHER.claimId,
            score: 1,
            shared: ["belt", "blaz", "conveyor", "start"],
          },
        ],
        corroboration: {
          outlets: ["Coastline Gazette", "Northern Wire"],
          speakers: ["Anna Korvel"],
          independentSources: 2,
        },
        conflicts: [],
        updates: [],
        timeline: [
          { at: EXAMPLE_MEMBER.reportedAt, claimId: EXAMPLE_MEMBER.claimId, event: "first-report" },
          { at: EXAMPLE_OTHER.reportedAt, claimId: EXAMPLE_OTHER.claimId, event: "report" },
        ],
        firstReported: EXAMPLE_MEMBER.reportedAt,
        lastReported: EXAMPLE_OTHER.reportedAt,
      },
    ],
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

export const RelatedClaims = z
  .object({
    claimId: z.string(),
    factId: z.string().nullable().describe("The fact the claim asserts with claims of other articles; null if none."),
    sameFact: z.array(FactMember).describe("The other members of its fact."),
    conflicts: z.array(Conflict),
    updates: z.array(Update),
  })
  .meta({
    examples: [
      {
        claimId: EXAMPLE_UPDATE.from,
        factId: null,
        sameFact: [],
        conflicts: [],
        updates: [EXAMPLE_UPDATE],
      },
    ],
  });
export type RelatedClaims = z.infer<typeof RelatedClaims>;
