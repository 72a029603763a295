// Spec tests of tracking's rules, one `describe` per rule, each on sentences written for it.
import { describe, expect, it } from "vitest";
import type { Claim } from "../../functions/schemas/claim.ts";
import { type ClaimFeatures, featuresOf } from "../../functions/tracking/features.ts";
import { FactIndex } from "../../functions/tracking/link.ts";
import { oppositeStance } from "../../functions/tracking/similarity.ts";
import { claim } from "./claims.ts";

const f = (text: string, more: Partial<Claim> = {}): ClaimFeatures => featuresOf(claim("c", text, more), "a", 0);

describe("rule: negation is read from the wording and the cue, not from a rejected figure", () => {
  it("a denial cue over a positive wording negates the claim", () => {
    expect(f("the ferry operator had received a warning", { polarity: "negative" }).negated).toBe(true);
  });

  it("a negation in the wording negates the claim, whatever the extractor read", () => {
    expect(f("the council had no warning whatsoever").negated).toBe(true);
  });

  it("a rejected figure does not negate the claim", () => {
    expect(f("nine crew were rescued, not eleven", { polarity: "negative" }).negated).toBe(false);
    expect(f("the levy is 4 per cent rather than 6 per cent").negated).toBe(false);
  });

  it("denied X and not-X assert the same; X and not-X are opposite", () => {
    const denied = f("the mill had received an offer", { polarity: "negative" });
    const not = f("the mill had not received any offer", { polarity: "negative" });
    const plain = f("the mill had received an offer");
    expect(oppositeStance(denied, not)).toBe(false);
    expect(oppositeStance(plain, not)).toBe(true);
  });
});

describe("rule: a claim is looked up by its entities, figures and rarest words", () => {
  it("finds a restatement that shares only common words with it", () => {
    // Every word of the restatement occurs in many stored claims: none is rare, yet the rarest still block.
    const index = new FactIndex();
    const words = ["coordinated", "joint", "harbour", "efforts"];
    for (let i = 0; i < 60; i++) {
      const text = `the ${words[i % 4]} plan went on in round ${i}`;
      index.addArticle([featuresOf(claim(`bg${i}-c0`, text), `bg${i}`, i)]);
    }
    index.addArticle([featuresOf(claim("x-c0", "They coordinated joint harbour efforts"), "x", 70)]);
    const probe = featuresOf(claim("y-c0", "We coordinated our joint harbour efforts"), "y", 71);
    expect(index.candidates(probe).map((c) => c.claimId)).toContain("x-c0");
  });
});
