// Spec tests of expectations and their outcomes (outcomes.ts), one `describe` per rule, on sentences written for it.
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import type { Claim } from "../../functions/schemas/claim.ts";
import { featuresOf } from "../../functions/tracking/features.ts";
import { outcomeOf } from "../../functions/tracking/outcomes.ts";
import { TermStats } from "../../functions/tracking/similarity.ts";
import { track } from "../../functions/tracking/track.ts";
import { claim } from "./claims.ts";

/** Background claims, so that the words of the pair under test are rarer than everyday ones. */
const BACKGROUND = [
  "The council met on Monday to discuss the budget",
  "Shares in the group rose in early trading",
  "The company said it would publish results next week",
  "Police closed the road for two hours",
  "The union said its members were worried about jobs",
  "The minister visited the plant on Friday",
];

function judge(earlier: [string, Partial<Claim>?], later: [string, Partial<Claim>?]) {
  const stats = new TermStats();
  const e = {
    claim: claim("e", earlier[0], earlier[1]),
    features: featuresOf(claim("e", earlier[0], earlier[1]), "a", 0),
  };
  const l = { claim: claim("l", later[0], later[1]), features: featuresOf(claim("l", later[0], later[1]), "b", 1) };
  for (const [i, t] of BACKGROUND.entries()) stats.add(featuresOf(claim(`g${i}`, t), `g${i}`, 2 + i).terms);
  stats.add(e.features.terms);
  stats.add(l.features.terms);
  return outcomeOf(e, l, stats);
}

describe("rule: an expectation reported done later is confirmed", () => {
  it("“could be announced” → “announced”", () => {
    expect(
      judge(
        ["A merger agreement between the two dairies could be announced in May", { certainty: "possible" }],
        ["Marsh Dairies and Coldwater Creamery today announced a merger agreement worth €300m"],
      )?.kind,
    ).toBe("confirmation");
  });

  it("an investigation expected, then opened: review, probe and investigation are one thing", () => {
    expect(
      judge(
        ["The regulator is expected to open a formal review of the merger", { certainty: "probable" }],
        ["The regulator has opened a formal investigation into the merger"],
      )?.kind,
    ).toBe("confirmation");
  });

  it("the same expectation repeated confirms nothing", () => {
    expect(
      judge(
        ["A merger agreement could be announced in May", { certainty: "possible" }],
        ["A merger agreement could be announced in May", { certainty: "possible" }],
      ),
    ).toBeNull();
  });

  it("a thing reported done twice is a restatement, not a confirmation", () => {
    expect(
      judge(
        ["They discussed expectations for the coming harbour summit"],
        ["We discussed expectations for the coming harbour summit"],
      ),
    ).toBeNull();
  });

  it("an outcome that shares only one word with the expectation confirms nothing", () => {
    expect(
      judge(
        ["The mayor could open the new library in spring", { certainty: "possible" }],
        ["Thieves opened the safe at the bank"],
      ),
    ).toBeNull();
  });
});

describe("rule: a figure inside an expected range confirms the expectation", () => {
  const expectation: [string, Partial<Claim>] = [
    "I wouldn't be surprised to see a revised bid somewhere between €20 and €22.",
    { polarity: "negative" },
  ];
  it("inside the range, per share or not", () => {
    expect(judge(expectation, ["Halden raised its bid to €21.10 a share"])?.kind).toBe("confirmation");
  });
  it("outside it, no confirmation", () => {
    expect(judge(expectation, ["Halden raised its bid to €25 a share"])).toBeNull();
  });
  it("the days of a date are no range", () => {
    expect(
      judge(
        ["The summit will coincide with a state visit from July 8 to 10", { certainty: "probable" }],
        ["The leaders chaired the summit on July 10"],
      ),
    ).toBeNull();
  });
});

describe("rule: a prospect ruled out later is denied", () => {
  it("“could move its assembly” → “has no plans to move assembly”", () => {
    expect(
      judge(
        ["Over time Halden could move its assembly work to Ohio", { certainty: "possible" }],
        ["On Tuesday Halden said it has no plans to move assembly out of Norway"],
      )?.kind,
    ).toBe("denial");
  });
  it("a negation that rules nothing out is no denial", () => {
    expect(
      judge(
        ["Over time Halden could move its assembly work to Ohio", { certainty: "possible" }],
        ["Halden did not comment on its assembly work"],
      ),
    ).toBeNull();
  });
});

describe("rule: outcomes are found across a batch, whatever the later claim's length", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(JSON.stringify({ title: "Dairy merger", publishedAt: date, outlet: name, body })),
      fileName: `${name}.json`,
    }),
  });
  it("a long announcement confirms the short expectation", () => {
    const result = track([
      at(
        "a",
        "2031-03-01T08:00:00Z",
        "A merger agreement between Marsh Dairies and Coldwater Creamery could be signed in May if talks over the price go well, two people familiar with the matter said. Coldwater Creamery employs 800 people, the union said.",
      ),
      at(
        "b",
        "2031-05-12T08:00:00Z",
        "Marsh Dairies signed a merger agreement with Coldwater Creamery on Monday under which Marsh will pay €14 a share in cash for every Coldwater share and keep both of its creameries open, the companies said.",
      ),
    ]);
    expect(result.updates.filter((u) => u.kind === "confirmation")).toHaveLength(1);
  });
});

describe("rule: a speaker who calls an earlier statement wrong retracts it", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(JSON.stringify({ title: "Dam report", publishedAt: date, outlet: name, body })),
      fileName: `${name}.json`,
    }),
  });
  const retractions = (later: string) =>
    track([
      at(
        "a",
        "2031-03-01T08:00:00Z",
        "Water minister Ida Solheim said the agency had received no warning about cracks in the Vessa dam. The reservoir was drained, the operator said.",
      ),
      at("b", "2031-03-04T08:00:00Z", later),
    ]).updates.filter((u) => u.kind === "retraction");

  it("“That was wrong” after restating the statement", () => {
    expect(
      retractions(
        "On Monday I said the agency had received no warning about cracks in the Vessa dam, Ida Solheim told parliament. That was wrong, Solheim said. The reservoir stays empty, the operator said.",
      ),
    ).toHaveLength(1);
  });

  it("another speaker calling it wrong is no retraction", () => {
    expect(
      retractions(
        "On Monday Ida Solheim said the agency had received no warning about cracks in the Vessa dam. That was wrong, the engineers' union said. The reservoir stays empty, the operator said.",
      ),
    ).toEqual([]);
  });
});
