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

export const EntityType = z.enum(["person", "organization", "place", "other"]);
export type EntityType = z.infer<typeof EntityType>;

export const Entity = z.object({
  name: z.string().min(1),
  type: EntityType,
});
export type Entity = z.infer<typeof Entity>;

/** The verbatim span a claim came from: `article.text.slice(start, end) === quote`. */
export const Evidence = z
  .object({
    quote: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((e) => e.end - e.start === e.quote.length, "evidence offsets must span the quote");
export type Evidence = z.infer<typeof Evidence>;

export const Attribution = z.object({
  /** Who asserts the claim; null when the article asserts it in its own voice. */
  speaker: z.string().min(1).nullable(),
  speakerType: SpeakerType.nullable(),
  /** The word that introduces the attribution: "said", "according to", "wrote", a colon. */
  cue: z.string().nullable(),
  /** Channels and intermediaries between the speaker and the article: "X (Twitter)", "Reuters". */
  via: z.array(z.string()),
  /** The outlet the article credits for the report, when not its own. */
  reportedBy: z.string().nullable(),
  /** True when the speaker is deliberately unnamed ("an official speaking on condition of anonymity"). */
  anonymous: z.boolean(),
});
export type Attribution = z.infer<typeof Attribution>;

/** The time a claim is about, resolved against the publication date. */
export const ClaimTime = z.object({
  /** The words in the article that name the time. */
  text: z.string(),
  start: IsoDate,
  end: IsoDate,
});
export type ClaimTime = z.infer<typeof ClaimTime>;

export const Claim = z.object({
  /** Stable: the same article yields the same ids on every run. */
  id: z.string().min(1),
  /** Position in reading order, from 0. */
  ordinal: z.number().int().nonnegative(),
  /** One atomic proposition that stands on its own. */
  text: z.string().min(1),
  evidence: Evidence,
  attribution: Attribution,
  certainty: Certainty,
  polarity: Polarity,
  time: ClaimTime.nullable(),
  entities: z.array(Entity),
});
export type Claim = z.infer<typeof Claim>;
