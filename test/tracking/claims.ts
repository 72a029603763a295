// A claim as the extractor would give it, for tests that feed tracking their own sentences.
import type { Claim } from "../../functions/schemas/claim.ts";

export const claim = (id: string, text: string, more: Partial<Claim> = {}): Claim => ({
  id,
  ordinal: 0,
  text,
  evidence: { quote: text, start: 0, end: text.length },
  attribution: {
    speaker: null,
    speakerType: null,
    cue: null,
    kind: "statement",
    via: [],
    reportedBy: null,
    anonymous: false,
  },
  certainty: "certain",
  polarity: "positive",
  time: null,
  entities: [],
  ...more,
});
