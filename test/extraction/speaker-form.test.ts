// Every speaker the engine extracts from real news has the form of a speaker: a name, or a description headed by
// a person, organisation, group or document noun — never a fragment (a determiner, a time adverbial, a pronoun,
// a clause). Checked over PolNeAR's dev articles (../shared/eval/polnear/dev, see ../shared/eval/README.md) by the
// grammar of the phrase, not against a list of strings seen to go wrong; and on sentences of our own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUXILIARIES,
  CONJUNCTIONS,
  PREPOSITIONS,
  PRONOUNS,
  SUBORDINATORS,
} from "../../functions/extraction/claims/lexicon/function-words.ts";
import {
  BODY_NOUNS,
  FINDING_NOUNS,
  GROUP_NOUNS,
  ORG_WORDS,
  PERSON_NOUNS,
  TITLES,
  UTTERANCE_NOUNS,
} from "../../functions/extraction/claims/lexicon/speaker-nouns.ts";
import { extract } from "../../functions/extraction/extract.ts";

const polnear = join(import.meta.dirname, "../../../shared/eval/polnear/dev");

/** Words that end no noun phrase: adverbs and time words a speaker phrase may have swallowed. */
const ADVERBS = new Set(
  `often also long just still now then here there too again ago generally usually always never once soon later
  earlier today yesterday tonight this that these those particularly especially really only even already ever
  more most less than very so`.split(/\s+/),
);
/** Quantities: a speaker is what they count ("two officials"), never the count alone ("twelve percent"). */
const QUANTITY =
  /^(?:\d[\d.,]*%?|percent|per|cent|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|half|quarter|third|majority|minority|share|none|all|both|some|many|most|few|several|others?)$/;
/** Indefinite pronouns. */
const INDEFINITE = /^(?:someone|somebody|anyone|anybody|everyone|everybody|nobody|no one|one|each|either|neither)$/;
/** Words after which a determiner may follow inside a noun phrase ("one of the docs", "all the experts"). */
const BEFORE_DETERMINER = new Set([...PREPOSITIONS, ...CONJUNCTIONS, "all", "both", "half", "(", ","]);
/** Where the head noun's post-modifiers begin. */
const POSTMODIFIER = new Set([...PREPOSITIONS, "who", "whom", "whose", "which", "that", ",", "(", "familiar", "close"]);

const isNoun = (w: string) => {
  const lower = w.toLowerCase();
  const singular = lower.replace(/(?:es|s)$/, "");
  const lexical = [
    PERSON_NOUNS,
    TITLES,
    ORG_WORDS,
    BODY_NOUNS,
    new Set(GROUP_NOUNS),
    UTTERANCE_NOUNS,
    FINDING_NOUNS,
  ].some((set) => set.has(lower) || set.has(singular) || set.has(lower.replace(/s$/, "")));
  // An agent noun ("narrator", "questioner") names a person; its bare plural ("experts") a group.
  return lexical || /^\p{L}[\p{Ll}-]+(?:er|or|ist|ian|ant|ent|ic|ive|ate|ee|al)s?$/u.test(w);
};
/** A quantity or a collective that counts what follows "of": "eight of 10 voters", "a chorus of Republicans". */
const COUNTING =
  /^(?:\d[\d.,]*|percent|%|majority|minority|chorus|number|share|half|third|quarter|group|handful|some|many|most|all|several|none|one|two|three|four|five|six|seven|eight|nine|ten|those|few)$/;
/** Nouns that end in -ly: "family", "ally". */
const LY_NOUNS = /(?:family|ally|assembly|rally|supply|monopoly|italy)$/i;
const isName = (w: string) => /^\p{Lu}/u.test(w) && /\p{L}/u.test(w);

/** Why a speaker is not a noun phrase that can speak; null when it is one. */
function formProblem(speaker: string): string | null {
  if (speaker === "unidentified person" || speaker === "unidentified source") return null;
  if (!/\p{L}/u.test(speaker)) return "holds no word";
  const ws = speaker.split(/\s+/).filter(Boolean);
  const lower = ws.map((w) => w.toLowerCase());
  const first = lower[0]!;
  if (PREPOSITIONS.has(first) || first === "according") return "opens with a preposition";
  if (SUBORDINATORS.has(first) || CONJUNCTIONS.has(first)) return "opens with a conjunction";
  if (ADVERBS.has(first) && ws.length === 1) return "is an adverb";
  if (PRONOUNS.has(first) && ws.length === 1) return "is a pronoun";
  if (INDEFINITE.test(lower.join(" ")) || (ws.length === 1 && QUANTITY.test(first))) return "is a pronoun";
  // Outside a relative clause ("sources who …") no word of a clause: no auxiliary, no subject pronoun.
  const relative = lower.findIndex((w) => /^(?:who|whom|whose|which|that)$/.test(w));
  const clausePart = relative < 0 ? lower : lower.slice(0, relative);
  for (let k = 0; k < clausePart.length; k++) {
    const w = clausePart[k]!;
    // (A capital is a name's: "Theresa May".)
    if (/^\p{Lu}/u.test(ws[k]!) && k > 0) continue;
    if (AUXILIARIES.has(w) || /^(?:let's|lets|can|could|should|may|might|must|shall)$/.test(w)) return `holds "${w}"`;
    // (A reduced relative after a noun is a description: "all the experts I interviewed".)
    const reducedRelative = k > 0 && isNoun(ws[k - 1]!) && /ed$/.test(clausePart[k + 1] ?? "");
    if (/^(?:i|we|you|he|she|they|it)$/.test(w) && k > 0 && !reducedRelative) return `holds the pronoun "${w}"`;
    if (/^(?:what|how|why|where)$/.test(w)) return `holds "${w}"`;
  }
  // A determiner inside the phrase follows a preposition or a quantifier, never a verb ("send a strong").
  for (let k = 1; k < lower.length; k++) {
    if (/^(?:a|an|the)$/.test(ws[k]!) && !BEFORE_DETERMINER.has(lower[k - 1]!) && !/['’]s$/.test(lower[k - 1]!))
      return `a determiner after "${ws[k - 1]}"`;
  }
  // The head: the last word before the post-modifiers (a preposition, a relative, a participle), past the
  // quantities that count what follows them ("52 percent of registered voters", "one of the officials").
  let start = 0;
  for (;;) {
    const of = lower.indexOf("of", start);
    if (of <= start || of > start + 3 || !lower.slice(start, of).some((w) => COUNTING.test(w))) break;
    start = of + 1;
  }
  let end = lower.findIndex(
    (w, k) => k > start && (POSTMODIFIER.has(w) || (/^[a-z]+(?:ed|ing)$/.test(ws[k]!) && !isNoun(ws[k]!))),
  );
  if (end < 0) end = ws.length;
  const core = ws.slice(start, end);
  const head = core.at(-1) ?? ws.at(-1)!;
  const headLower = head.toLowerCase().replace(/[.,]$/, "");
  // "Those close to him", "some of the residents": a pronoun with what narrows it.
  if (core.length === 1 && COUNTING.test(headLower) && end < ws.length) return null;
  if (ADVERBS.has(headLower) || (/^[a-z]+ly$/.test(head) && !LY_NOUNS.test(head)))
    return `ends with the adverb "${head}"`;
  if (/['’]s?$/.test(ws.at(-1)!) || PREPOSITIONS.has(lower.at(-1)!) || CONJUNCTIONS.has(lower.at(-1)!))
    return `ends with "${ws.at(-1)}"`;
  if (QUANTITY.test(headLower) && core.length <= 2 && end === ws.length) return `is headed by the quantity "${head}"`;
  if (isName(head) || isNoun(head)) return null;
  return `is headed by "${head}", neither a name nor a speaker noun`;
}

function speakersOf(path: string): Array<{ speaker: string; quote: string }> {
  const { claims } = extract({ bytes: readFileSync(path), fileName: path.split("/").pop()! });
  return claims.flatMap((c) =>
    c.attribution.speaker ? [{ speaker: c.attribution.speaker, quote: c.evidence.quote.slice(0, 80) }] : [],
  );
}

describe("the form of a speaker", () => {
  it.each([
    ["Ursula von der Leyen", null],
    ["spokeswoman for the ministry", null],
    ["people familiar with the matter", null],
    ["all the experts I interviewed", null],
    ["a poll released in late August", null],
    ["Twelve percent", "is headed by the quantity"],
    ["Though she", "opens with a conjunction"],
    ["Trump has often", 'holds "has"'],
    ["gap between what we", 'holds "what"'],
    ["Senator Hart this", "ends with the adverb"],
    ["send a strong", "a determiner after"],
    [".", "holds no word"],
  ])("%s", (speaker, problem) => {
    const found = formProblem(speaker);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe.skipIf(!existsSync(polnear))("speakers extracted from PolNeAR's dev articles", () => {
  it("are all names or descriptions headed by a speaker noun", { timeout: 120_000 }, () => {
    const bad: string[] = [];
    for (const file of readdirSync(polnear).filter((f) => f.endsWith(".txt"))) {
      for (const { speaker, quote } of speakersOf(join(polnear, file))) {
        const problem = formProblem(speaker);
        if (problem) bad.push(`${file.slice(0, 40)}: "${speaker}" ${problem} — ${quote}`);
      }
    }
    expect(bad, bad.join("\n")).toEqual([]);
  });
});
