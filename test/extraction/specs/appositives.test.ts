// Appositive readings (functions/extraction/claims/appositives.ts APPOSITIVE_READINGS): what a speaker's
// appositive states in the article's own voice.
import { describe, expect, it } from "vitest";
import { APPOSITIVE_READINGS } from "../../../functions/extraction/claims/appositives.ts";
import { type Spec, specs } from "./spec.ts";

const READINGS: Record<string, Spec[]> = {
  circumstance: [
    [
      "The mayor, at a press briefing on Monday, said the quay would reopen.",
      { claim: "The quay would reopen", speaker: "mayor", time: "2024-03-11" },
      { not: "at a press briefing" },
      { not: "The mayor is" },
    ],
  ],
  "whose-relative": [
    [
      "A spokeswoman for Mayor Ana Ruiz, whose office runs the port, said the quay would reopen.",
      { claim: "Mayor Ana Ruiz's office runs the port", speaker: null },
      { claim: "The quay would reopen", speaker: "spokeswoman for Mayor Ana Ruiz" },
    ],
  ],
  "description-with-relative": [
    [
      "Tom Baker, an engineer at Hill Works who inspected the crane, said it was safe.",
      { claim: "Tom Baker is an engineer at Hill Works", speaker: null },
      { claim: "Tom Baker inspected the crane", speaker: null },
      { claim: "It was safe", speaker: "Tom Baker" },
    ],
  ],
  description: [
    [
      "Harriet Vole, a lawyer for the dock workers, said the strike would go on.",
      { claim: "Harriet Vole is a lawyer for the dock workers", speaker: null },
      { claim: "The strike would go on", speaker: "Harriet Vole" },
    ],
  ],
  participle: [
    [
      "The harbour board, led by Tom Baker, said the fees would rise.",
      { claim: "The harbour board is led by Tom Baker", speaker: null },
      { claim: "The fees would rise", speaker: "harbour board" },
    ],
  ],
  "relative-clause": [
    [
      "The harbour board, which runs the port, said the fees would rise.",
      { claim: "The harbour board runs the port", speaker: null },
      { claim: "The fees would rise", speaker: "harbour board" },
    ],
  ],
};

specs("appositive readings", READINGS);

describe("appositive reading specs", () => {
  it("cover every reading", () => {
    for (const { name } of APPOSITIVE_READINGS) expect(Object.keys(READINGS)).toContain(name);
  });
});
