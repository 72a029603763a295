// The cue table (functions/extraction/claims/lexicon/cues.ts): what each property of a cue verb does to a claim.
import { describe, expect, it } from "vitest";
import { CUE_VERBS, CUES } from "../../../functions/extraction/claims/lexicon/cues.ts";
import { specs } from "./spec.ts";

specs("cue properties", {
  that: [
    [
      "The engineer admitted the repairs were late.",
      { claim: "The repairs were late", speaker: "engineer", cue: "admitted" },
    ],
  ],
  listener: [
    [
      "The manager assured the staff that no jobs would be lost.",
      { claim: "No jobs would be lost", speaker: "manager", polarity: "negative" },
      { not: "the staff" },
    ],
  ],
  tail: [
    [
      "The inspector said the crane was safe, adding that the tests were complete.",
      { claim: "The crane was safe", speaker: "inspector" },
      { claim: "The tests were complete", speaker: "inspector" },
    ],
    [
      "A deal could come in May, one banker said, cautioning that the talks could still fail.",
      { claim: "A deal could come in May", speaker: "banker" },
      { claim: "The talks could still fail", speaker: "banker", certainty: "possible" },
    ],
  ],
  act: [
    [
      "The council called for an audit of the harbour accounts.",
      { claim: "The council called for an audit", speaker: "council", cue: "called" },
    ],
  ],
  "hedges probable": [
    [
      "Analysts predict that freight prices will rise in April.",
      { claim: "Freight prices will rise in April", certainty: "probable", time: "2024-04-01" },
    ],
  ],
  "hedges possible": [
    ["The union hinted that a strike would follow.", { claim: "A strike would follow", certainty: "possible" }],
  ],
  negates: [
    [
      "The inspector denied that the cranes were unsafe.",
      { claim: "The cranes were unsafe", speaker: "inspector", polarity: "negative" },
    ],
  ],
  noun: [
    ["The new rules cover every ship in the harbour.", { claim: "The new rules cover every ship", speaker: null }],
  ],
});

describe("cue table", () => {
  it("gives every form of a cue verb its base", () => {
    expect(CUE_VERBS.get("warned")).toBe("warn");
    expect(CUE_VERBS.get("told")).toBe("tell");
    expect(CUE_VERBS.get("replies")).toBe("reply");
    expect(CUE_VERBS.get("admitted")).toBe("admit");
  });

  it("holds one row per base verb", () => {
    for (const base of Object.keys(CUES)) expect(CUE_VERBS.get(base)).toBe(base);
  });
});
