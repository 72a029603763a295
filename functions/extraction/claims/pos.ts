// A small part-of-speech guesser: closed word classes from lists, verbs from a lexicon of common news verbs
// and their inflections, the rest from shape. Enough to find clause boundaries and predicates; not a tagger.
import {
  AUXILIARIES,
  CONJUNCTIONS,
  CUE_VERBS,
  DETERMINERS,
  IRREGULAR,
  isPastForm,
  MONTHS,
  PREPOSITIONS,
  PRONOUNS,
  SUBORDINATORS,
  TITLES,
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

  abandon abolish absorb accelerate access accommodate accompany accumulate adapt add admire admit advance advertise
  advocate afford age aid alarm alert align allocate ally amass amount analyse analyze anger announce annoy answer
  appreciate approach arrange assemble assign assist assume attach attract audit authorise authorize avert avoid
  await award bail balance bar bargain bear beat beg behave belong bet bid bind blame blast bleed bless blow board
  boast bomb book borrow bounce bow brace breach breathe brief broadcast browse burn burst bury call calm campaign
  care carve cast catch celebrate censor certify chair challenge channel chant chase cheat cheer chop circle cite
  claim clash clean climb cling clog coach coincide collaborate collide comment commission communicate compensate
  compile complain comply compose compromise conceal concede conceive concentrate conclude confess confirm conflict
  conform confuse congratulate connect conquer consent conserve consist consolidate constitute construct consume
  contact contest contract contradict convert convince cook cope copy correct correspond corrupt cough counter
  crack crash crawl create credit crush cry cultivate cure curb dance dare decide declare decorate dedicate defer
  define defy delete delight demolish demonstrate deny depart depend depict deport deposit depress deprive derive
  descend describe desert desire despise detect deter devastate devote dictate differ dig dip direct disagree
  disappear disappoint disarm discharge disclose discourage disguise dismantle dispatch disperse display dispose
  dispute disrupt dissolve distinguish distort distribute disturb dive diversify divert dominate donate double
  doubt drag drain dream dress drift drink drown dry dump dwell earn echo edit educate elaborate elevate embark
  embrace emerge emphasise emphasize enact encounter encourage endanger endorse endure enforce enjoy enlarge enrich
  enrol entail entertain enthuse equip erase erode erupt escape escort estimate evade evaluate evolve exaggerate
  exchange excite exclude excuse execute exempt exercise exhaust exhibit exit expand expect experience experiment
  explain exploit explore expose extract fade fake fall fascinate fasten favour favor fear feature fetch finish fit
  flag flash flee flip float flow fold fold forbid forecast forge forget forgive formulate foster found frame free
  frighten frustrate fulfil fulfill gain gamble generate glance govern grab graduate grasp greet grind guarantee
  guard guess guide hail halve hammer hang harm hate haunt heal hear heat hesitate highlight hijack hint honour
  honor hunt hurry illustrate imagine imitate impress imprison inaugurate incorporate indicate induce infect
  inflict inform inherit inhibit injure inquire insert insist inspect inspire install instruct insult insure
  integrate interact interfere interpret interrupt intervene interview intimidate invent justify kick kidnap kiss
  knock label lack land last laugh lay leak lean leap learn lecture legalise legalize lie light like linger listen
  load loan lobby locate lock lodge long look loom loot love mail manipulate march marry match matter measure
  mention merge migrate mind mine mobilise mobilize modernise modernize modify motivate mount mourn multiply murder
  nationalise nationalize near neglect nod note notice notify nurture obey object oblige observe obstruct offend
  omit operate opt order organise organize originate outnumber outweigh overcome overhaul overlook override oversee
  overthrow pack paint park participate partner patrol perceive perform permit persist persuade pick pin pioneer
  place plant plead please pledge plot pollute pose position possess post postpone pour practise practice praise
  pray preach precede predict prepare prescribe present preside pretend prevail print prioritise prioritize
  privatise privatize probe proclaim profit progress project promise promote prompt propose prosecute protest
  provoke publicise publicize punish qualify question race rain rally rank rate ratify reach read realise realize
  reassure rebel rebuild recall recognise recognize recommend reconsider record recruit redeem refer reflect reform
  refund regard regret regulate rehabilitate reiterate reject rejoice relate relax relay relieve relocate remark
  remember remind renew rent reopen reorganise repay repeat repel replicate reply report rescind resemble reserve
  reside resist respect respond rest restart restructure retaliate retire retreat retrieve reunite reveal reverse
  revise revive revoke reward ride ring rob rotate ruin rush sail satisfy say scale scan scare scatter score
  scrap scream screen search seal seat secure see seek select sentence separate shake shape shelter shine shock
  shout show shrink shun sigh sing sink sit skip sleep slip smash smell smile smoke smuggle sneak solve sort sound
  spark speak specify speculate speed spell split spoil sponsor spot spy squeeze stabilise stabilize stage stall
  stare state steal steer stem stick stimulate stir store storm stress stretch strip strive stun subsidise
  subsidize substitute suck sue suggest suit summon supervise suppose suppress surprise surrender surround suspect
  sustain swallow swear sweep swim swing tackle talk tap tax teach tear tease tell terminate terrify testify think
  threaten throw tie tighten tip tolerate top torture touch tour trace track transform translate transmit transport
  trap treat tremble trick trigger triple trust tweet uncover undergo underline understand undertake unify unite
  unlock unveil update upgrade uphold upset urge value vanish vary veto visit voice volunteer vow walk wander warn
  wash waste watch wave weaken wear weigh welcome whisper widen wipe wish withhold witness wonder worsen wrap write
  yield
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
export const NOUN_MARKERS = new Set([
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
  "several",
]);
/** Adjective endings: "editorial", "executive", "economic", "famous", "regulatory", "different". */
const ADJECTIVE = /(?:al|ive|ic|ous|ary|ory|ent|ant|ful|less|ible|able)$/;
/** Nouns with an adjective's ending, often the subject of a verb ("the official cut", "the resident said"). */
const ADJECTIVE_LIKE_NOUNS = new Set(
  `official resident agent participant assistant consultant student defendant applicant tenant rival critic
  arrival approval individual original criminal principal capital hospital animal journal
  referral survival proposal dismissal withdrawal denial trial memorial tribunal cardinal liberal radical
  native relative detective objective initiative collective representative executive incumbent opponent
  patient parent client president government department movement statement agreement investment
  management settlement parliament employment treatment tournament commitment document`.split(/\s+/),
);
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

// Every verb with irregular forms is a verb too ("spoke", "sat", "fled").
for (const base of Object.keys(IRREGULAR))
  for (const [form, b] of verbForms(base)) if (!VERB_FORMS.has(form)) VERB_FORMS.set(form, b);

export function isVerbForm(lower: string): boolean {
  return VERB_FORMS.has(lower) || CUE_VERBS.has(lower);
}

export function pastTense(base: string): string {
  const irregular = IRREGULAR[base]?.[0];
  if (irregular) return irregular;
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

export function thirdPerson(base: string): string {
  if (base === "have") return "has";
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
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
    else if (ADVERBS.has(w) || (w.endsWith("ly") && w.length > 4 && !isVerbForm(w) && !(i > 0 && isCapitalized(t))))
      tag = "adv";
    else if (isCapitalized(t) && (i > 0 || MONTHS[w] !== undefined || WEEKDAYS[w] !== undefined)) tag = "propn";
    else if (
      isVerbForm(w) &&
      !(NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "") || prev === "num" || /'s$/.test(tokens[i - 1]?.lower ?? "")) &&
      // "secretary of state", "a lack of control": a bare verb form after a preposition is a noun.
      !(prev === "prep" && tokens[i - 1]!.lower !== "to" && VERB_FORMS.get(w) === w)
    )
      tag = w.endsWith("ing") ? "verb-ing" : "verb";
    else if (/^[a-z]+ed$/.test(w) && w.length > 4 && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? "")) tag = "verb";
    else if (/^[a-z]{3,}ing$/.test(w) && !ING_NOUNS.has(w) && !NOUN_MARKERS.has(tokens[i - 1]?.lower ?? ""))
      tag = "verb-ing";
    else tag = "word";
    tags.push(tag);
  }
  // "on elderly and disabled voters", "the sick and wounded soldiers": a participle coordinated with a modifier
  // inside a noun phrase is an adjective, not a second predicate.
  for (let i = 3; i + 1 < tags.length; i++) {
    if (tags[i] !== "verb" || !/ed$/.test(tokens[i]!.lower) || tags[i + 1] !== "word") continue;
    if (!/^(?:and|or)$/.test(tokens[i - 1]!.lower) || !/^(?:word|adv)$/.test(tags[i - 2] ?? "")) continue;
    if (tags[i - 3] === "prep" || tags[i - 3] === "det") tags[i] = "word";
  }
  // "Transport Secretary Louise Hay said": a capitalised first word before a capitalised name is part of it.
  if (tags[0] === "verb" && isCapitalized(tokens[0]!) && tags[1] === "propn" && tags[2] === "propn") tags[0] = "propn";
  // "Federal and state officials said": after a conjunction or determiner and before a noun and a verb, a
  // verb-looking word is an adjective.
  for (let i = 1; i + 2 < tags.length; i++) {
    if (tags[i] !== "verb" || tags[i + 1] !== "word" || !isPredicate(tags[i + 2])) continue;
    const prev = tokens[i - 1]!.lower;
    // (Only a base form: "and said ministers had …" keeps its verb.)
    const w = tokens[i]!.lower;
    if ((tags[i - 1] === "conj" || NOUN_MARKERS.has(prev)) && !/ed$/.test(w) && VERB_FORMS.get(w) === w)
      tags[i] = "word";
  }
  // "an economist and tax expert", "editorial board", "professional conduct": a bare verb form that modifies or
  // heads a noun phrase, after a noun and "and" or after an adjective, is a noun.
  for (let i = 1; i < tags.length; i++) {
    if (tags[i] !== "verb" || VERB_FORMS.get(tokens[i]!.lower) !== tokens[i]!.lower) continue;
    const afterNounAnd = tags[i - 1] === "conj" && tags[i - 2] === "word" && tags[i + 1] === "word";
    const prevWord = tokens[i - 1]!.lower;
    const afterAdjective =
      tags[i - 1] === "word" &&
      ADJECTIVE.test(prevWord) &&
      !TITLES.has(prevWord) &&
      !ADJECTIVE_LIKE_NOUNS.has(prevWord);
    if (afterNounAnd || afterAdjective) tags[i] = "word";
  }
  // "it underscores", "they reckoned": after a subject pronoun an unknown -s or -ed word is a verb.
  for (let i = 1; i < tags.length; i++) {
    if (tags[i] !== "word" || !/^(?:he|she|it|they|we|i|you|who)$/.test(tokens[i - 1]!.lower)) continue;
    if (/^[a-z]{3,}(?:[^s]s|ed)$/.test(tokens[i]!.text)) tags[i] = "verb";
  }
  // "last week", "last Tuesday": a time, not the verb "to last".
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tokens[i]!.lower !== "last" || tags[i] !== "verb") continue;
    const n = tokens[i + 1]!.lower;
    if (
      /^(?:week|month|year|night|weekend|time|summer|winter|spring|autumn|fall|season|quarter|decade|century)$/.test(
        n,
      ) ||
      WEEKDAYS[n] !== undefined ||
      MONTHS[n] !== undefined
    )
      tags[i] = "adv";
  }
  // "Shares of Acme", "reports of shelling": a plural before "of" is a noun ("consists of" and the like aside).
  for (let i = 0; i + 1 < tags.length; i++) {
    const w = tokens[i]!.lower;
    if (tags[i] !== "verb" || tokens[i + 1]!.lower !== "of" || !/[^s]s$/.test(w)) continue;
    if (!/^(?:consists|thinks|approves|disposes|speaks|hears|knows|dreams|warns|reminds|accuses|smacks|tires)$/.test(w))
      tags[i] = "word";
  }
  // A verb-looking word right before a finite verb is a noun: "a powerful storm swept", "prices rise".
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] !== "verb" || !isPredicate(tags[i + 1])) continue;
    const w = tokens[i]!.lower;
    if (CUE_VERBS.has(w) && /(?:ed|said|told|wrote)$/.test(w)) continue;
    if (isPastForm(w) || tokens[i - 1]?.lower === "to") continue;
    // "now expects adjusted earnings": after an adverb it is the verb, and a participle before a noun is an adjective.
    if (tags[i - 1] === "adv") continue;
    if (/ed$/.test(tokens[i + 1]!.lower) && tags[i + 2] === "word") continue;
    tags[i] = "word";
  }
  return tags;
}

/** True for a token that can head a predicate: a finite verb, an auxiliary or a modal. */
export const isPredicate = (p: Pos | undefined): boolean => p === "verb" || p === "aux" || p === "modal";
