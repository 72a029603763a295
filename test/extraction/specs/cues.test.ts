// The cue table (functions/extraction/claims/lexicon/cues.ts): what each property of a cue verb does to a claim.
import { describe, expect, it } from "vitest";
import { CUE_VERBS, CUES, kindOfCue } from "../../../functions/extraction/claims/lexicon/cues.ts";
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
  infinitive: [
    [
      "The rail operator plans to cut six routes.",
      { claim: "The rail operator plans to cut six routes", speaker: "rail operator", kind: "intention" },
    ],
    ["The drivers wanted a longer break.", { claim: "The drivers wanted a longer break", speaker: null }],
    ["The villagers made plans to rebuild the mill.", { claim: "made plans to rebuild the mill", speaker: null }],
  ],
  "kind belief": [
    ["The harbour master believes the pier is sinking.", { claim: "The pier is sinking", kind: "belief" }],
    ["Growers fear that the frost will ruin the crop.", { claim: "The frost will ruin the crop", kind: "belief" }],
    ["Economists expect the index to fall.", { claim: "expect the index to fall", kind: "belief" }],
    ["The coach thinks the team is ready.", { claim: "The team is ready", speaker: "coach", kind: "belief" }],
    [
      "Auditors suspect that the ledgers were altered.",
      { claim: "The ledgers were altered", speaker: "Auditors", certainty: "probable", kind: "belief" },
    ],
    [
      "The organisers hope that the rain will stop.",
      { claim: "The rain will stop", speaker: "organisers", certainty: "possible", kind: "belief" },
    ],
  ],
  "kind intention": [
    ["The bakery wants to open a second shop.", { claim: "wants to open a second shop", kind: "intention" }],
    [
      "The ministry intends to sell the building.",
      { claim: "intends to sell", speaker: "ministry", kind: "intention" },
    ],
    ["The club aims to fill the stadium.", { claim: "aims to fill the stadium", speaker: "club", kind: "intention" }],
    ["The captain vowed to win the cup.", { claim: "vowed to win the cup", kind: "intention" }],
    ["The landlord pledged to fix the heating.", { claim: "pledged to fix the heating", kind: "intention" }],
    ["The airline promised to refund every ticket.", { claim: "promised to refund", kind: "intention" }],
    ["The tenants threatened to withhold the rent.", { claim: "threatened to withhold", kind: "intention" }],
  ],
  "kind evaluation": [
    ["The judge praised the jury as patient.", { claim: "praised the jury", speaker: "judge", kind: "evaluation" }],
    ["Farmers criticised the subsidy as too small.", { claim: "criticised the subsidy", kind: "evaluation" }],
    ["The bishop condemned the vandalism.", { claim: "condemned the vandalism", kind: "evaluation" }],
    ["Critics hailed the novel as a triumph.", { claim: "hailed the novel", kind: "evaluation" }],
    ["The opposition slammed the tax rise.", { claim: "slammed the tax rise", kind: "evaluation" }],
    ["The teachers' union endorsed the new curriculum.", { claim: "endorsed the new curriculum", kind: "evaluation" }],
    ["The harbour board welcomed the inquiry.", { claim: "welcomed the inquiry", kind: "evaluation" }],
  ],
  "kind statement": [
    ["The ferry company said the crossing was cancelled.", { claim: "The crossing was cancelled", kind: "statement" }],
    ["The pilot told the tower that an engine had failed.", { claim: "An engine had failed", kind: "statement" }],
    ["The curator wrote that the painting was a copy.", { claim: "The painting was a copy", kind: "statement" }],
    ["The museum announced a new wing.", { claim: "announced a new wing", speaker: "museum", kind: "statement" }],
    [
      "The dam held overnight, according to the water board.",
      { claim: "The dam held overnight", cue: "according to", kind: "statement" },
    ],
    ["The warden said: “The gates stay shut.”", { claim: "The gates stay shut", speaker: "warden", kind: "statement" }],
    [
      "The lighthouse was repainted in May.",
      { claim: "The lighthouse was repainted", speaker: null, kind: "statement" },
    ],
  ],
});

describe("cue table", () => {
  it("gives every form of a cue verb its base", () => {
    expect(CUE_VERBS.get("warned")).toBe("warn");
    expect(CUE_VERBS.get("told")).toBe("tell");
    expect(CUE_VERBS.get("replies")).toBe("reply");
    expect(CUE_VERBS.get("admitted")).toBe("admit");
  });

  it("reads a kind from the cue, statement by default", () => {
    expect(kindOfCue("fears")).toBe("belief");
    expect(kindOfCue("Vowed")).toBe("intention");
    expect(kindOfCue("endorsed")).toBe("evaluation");
    expect(kindOfCue("told")).toBe("statement");
    expect(kindOfCue("according to")).toBe("statement");
    expect(kindOfCue(null)).toBe("statement");
  });

  it("holds one row per base verb", () => {
    for (const base of Object.keys(CUES)) expect(CUE_VERBS.get(base)).toBe(base);
  });
});
