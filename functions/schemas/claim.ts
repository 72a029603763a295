// The claim record: what the extractor emits, what the store keeps and what the API serves.
import * as z from "zod";

/** Calendar date, `YYYY-MM-DD`. Months and years are expressed as ranges of days. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** FactBank's degrees of certainty. */
export const Certainty = z.enum(["certain", "probable", "possible"]);
export type Certainty = z.infer<typeof Certainty>;

export const Polarity = z.enum(["positive", "negative"]);
export type Polarity = z.infer<typeof Polarity>;

/** Who a speaker is. `outlet` and `author` mark the article's own voice. */
export const SpeakerType = z.enum(["person", "organization", "group", "outlet", "author", "document", "unknown"]);
export type SpeakerType = z.infer<typeof SpeakerType>;

/** What a speaker is reported doing with a claim; the article's own voice states. */
export const AttributionKind = z.enum(["statement", "belief", "intention", "evaluation"]);
export type AttributionKind = z.infer<typeof AttributionKind>;

export const EntityType = z.enum(["person", "organization", "place", "other"]);
export type EntityType = z.infer<typeof EntityType>;

export const Entity = z
  .object({
    name: z.string().min(1).describe("The name as the article writes it."),
    type: EntityType.describe("What the name refers to: a person, an organization, a place, or another named thing."),
  })
  .describe("A name the claim mentions.");
export type Entity = z.infer<typeof Entity>;

/** The verbatim span a claim came from: `article.text.slice(start, end) === quote`. */
export const Evidence = z
  .object({
    quote: z.string().min(1).describe("The article's own words the claim was read from, verbatim."),
    start: z
      .number()
      .int()
      .nonnegative()
      .describe("Where the quote starts in the article's text (`GET /articles/{id}/text`), in UTF-16 code units."),
    end: z.number().int().positive().describe("Where the quote ends (exclusive): `text.slice(start, end) === quote`."),
  })
  .refine((e) => e.end - e.start === e.quote.length, "evidence offsets must span the quote")
  .describe("The verbatim span of the article the claim came from.");
export type Evidence = z.infer<typeof Evidence>;

export const Attribution = z
  .object({
    speaker: z
      .string()
      .min(1)
      .nullable()
      .describe("Who asserts the claim; null when the article asserts it in its own voice."),
    speakerType: SpeakerType.nullable().describe(
      "What kind of source the speaker is: `person`, `organization`, `group` (protesters, residents), `outlet` " +
        "(a news organization, also the article's own voice), `author` (the article's writer), `document` (a " +
        "report, a statement, a court ruling) or `unknown`; null when there is no speaker.",
    ),
    cue: z
      .string()
      .nullable()
      .describe(
        "The words that attribute the claim to its speaker: `said`, `according to`, `denied`, `wrote`, a colon " +
          "before a quote; null when nothing in the text attributes it.",
      ),
    kind: AttributionKind.default("statement").describe(
      "What the speaker is reported doing with the claim, read from the cue: `statement` (said, told, wrote, " +
        "announced, according to, a colon before a quote), `belief` (believes, thinks, fears, expects, hopes, " +
        "suspects), `intention` (wants, plans, intends, aims, vowed, pledged, promised, threatened) or `evaluation` " +
        "(praised, criticised, condemned, hailed, slammed, endorsed, welcomed, blamed). Always `statement` when the " +
        "article asserts the claim in its own voice (no speaker), or when nothing attributes it but a quotation. " +
        "Claims stored before the field existed read as `statement` until re-extracted (`npm run reprocess -- --all`).",
    ),
    via: z
      .array(z.string())
      .describe(
        "The channels the claim passed through between the speaker and the article, in order: a post on " +
          "`X (Twitter)`, `a statement`, `an interview with BBC Radio 4`. Empty when the speaker told the outlet directly.",
      ),
    reportedBy: z
      .string()
      .nullable()
      .describe(
        "The outlet or agency the article credits for relaying the claim (`Reuters`, `AFP`) when that is not the " +
          "article's own outlet; null otherwise.",
      ),
    anonymous: z
      .boolean()
      .describe('True when the source is deliberately unnamed ("an official speaking on condition of anonymity").'),
  })
  .describe("Who asserts the claim, and how it reached the article.");
export type Attribution = z.infer<typeof Attribution>;

/** The time a claim is about, resolved against the publication date. */
export const ClaimTime = z
  .object({
    text: z.string().describe("The words in the article that name the time: `on Tuesday`, `next year`, `in May`."),
    start: IsoDate.describe("The first day of the period the claim is about (YYYY-MM-DD)."),
    end: IsoDate.describe("The last day of the period, inclusive; equal to `start` for a single day."),
  })
  .describe(
    "The period the claim is about, resolved against the article's publication date: a day, or a range of days " +
      "for a week, month or year.",
  );
export type ClaimTime = z.infer<typeof ClaimTime>;

export const Claim = z.object({
  id: z.string().min(1).describe("`<article id>-c<ordinal>`: the same article yields the same ids on every run."),
  ordinal: z.number().int().nonnegative().describe("The claim's position in the article's reading order, from 0."),
  text: z.string().min(1).describe("One atomic proposition that stands on its own, pronouns resolved."),
  evidence: Evidence,
  attribution: Attribution,
  certainty: Certainty.describe(
    "How certain the source presents the claim, on FactBank's scale: `certain` (stated as fact), `probable` " +
      "(`likely`, `expects`) or `possible` (`may`, `could`, `considering`), read from modals, hedges and cues.",
  ),
  polarity: Polarity.describe("`negative` when the claim says something is not so (`did not`, `denied`)."),
  time: ClaimTime.nullable().describe("The period the claim is about; null when it names none."),
  entities: z.array(Entity).describe("The people, organizations, places and other names in the claim."),
});
export type Claim = z.infer<typeof Claim>;
