// How a spec sentence is read: as the one paragraph of an article published on Thursday 14 March 2024.
import { findFrame } from "../../../functions/extraction/claims/frames.ts";
import {
  findQuotes,
  makeSentence,
  splitSentences,
  tokenizeSpan,
} from "../../../functions/extraction/claims/segment.ts";
import { extract } from "../../../functions/extraction/extract.ts";
import type { Claim } from "../../../functions/schemas/claim.ts";

export function claimsOf(body: string): Claim[] {
  const json = JSON.stringify({ title: "Spec", publishedAt: "2024-03-14T10:00:00Z", outlet: "Spec Gazette", body });
  return extract({ bytes: new TextEncoder().encode(json), fileName: "spec.json" }).claims;
}

/** The name of the frame rule that reads the sentence's attribution, or null when none does. */
export function frameRuleOf(sentence: string): string | null {
  const tokens = tokenizeSpan(sentence, 0, sentence.length);
  const quotes = findQuotes(sentence, 0, sentence.length);
  const [first] = splitSentences(sentence, tokens);
  return first ? (findFrame(makeSentence(first, quotes))?.rule ?? null) : null;
}
