// Clause split rules (functions/extraction/claims/clauses.ts SPLIT_RULES): how one sentence becomes atomic claims.
import { describe, expect, it } from "vitest";
import { SPLIT_RULES } from "../../../functions/extraction/claims/clauses.ts";
import { type Spec, specs } from "./spec.ts";

const SPLITS: Record<string, Spec[]> = {
  semicolon: [
    [
      "The council raised parking fees; the opposition called the move unfair.",
      { claim: "The council raised parking fees" },
      { claim: "The opposition called the move unfair" },
    ],
  ],
  "colon-clause": [
    [
      "The vote was close: seven members backed the plan and six opposed it.",
      { claim: "The vote was close" },
      { claim: "Seven members backed the plan" },
    ],
  ],
  "subordinate-clause": [
    [
      "The ferry stopped running, after the river froze over.",
      { claim: "The ferry stopped running" },
      { claim: "The river froze over" },
    ],
  ],
  "result-participle": [
    [
      "The storm hit the coast on Monday, knocking out power to 9,000 homes.",
      { claim: "The storm hit the coast on Monday", time: "2024-03-11" },
      { claim: "The storm knocked out power to 9,000 homes", time: "2024-03-11" },
    ],
    [
      "The roof of the depot fell in on Monday, killing two workers and injuring nine, police said.",
      { claim: "The roof of the depot killed two workers", speaker: "police" },
      { claim: "The roof of the depot injured nine", speaker: "police" },
    ],
    [
      "The ferry line closed in May, having lost half of its passengers as fares rose.",
      { claim: "The ferry line closed in May" },
      { claim: "The ferry line had lost half of its passengers" },
    ],
  ],
  "comparative-remark": [
    [
      "Exports rose 4% in February, down from 6% a month earlier.",
      { claim: "Exports rose 4% in February", time: "2024-02-01" },
      { claim: "This was down from 6% a month earlier", time: null },
    ],
    [
      "Retail sales grew 0.4% in March, after 0.2% in February.",
      { claim: "Retail sales grew 0.4% in March", time: "2024-03-01" },
      { claim: "This was after 0.2% in February", time: "2024-02-01" },
    ],
    [
      "Output grew 0.4% in the third quarter, after 0.2% in the second.",
      { claim: "Output grew 0.4% in the third quarter", time: "2023-07-01" },
      { claim: "This was after 0.2% in the second", time: "2023-04-01" },
    ],
  ],
  "no-predicate-before-conjunction": [
    ["The mayor and the council approved the budget.", { claim: "The mayor and the council approved the budget" }],
  ],
  "second-that-clause": [
    [
      'The fund said the bid "grossly undervalues" the firm and that it would not sell its stake.',
      { claim: "The bid", speaker: "fund" },
      { claim: "would not sell its stake", speaker: "fund", polarity: "negative" },
    ],
    [
      "The engineer argued that the bridge was unsafe and that the repairs would take a year.",
      { claim: "The bridge was unsafe", speaker: "engineer" },
      { claim: "The repairs would take a year", speaker: "engineer" },
    ],
  ],
  "coordinated-infinitives": [
    [
      "The council wants to repair the road and reopen the market.",
      { claim: "The council wants to repair the road and reopen the market" },
    ],
  ],
  "relative-clause-predicates": [
    [
      "The town passed a budget that closes two libraries and raises fees.",
      { claim: "The town passed a budget that closes two libraries and raises fees" },
    ],
    [
      "Surveyors found rust in the cables that hold up the deck, and advised closing one lane.",
      { claim: "Surveyors found rust in the cables that hold up the deck" },
      { claim: "Surveyors advised closing one lane" },
    ],
  ],
  "coordinated-predicate": [
    [
      "The council discussed the plan and approved a new tax.",
      { claim: "The council discussed the plan" },
      { claim: "The council approved a new tax" },
    ],
  ],
  "coordinated-auxiliary": [
    [
      "The council approved the plan and will vote again in May.",
      { claim: "The council approved the plan", time: null },
      { claim: "The council will vote again in May", time: "2024-05-01" },
    ],
  ],
  "and-to-infinitive": [
    // (The right side keeps its "to": a known weak spot of this rule.)
    ["The council voted to close the pool and to sell the land.", { claim: "The council voted to close the pool" }],
  ],
  "clause-after-comma-or-contrast": [
    [
      "The council approved the budget, and the mayor signed it on Friday.",
      { claim: "The council approved the budget", time: null },
      { claim: "The mayor signed it on Friday", time: "2024-03-08" },
    ],
    [
      'The clerk said the form was filed on May 2, 2023, "and its receipt was confirmed the same day."',
      { claim: "The form was filed on May 2, 2023", speaker: "clerk" },
      { claim: "Its receipt was confirmed the same day", speaker: "clerk" },
    ],
  ],
  "and-pronoun-clause": [
    [
      "The council approved the budget and it takes effect in April.",
      { claim: "The council approved the budget" },
      { claim: "It takes effect in April", time: "2024-04-01" },
    ],
  ],
  "adverb-coordinated-predicate": [
    [
      "The bakery opened in 1952 and still serves bread every morning.",
      { claim: "The bakery opened in 1952", time: "1952-01-01" },
      { claim: "The bakery still serves bread every morning", time: null },
    ],
  ],
  "and-own-subject-clause": [
    [
      "Forty houses were flooded and more than 200 residents were moved.",
      { claim: "Forty houses were flooded" },
      { claim: "More than 200 residents were moved" },
    ],
    [
      "Grain prices fell as harvests recovered and the new terminal at the northern port opened early.",
      { claim: "Grain prices fell as harvests recovered" },
      { claim: "The new terminal at the northern port opened early" },
    ],
  ],
  "modal-relative": [
    [
      "The grocer is in talks to buy a rival chain in a deal that could double its store count, two bankers said.",
      { claim: "The grocer is in talks to buy a rival chain in a deal", speaker: "two bankers" },
      { claim: "The deal could double its store count", speaker: "two bankers", certainty: "possible" },
    ],
    ["The school needs a boiler that will cost $9,000.", { claim: "The school needs a boiler that will cost $9,000" }],
  ],
  "contrast-before-condition": [
    [
      "The union cannot stop the merger alone, but if two other unions join it, the board is outvoted.",
      { claim: "The union cannot stop the merger alone", polarity: "negative" },
      { claim: "If two other unions join it, the board is outvoted", certainty: "possible" },
    ],
  ],
  "meaning-clause": [
    [
      "The inquiry can run for up to 60 working days, meaning a ruling will not come before June.",
      { claim: "The inquiry can run for up to 60 working days" },
      { claim: "A ruling will not come before June", polarity: "negative", time: "2024-06-01" },
    ],
  ],
  "where-clause": [
    [
      "The brewer is expanding in Portugal, where its rival already owns two plants.",
      { claim: "The brewer is expanding in Portugal" },
      { claim: "Its rival already owns two plants" },
    ],
  ],
  "the-year-clause": [
    [
      "The pool closed in 2021, the year the town's sports budget was halved.",
      { claim: "The pool closed in 2021", time: "2021-01-01" },
      { claim: "The town's sports budget was halved", time: "2021-01-01" },
    ],
  ],
  "citing-reason": [
    [
      "The port closed the quay, citing safety concerns.",
      { claim: "The port closed the quay" },
      { claim: "The port cited safety concerns" },
    ],
  ],
  "gerund-report": [
    [
      "The mayor cancelled the fair, saying the field was too wet.",
      { claim: "The mayor cancelled the fair", speaker: null },
      { claim: "The field was too wet", speaker: "mayor", cue: "saying" },
    ],
  ],
  "superlative-remark": [
    [
      "The river rose by two metres, the highest level in a century.",
      { claim: "The river rose by two metres" },
      { claim: "This was the highest level in a century" },
    ],
  ],
  "absolute-with": [
    [
      "The ferry left the port, with its captain steering the boat.",
      { claim: "The ferry left the port" },
      { claim: "Its captain steered the boat" },
    ],
    ["The ferry left the port, with the captain as the only crew.", { claim: "The captain was the only crew" }],
  ],
  "participial-appositive": [
    [
      "The talks stalled, held back by disputes over fishing rights.",
      { claim: "The talks stalled" },
      { claim: "The talks were held back by disputes over fishing rights" },
    ],
  ],
  cause: [
    [
      "The match was cancelled due to heavy rain.",
      { claim: "The match was cancelled" },
      { claim: "There was heavy rain" },
    ],
  ],
  "because-clause": [
    [
      "The school closed early because the heating had failed.",
      { claim: "The school closed early" },
      { claim: "The heating had failed" },
    ],
  ],
};

specs("clause split rules", SPLITS);

describe("clause split rule specs", () => {
  it("cover every split rule", () => {
    for (const { name } of SPLIT_RULES) expect(Object.keys(SPLITS)).toContain(name);
  });
});
