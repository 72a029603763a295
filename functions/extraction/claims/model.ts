// The data every stage of the claim engine passes on: a sentence (tokens, part-of-speech tags, which tokens are
// quoted), token ranges inside it, the attribution frame found in it, the atomic clauses cut from it, the
// speaker a frame resolves to, and the draft claim made of one clause. Nothing here imports a stage.
import type { SpeakerType } from "../../schemas/claim.ts";
import type { Block } from "../reading/document.ts";
import type { Token } from "./tokens.ts";

/** A token's word class, as the part-of-speech guesser (pos.ts) reads it from its shape and neighbours. */
export type Pos =
  | "aux"
  | "modal"
  | "verb"
  | "verb-ing"
  | "det"
  | "prep"
  | "conj"
  | "sub"
  | "pron"
  | "adv"
  | "num"
  | "propn"
  | "punct"
  | "word";

/** A run of capitalised words ("Keir Starmer", "Office of the President"). */
export interface NameRun {
  from: number;
  to: number;
  text: string;
}

export interface Sentence {
  tokens: Token[];
  /** Capitalised runs, filled in on first use. */
  runs?: NameRun[];
  tags: Pos[];
  /** For each token, whether it sits inside a quotation. */
  quoted: boolean[];
  /** The clause after a semicolon: it goes on with the report before it unless it has a frame of its own. */
  continues?: boolean;
}

/** Tokens [from, to) of a sentence. */
export interface Range {
  from: number;
  to: number;
  /** Tokens inside the range that are not part of it: the frame in "A, he said, B". */
  skip?: { from: number; to: number };
  /** One proposition whatever its conjunctions: "called the charges unsubstantiated and fabricated". */
  atomic?: boolean;
}

/** The words of a range, joined by single spaces. */
export const rangeText = (s: Sentence, r: Range): string =>
  s.tokens
    .slice(r.from, r.to)
    .map((t) => t.text)
    .join(" ");

/** The sentence made of one range of another. */
export function subSentence(s: Sentence, r: Range): Sentence {
  return {
    tokens: s.tokens.slice(r.from, r.to),
    tags: s.tags.slice(r.from, r.to),
    quoted: s.quoted.slice(r.from, r.to),
  };
}

/** Who a sentence reports and which tokens hold what is reported. */
export interface Frame {
  /** Token range of the speaker's noun phrase; null when the content has no speaker. */
  speaker: Range | null;
  /** The speaker's words without its appositives. */
  speakerText: string;
  /** Comma-delimited appositives stripped from the speaker ("…, who represented the families,"). */
  appositives: Range[];
  cue: string;
  cueBase: string;
  /** Token index of the cue word. */
  cueAt: number;
  /** Token ranges of the reported content, in order. */
  content: Range[];
  /** Further content the same speaker asserts (", adding that …", "… and said …"). */
  more: Range[];
  via: string[];
  anonymous: boolean;
  /** The cue takes an object rather than a proposition ("urged allies to …", "announced a meeting"). */
  whole: boolean;
  /** A clause after the frame that has its own attribution (", while Starmer told partners that …"). */
  rest: Range | null;
  /** The name of the frame rule that recognised it ("according-to-frame", "inverted-title-speaker"). */
  rule: string;
}

export type ClauseKind =
  | "main"
  | "relative"
  | "appositive"
  | "cause"
  | "absolute"
  | "coordinate"
  | "cue"
  | "remark"
  | "result";

export interface Clause {
  /** Sentence token indices, in order; gaps are where other clauses were lifted out. */
  idx: number[];
  /** Words to put before the clause so that it stands alone (a copied subject). */
  prefix: string;
  /** Words inserted after the prefix ("is" for "led by France" → "The coalition is led by France"). */
  link: string;
  kind: ClauseKind;
  /** The conjunction or subordinator that opened the clause ("while", "but"). */
  opener?: string;
  /** A word that stands in for the clause's first token ("knocking" → "knocked"). */
  replaceFirst?: string;
  /** A word inserted before position `at` of idx ("Kyiv [was] the main target"). */
  insert?: { at: number; word: string };
  /** The prefix holds the clause's verb: a parallel list's item ("We lose business | to Houston"), a remark. */
  verbInPrefix?: boolean;
}

/** Who a claim is attributed to. */
export interface Speaker {
  name: string;
  type: SpeakerType;
  anonymous: boolean;
  /** Lower-case head noun of a description ("official", "spokesperson"), for later short references. */
  head: string;
  via: string[];
  reportedBy: string | null;
}

/** A claim before ids and ordering: where it came from and who asserts it. */
export interface Draft {
  block: Block;
  /** Who a leading he/she in the clause stands for, resolved when it was read. */
  referent: string | null;
  sentence: Sentence;
  clause: Clause;
  speaker: Speaker | null;
  cue: string | null;
  cueBase: string | null;
  /** The cue's certainty applies to this clause. */
  hedgedByCue: boolean;
  /** The cue negates this clause ("denied that …" applies to the first clause only). */
  negatedByCue: boolean;
  via: string[];
}

/** A draft with the text its claim reads and the span of its evidence. */
export interface RenderedDraft {
  d: Draft;
  r: { text: string; start: number; end: number };
}

/** Clauses lifted out of a sentence as asides: they speak of their own times, and no cue hedges them. */
export const ASIDES: ReadonlySet<ClauseKind> = new Set(["relative", "appositive", "remark"]);
