// Frame rules (functions/extraction/claims/frames.ts FRAME_RULES): who a sentence reports, by the rule that reads it.
import { describe, expect, it } from "vitest";
import { FRAME_RULES } from "../../../functions/extraction/claims/frames.ts";
import { frameRuleOf } from "./read.ts";
import { type Spec, specs } from "./spec.ts";

const FRAMES: Record<string, Spec[]> = {
  "according-to-frame": [
    [
      "According to the harbour office, twelve ships were delayed by the storm.",
      { claim: "twelve ships were delayed", speaker: "harbour office", cue: "according to" },
    ],
    [
      "Twelve ships were delayed by the storm, according to the harbour office.",
      { claim: "twelve ships were delayed", speaker: "harbour office" },
    ],
  ],
  "colon-frame": [
    [
      'The harbour master said: "No ship will leave before Friday."',
      { claim: "no ship will leave", speaker: "harbour master", polarity: "negative", time: "2024-03-15" },
    ],
    [
      'Asked about the delays, the harbour master said: "We are doing what we can."',
      { claim: "we are doing what we can", speaker: "harbour master" },
      { not: "Asked" },
    ],
  ],
  "leading-frame": [
    [
      "The harbour master said on Monday that twelve ships had been delayed.",
      { claim: "twelve ships had been delayed", speaker: "harbour master", cue: "said", time: "2024-03-11" },
    ],
    [
      "The port authority told Reuters that the quay would reopen next week.",
      { claim: "the quay would reopen", speaker: "port authority", via: ["Reuters"], time: "2024-03-18" },
    ],
    [
      "Dock workers are warning that the cranes may fail again.",
      { claim: "the cranes may fail again", speaker: "Dock workers", cue: "warning", certainty: "possible" },
    ],
    [
      "The harbour master wrote on Telegram that the storm had passed.",
      { claim: "the storm had passed", speaker: "harbour master", via: ["Telegram"] },
    ],
    [
      "In an emailed statement late Friday, the ferry operator said the timetable would stay unchanged.",
      { claim: "the timetable would stay unchanged", speaker: "ferry operator", via: ["emailed statement"] },
    ],
    [
      "At a press conference on Monday, the harbour master said the dredging would finish in May.",
      { claim: "the dredging would finish", speaker: "harbour master", via: ["press conference"] },
    ],
    [
      "Two officials said the quay would close, asking not to be named because the talks are private.",
      { claim: "the quay would close", speaker: "Two officials", anonymous: true },
      { not: "asking" },
    ],
  ],
  "act-frame": [
    [
      "The mayor urged residents to avoid the harbour.",
      { claim: "The mayor urged residents to avoid the harbour", speaker: "mayor", cue: "urged" },
    ],
  ],
  "interrupting-frame": [
    [
      "The new quay, the mayor said, will cost $40 million.",
      { claim: "The new quay will cost $40 million", speaker: "mayor" },
    ],
  ],
  "trailing-frame": [
    [
      "The strike will end on Tuesday, the union said.",
      { claim: "the strike will end on tuesday", speaker: "union", time: "2024-03-19" },
    ],
    [
      '"Two crossings were cancelled," the harbour master told a news conference.',
      { claim: "Two crossings were cancelled", speaker: "harbour master", via: ["news conference"] },
    ],
  ],
  "inverted-speaker": [
    [
      '"We have no more money," said Harriet Vole, the union\'s treasurer.',
      { claim: "we have no more money", speaker: "Harriet Vole" },
      { claim: "Harriet Vole is the union's treasurer", speaker: null },
    ],
  ],
  "inverted-title-speaker": [
    [
      '"The fund is empty," said the union\'s treasurer, Harriet Vole.',
      { claim: "the fund is empty", speaker: "Harriet Vole" },
      { claim: "Harriet Vole is the union's treasurer", speaker: null },
    ],
  ],
  "gerund-frame": [
    [
      "The mayor defended the closure, saying that safety came first.",
      { claim: "safety came first", speaker: "mayor", cue: "saying" },
      { claim: "The mayor defended the closure", speaker: null },
    ],
  ],
};

specs("frame rules", FRAMES, frameRuleOf);

describe("frame rule specs", () => {
  it("cover every frame rule", () => {
    for (const { name } of FRAME_RULES) expect(Object.keys(FRAMES)).toContain(name);
  });
});
