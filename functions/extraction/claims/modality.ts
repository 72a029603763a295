// Certainty and polarity of a clause, following FactBank: hedges and modals in the clause's own scope
// (not inside an embedded "that"/"wh"-clause), cue verbs that hedge or negate what they report.
import type { Certainty, Polarity } from "../../schemas/claim.ts";
import { NEGATING_CUES, POSSIBLE_CUES, PROBABLE_CUES } from "./lexicon/cues.ts";
import { HEDGES_POSSIBLE, HEDGES_PROBABLE, MODALS_POSSIBLE } from "./lexicon/hedges.ts";

/** Nouns whose "that"-clause states what the noun holds ("evidence that …", "the risk that …"). */
const COMPLEMENT_NOUNS = new Set(
  `evidence risk sign signs signal expectation expectations possibility chance danger fact proof indication
  likelihood prospect prospects`.split(/\s+/),
);
const EMBEDDERS = new Set([
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "whether",
  "if",
  "what",
  "when",
  "where",
  "how",
  "why",
  // A subordinate clause's own negation is not the claim's: "paying more while being told nothing has changed".
  "while",
  "whereas",
  "although",
  "though",
  "because",
  "unless",
]);

/** Words of the clause up to the first embedded clause: the scope of its own modality. */
function ownScope(words: string[]): string[] {
  // An embedded clause ("… that analysts read as a sign …", "… which would send …") runs from its opener to the
  // next comma; what it says is not what the claim itself asserts. "That" after a noun like "evidence" or an
  // adjective like "likely" opens the claim's own content instead.
  const scope: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1] ?? "";
    const embeds =
      i > 0 &&
      EMBEDDERS.has(w) &&
      !(
        w === "that" &&
        (COMPLEMENT_NOUNS.has(prev) ||
          /^(?:likely|clear|possible|probable|unlikely|certain|true|evident|obvious)$/.test(prev))
      );
    if (!embeds) {
      scope.push(w);
      continue;
    }
    while (i < words.length && words[i] !== "," && words[i] !== ";") i++;
  }
  return scope;
}

export function certaintyOf(words: string[], cueBase: string | null): Certainty {
  const scope = ownScope(words);
  let possible = cueBase !== null && POSSIBLE_CUES.has(cueBase);
  let probable = cueBase !== null && PROBABLE_CUES.has(cueBase);
  // "If two funds side with it, the bid fails": a consequent holds only under its condition. ("Unless the gap
  // closes, buyers will walk away" asserts what happens by default.)
  if (words[0] === "if") possible = true;
  for (let i = 0; i < scope.length; i++) {
    const w = scope[i]!;
    const next = scope[i + 1];
    if (MODALS_POSSIBLE.has(w)) possible = true;
    else if (w === "possible" || w === "possibly") {
      // "as strong as possible" and "a possible deployment" hedge nothing; "it is possible that" does.
      if (next === "that" || ((scope[i - 1] === "is" || scope[i - 1] === "was") && scope[i - 2] === "it"))
        possible = true;
    } else if (HEDGES_POSSIBLE.has(w)) possible = true;
    else if (w === "expected" || w === "forecast" || w === "projected" || w === "predicted") {
      // "is expected to", "are forecast to": the subject's future, presented as likely.
      if (next === "to" || next === "that") probable = true;
    } else if (HEDGES_PROBABLE.has(w) && w !== "expected") probable = true;
    else if (
      (w === "set" || w === "poised" || w === "slated") &&
      next === "to" &&
      /^(?:is|are|was|were)$/.test(scope[i - 1] ?? "")
    ) {
      probable = true;
    } else if (w === "forecasts" || w === "projections" || w === "forecast") probable = true;
    // "The results appear to be clear", "seems to have worked": how things look, not how they are.
    else if (/^(?:appear|appears|appeared|seem|seems|seemed)$/.test(w) && next === "to") probable = true;
    // "Money markets were pricing in one further cut": what markets expect, not what happened.
    else if ((w === "pricing" || w === "priced" || w === "price") && next === "in") probable = true;
  }
  if (possible) return "possible";
  if (probable) return "probable";
  return "certain";
}

// recheck: each attempt starts at "not" or "n't" and reads at most six words; linear in V8 on recheck's attack.
const OPEN_QUESTION =
  /\b(?:not|n't) (?:yet )?(?:immediately )?(?:clear|known|certain)\b(?: \S+){0,2}? (?:which|whether|if|how|what|when|who|why|where)\b/;

export function polarityOf(words: string[], cueBase: string | null): Polarity {
  let negative = cueBase !== null && NEGATING_CUES.has(cueBase);
  const scope = ownScope(words);
  const openQuestion = OPEN_QUESTION.test(words.join(" "));
  for (let i = 0; i < scope.length; i++) {
    const w = scope[i]!;
    const next = scope[i + 1];
    // "not just", "not only" and "not to cut" (a negated infinitive) leave the claim itself positive.
    if (
      (w === "not" || w.endsWith("n't")) &&
      (next === "just" || next === "only" || next === "to" || next === "merely")
    )
      continue;
    // "It was not clear which countries would send leaders": what is unknown is an open question, not a denial.
    if (
      (w === "not" || w.endsWith("n't")) &&
      /^(?:clear|known|certain|yet|immediately)$/.test(next ?? "") &&
      openQuestion
    )
      continue;
    if (w === "not" || w.endsWith("n't") || w === "never" || w === "cannot") negative = true;
    // "No injuries were reported", "gives no figure"; not "no doubt", "no more than 30", "No 10 said".
    else if (w === "no" && next !== undefined && !/^(?:doubt|less|more|matter|sooner|later|\d.*|\.|10)$/.test(next))
      negative = true;
    else if (w === "nobody" || w === "nothing" || w === "neither" || w === "none") negative = true;
    else if (w === "declined" && scope[i + 1] === "to") negative = true;
    else if ((w === "failed" || w === "refused") && scope[i + 1] === "to") negative = true;
  }
  return negative ? "negative" : "positive";
}
