// The form a speaker phrase must have before it is resolved: a noun phrase, never a fragment. What a frame or a
// copied subject hands over may carry words around the noun phrase ("Though she", "Trump has often", "Schultz
// generally", "According to police", "Sen. Lindsey Graham (R-S.C.)"); those are trimmed. What is left must
// still be a noun phrase: a clause ("Trump would expand the deduction they take"), a bare quantity ("Twelve
// percent"), an indefinite pronoun ("someone") or punctuation is no speaker at all.
import { AUXILIARIES, DETERMINERS, PREPOSITIONS } from "./lexicon/function-words.ts";
import { verbBase } from "./pos.ts";

/** Words a speaker phrase opens with that belong to the clause around it. */
const LEADING =
  /^(?:(?:though|although|when|whenever|while|if|unless|because|since|as|once|and|but|so|then|now|yet|still|also|even|only|according to|say)\s+)+/i;
/** Words between the speaker and its cue that a phrase may have kept: adverbs, auxiliaries, time words. */
const TRAILING_WORDS = new Set(
  `often also long just still now then here there too again generally usually always once soon later earlier
  today yesterday tonight this last next all both themselves himself herself itself in particular has have had
  will would is are was were`.split(/\s+/),
);
/** Adverbs that are never a speaker on their own ("Now tell us …"). */
const ADVERBS = new Set(
  `often also long just still now then here there too again generally usually always once
  soon later earlier today yesterday tonight`.split(/\s+/),
);
const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "he", "she", "they", "it"]);
const INDEFINITE = /^(?:someone|somebody|anyone|anybody|everyone|everybody|nobody|no one|none)$/i;
/** A count or a share on its own: "Twelve percent", "63 percent", "19%". */
const BARE_QUANTITY =
  /^(?:(?:another|a further|an additional|nearly|about|almost|roughly|some|only|just|over|under|more than|fewer than|less than)\s+)?(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a third|a quarter|half)(?:\s*(?:%|percent|per cent))?$/i;

/** A count or a share of people on its own ("Another 19 percent"): who it counts is the poll that counted it. */
export const isBareShare = (phrase: string): boolean => BARE_QUANTITY.test(phrase.trim());

/**
 * The speaker phrase trimmed to its noun phrase, or null when what is left is not one (then the sentence is
 * not a report by that phrase).
 */
export function speakerForm(phrase: string): string | null {
  // A parenthesis after a name is about it ("(R-S.C.)", "(a view echoed by …)"), not part of it.
  let p = phrase
    // Only where no whitespace precedes: each run of whitespace is tried once, not once per character of it.
    .replace(/(?<!\s)\s*\([^()]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // "an aggressive - some say unrealistic - pledge": the speaker is what follows the dash.
  const dash = p.lastIndexOf(" - ");
  if (dash >= 0) p = p.slice(dash + 3);
  p = p.replace(LEADING, "");
  // "the gap between what Trump [says]": the speaker of a free relative is its subject.
  const wh = /(?:^|\s)(?:what|how|why|where|whom)\s+(\S+(?:\s+\S+){0,3})$/i.exec(p);
  if (wh && wh.index > 0) return speakerForm(wh[1]!);
  let ws = p.split(" ").filter(Boolean);
  while (ws.length > 1 && TRAILING_WORDS.has(ws.at(-1)!.toLowerCase())) ws = ws.slice(0, -1);
  // "Republican nominee Donald Trump, in particular".
  while (ws.length > 1 && /^(?:in|,)$/i.test(ws.at(-1)!)) ws = ws.slice(0, -1);
  p = ws.join(" ").replace(/ ?,$/, "");
  if (!/\p{L}/u.test(p) || (ws.length === 1 && (ADVERBS.has(p.toLowerCase()) || LEADING.test(`${p} `)))) return null;
  const lower = ws.map((w) => w.toLowerCase());
  if (INDEFINITE.test(p) || BARE_QUANTITY.test(p)) return null;
  if (PREPOSITIONS.has(lower[0]!) && lower[0] !== "of") return null;
  // "of State Jon Husted": the title before it was left behind; the name is what follows.
  if (lower[0] === "of" && ws.length > 1) return speakerForm(ws.slice(1).join(" "));
  // A phrase ending in a possessive or a preposition is cut short ("five countries spend more than the alliance's").
  if (/['’]s?$/.test(ws.at(-1)!) || PREPOSITIONS.has(lower.at(-1)!)) return null;
  // A clause is no noun phrase: no auxiliary, modal or subject pronoun outside a relative clause.
  const relative = lower.findIndex((w) => /^(?:who|whom|whose|which|that)$/.test(w));
  for (let k = 0; k < (relative < 0 ? ws.length : relative); k++) {
    const w = lower[k]!;
    const capital = /^\p{Lu}/u.test(ws[k]!);
    if (/^(?:what|how|why|let's|that's|it's|there's|here's)$/.test(w)) return null;
    if (!capital && AUXILIARIES.has(w)) return null;
    // (Not "the experts I interviewed", a reduced relative after its noun.)
    if (k > 0 && SUBJECT_PRONOUNS.has(w) && !/ed$/.test(lower[k + 1] ?? "")) return null;
  }
  // "send a strong": a lower-case verb with its object.
  if (!/^\p{Lu}/u.test(ws[0]!) && verbBase(lower[0]!) === lower[0] && DETERMINERS.has(lower[1] ?? "") && ws.length > 1)
    return null;
  return p;
}
