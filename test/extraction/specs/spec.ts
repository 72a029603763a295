// Spec tables: one line per sentence, grouped by the name of the rule it shows, in the style of a tagger's
// spec tests. Each sentence is written for these tests; the article around it is published on Thursday
// 14 March 2024, so "on Monday" in a past-tense sentence is 11 March.
import { describe, expect, it } from "vitest";
import type { AttributionKind, Certainty, Claim, Polarity } from "../../../functions/schemas/claim.ts";
import { claimsOf } from "./read.ts";

/** What one claim of the sentence must say. A field left out is not checked. */
export interface Expected {
  /** Words the claim's text holds. */
  claim: string;
  speaker?: string | null;
  cue?: string | null;
  kind?: AttributionKind;
  certainty?: Certainty;
  polarity?: Polarity;
  /** The first day of the claim's time, or null for none. */
  time?: string | null;
  via?: string[];
  anonymous?: boolean;
}

/** A sentence and the claims it must give (and, with `not`, words no claim may begin with). */
export type Spec = [sentence: string, ...expected: Array<Expected | { not: string }>];

function check(claims: Claim[], want: Expected | { not: string }): void {
  const listing = claims.map((c) => `  ${c.attribution.speaker ?? "-"}: ${c.text}`).join("\n");
  if ("not" in want) {
    const bad = claims.find((c) => c.text.toLowerCase().startsWith(want.not.toLowerCase()));
    expect(bad, `a claim begins with "${want.not}":\n${listing}`).toBeUndefined();
    return;
  }
  const hit = claims.find((c) => c.text.toLowerCase().includes(want.claim.toLowerCase()));
  expect(hit, `no claim holds "${want.claim}" in:\n${listing}`).toBeDefined();
  const c = hit!;
  if (want.speaker !== undefined) expect(c.attribution.speaker).toBe(want.speaker);
  if (want.cue !== undefined) expect(c.attribution.cue).toBe(want.cue);
  if (want.kind !== undefined) expect(c.attribution.kind).toBe(want.kind);
  if (want.certainty !== undefined) expect(c.certainty).toBe(want.certainty);
  if (want.polarity !== undefined) expect(c.polarity).toBe(want.polarity);
  if (want.time !== undefined) expect(c.time?.start ?? null).toBe(want.time);
  if (want.via !== undefined) expect(c.attribution.via).toEqual(want.via);
  if (want.anonymous !== undefined) expect(c.attribution.anonymous).toBe(want.anonymous);
}

/**
 * One describe block per rule, one test per sentence. With `ruleOf`, each sentence must also be read by the rule
 * it is filed under (for rules whose choice can be observed, like the frame rules).
 */
export function specs(stage: string, table: Record<string, Spec[]>, ruleOf?: (sentence: string) => string | null) {
  describe(stage, () => {
    for (const [rule, sentences] of Object.entries(table)) {
      describe(rule, () => {
        it.each(sentences)("%s", (sentence, ...expected) => {
          if (ruleOf) expect(ruleOf(sentence)).toBe(rule);
          const claims = claimsOf(sentence);
          for (const want of expected) check(claims, want);
        });
      });
    }
  });
}
