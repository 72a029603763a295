// A small part-of-speech guesser: closed word classes from lists, verbs from a lexicon of common news verbs
// and their inflections, the rest from shape. Enough to find clause boundaries and predicates; not a tagger.
import {
  AUXILIARIES,
  CONJUNCTIONS,
  CUE_VERBS,
  DETERMINERS,
  MONTHS,
  PREPOSITIONS,
  PRONOUNS,
  SUBORDINATORS,
  verbForms,
  WEEKDAYS,
} from "./lexicon.ts";
import { isCapitalized, type Token } from "./tokens.ts";

const VERB_FORMS = verbForms(`
  accept accuse achieve acquire act adapt address adjust adopt affect aim allow alter amend appeal appear apply
  appoint approve arrest arrive assess attack attempt attend back ban base become begin believe benefit block
  boost borrow break bring build buy campaign cancel capture carry cause cease change charge check choose
  circulate claim clear close collapse collect combine come commit compare compete complete concern condemn
  conduct confront consider consult contain continue contribute control convey convict cooperate coordinate
  cost count cover create cross cut damage deadlock deal debate decline decrease defeat defend delay deliver
  demand deploy deserve design destroy detain determine develop die discover discuss dismiss displace divide
  double drop ease elect eliminate emerge employ enable end engage enhance ensure enter escalate establish
  evacuate examine exceed exist expand expel explode export express extend face fail fall fight file fill
  finance fire fix flee flood fly focus follow force form freeze fund gain gather give go govern grant grow
  halt hand handle happen head help hire hit hold hope host hurt identify ignore impact implement import impose
  improve include increase influence initiate injure intend intensify intercept introduce invade invest
  investigate invite involve issue join jump keep kill know launch lead leave lend let lift limit link list live
  lose lower maintain make manage mark meet mislead miss monitor move name need negotiate nominate obtain occupy
  occur offer open oppose outline overturn overwhelm owe own participate pass pause pay plan play plunge
  prefer prepare present preserve press prevent price proceed produce prohibit protect protest prove provide
  publish pull purchase pursue push put quit raise reach react receive recover reduce refuse regain register
  reinforce release rely remain remove repair replace represent request require rescue resign resolve restore
  restrict resume retain return review rise risk rule sanction save schedule secure seek seize sell send sentence
  serve settle share shift shoot shut sign slash slow slump soar spend spread stand start stay step stop
  strengthen strike struggle study submit succeed suffer supply support surge survive suspend switch take
  talk target tell tend test threaten thank total trade train transfer travel trim try turn undermine unveil use
  vote wait want win withdraw work worry wound
`);

export type Pos =
  | "aux"
  | "modal"
  | "verb"
  | "verb-ing"
  | "det"
  | "prep"
  | "conj"
  | "sub"
  | "pron"
  | "adv"
  | "num"
  | "propn"
  | "punct"
  | "word";

/** Words after which a verb-looking word is a noun ("the report", "a cut", "its plan"). */
const NOUN_MARKERS = new Set([
  "a",
  "an",
  "the",
  "this",
  "these",
  "those",
  "his",
  "her",
  "its",
  "their",
  "our",
  "my",
  "your",
  "no",
  "every",
  "each",
  "another",
  "any",
]);
/** -ing words that are nouns far more often than verbs. */
const ING_NOUNS = new Set(
  `morning evening building meeting funding thing king spring string ceiling wedding briefing
  hearing ruling warning rating spending training bombing shooting killing landing opening beginning reading
  nothing something anything everything during being clothing housing feeling offering painting setting ending
  wing ring sibling pudding darling ceiling lightning sterling viking`.split(/\s+/),
);
const MODALS = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must"]);
const ADVERBS = new Set(
  `also then now still already just only even again previously later earlier initially recently soon never not
  n't yet once further however meanwhile instead too very well really currently immediately particularly
  especially formally officially reportedly allegedly apparently likely probably perhaps possibly nearly almost
  about around roughly approximately merely simply`.split(/\s+/),
);

export function isVerbForm(lower: string): boolean {
  return VERB_FORMS.has(lower) || CUE_VERBS.has(lower);
}

export function verbBase(lower: string): string | undefined {
  return CUE_VERBS.get(lower) ?? VERB_FORMS.get(lower);
}

/** Guesses each token's class from its own shape and its left neighbour. */
export function tagTokens(tokens: Token[]): Pos[] {
  const tags: Pos[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.lower;
    const prev = tags[i - 1];
    let tag: Pos;
    if (!/^[\p{L}\p{N}]/u.test(t.text)) tag = "punct";
    else if (/^\d/.test(w)) tag = "num";
    else if (MODALS.has(w)) tag = "modal";
    else if (AUXILIARIES.has(w) || w.endsWith("n't")) tag = "aux";
    else if (PRONOUNS.has(w) && w !== "that") tag = "pron";
    else if (DETERMINERS.has(w)) tag = "det";
    else if (SUBORDINATORS.has(w)) tag = "sub";
    else if (PREPOSITIONS.has(w)) tag = "prep";
    else if (CONJUNCTIONS.has(w)) tag = "conj";
    else if (ADVERBS.has(w) || (w.endsWith("ly") && w.length > 4 && !isVerbForm(w))) tag = "adv";
    else if (isCapitalized(t) && (i > 0 || MONTHS[w] !== undefined || WEEKDAYS[w] !== undefined)) tag = "propn";
    else if (
      isVerbForm(w) &&
      !(NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "") || prev === "num" || /'s$/.test(tokens[i - 1]?.lower ?? ""))
    )
      tag = w.endsWith("ing") ? "verb-ing" : "verb";
    else if (/^[a-z]+ed$/.test(w) && w.length > 4 && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "")) tag = "verb";
    else if (/^[a-z]{3,}ing$/.test(w) && !ING_NOUNS.has(w) && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? ""))
      tag = "verb-ing";
    else tag = "word";
    tags.push(tag);
  }
  return tags;
}

/** True for a token that can head a predicate: a finite verb, an auxiliary or a modal. */
export const isPredicate = (p: Pos | undefined): boolean => p === "verb" || p === "aux" || p === "modal";
