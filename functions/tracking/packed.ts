// The packed forms tracking stores: an article's claims at article grain, links, facts and relations. Types and
// small helpers only, so the API's reads need none of the matching code.
import type { AttributionKind, Certainty, Claim, ClaimTime, Polarity, SpeakerType } from "../schemas/claim.ts";
import type { Conflict, Update } from "../schemas/fact.ts";

/** What tracking keeps of a claim: what its features and the relation rules read, not its evidence. */
export interface PackedClaim {
  ordinal: number;
  text: string;
  speaker: string | null;
  speakerType: SpeakerType | null;
  cue: string | null;
  /** Absent in articles tracked before claims had a kind: `statement`. */
  kind?: AttributionKind;
  via: string[];
  reportedBy: string | null;
  certainty: Certainty;
  polarity: Polarity;
  time: ClaimTime | null;
  entities: string[];
}

/** One article as tracking keeps it: its claims packed together, so a candidate article is one read. */
export interface ArticleTrack {
  articleId: string;
  /** The store's feed time (publication, else arrival): orders "earlier" and "later" between articles. */
  sortTime: string;
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  authors: string[];
  /** The article's correction note lines ("Correction: …", "An earlier version …"), if any. */
  note: string | null;
  claims: PackedClaim[];
}

/** A pair of claims of two articles that assert one proposition; `a` < `b`. */
export interface Link {
  a: string;
  b: string;
  score: number;
  /** The strongest shared terms: why they were linked. */
  shared: string[];
}

export interface FactMember {
  claimId: string;
  articleId: string;
}

/** A fact as stored: its members and the links that hold them together (a split needs them). */
export interface StoredFact {
  id: string;
  members: FactMember[];
  links: Link[];
}

export const claimIdOf = (articleId: string, ordinal: number): string =>
  `${articleId}-c${String(ordinal).padStart(4, "0")}`;

/** The claim back from its packed form, with what tracking does not keep left empty. */
export function unpackClaim(articleId: string, p: PackedClaim): Claim {
  return {
    id: claimIdOf(articleId, p.ordinal),
    ordinal: p.ordinal,
    text: p.text,
    evidence: { quote: p.text, start: 0, end: p.text.length },
    attribution: {
      speaker: p.speaker,
      speakerType: p.speakerType,
      cue: p.cue,
      kind: p.kind ?? "statement",
      via: p.via,
      reportedBy: p.reportedBy,
      anonymous: false,
    },
    certainty: p.certainty,
    polarity: p.polarity,
    time: p.time,
    entities: p.entities.map((name) => ({ name, type: "other" as const })),
  };
}

/** A conflict or an update found between a new article's claims and a candidate's, keyed for idempotent writes. */
export type Relation = ({ type: "conflict" } & Conflict) | ({ type: "update" } & Update);

export const relationKey = (r: Relation): string =>
  r.type === "conflict" ? `conflict ${r.claims[0]} ${r.claims[1]}` : `update ${r.from} ${r.to}`;
