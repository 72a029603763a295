// The facts routes' parameters and pages.
import * as z from "zod";
import { CalendarDate, ClaimId, PageQuery, pageOf, SpeakerName } from "./api.ts";
import { FactStatus, FactSummary } from "./fact-records.ts";

export const FactId = z
  .string()
  .regex(/^fact-[0-9a-f]{20}-c\d{4,6}$/, "expected a fact id: fact-<claim id>")
  .describe("A fact's id: `fact-` and the id of its smallest member claim.")
  .meta({ examples: ["fact-2eb52a6129ca0d8afc75-c0002"] });

export const FactPath = z.strictObject({ id: FactId });
export const RelatedPath = z.strictObject({ id: ClaimId });

export const FactsQuery = PageQuery.extend({
  speaker: SpeakerName.optional().describe("Facts a member of which this speaker asserts (the name as given)."),
  entity: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Facts a member of which names this entity; case and spacing do not matter.")
    .meta({ examples: ["Velmar"] }),
  from: CalendarDate.optional()
    .describe("Facts last reported on or after this day.")
    .meta({ examples: ["2026-03-01"] }),
  to: CalendarDate.optional()
    .describe("Facts first reported on or before this day.")
    .meta({ examples: ["2026-03-31"] }),
  status: FactStatus.optional().meta({ examples: ["corroborated"] }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

const EXAMPLE_FACT_SUMMARY = {
  id: "fact-2eb52a6129ca0d8afc75-c0002",
  text: "The blaze started in a conveyor belt",
  statuses: ["corroborated"],
  corroboration: { outlets: ["Coastline Gazette", "Northern Wire"], speakers: ["Anna Korvel"], independentSources: 2 },
  firstReported: "2026-03-03T12:10:00.000Z",
  lastReported: "2026-03-05T09:05:00.000Z",
  memberCount: 3,
};
export const FactPage = pageOf(FactSummary, EXAMPLE_FACT_SUMMARY);
