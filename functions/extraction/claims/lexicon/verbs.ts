// Verbs of news prose and their inflections: the lexicon the part-of-speech guesser knows verbs by.
import { wordList } from "./build.ts";

/** Irregular verb forms: past and past participle of common news verbs. */
export const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ["said"],
  tell: ["told"],
  write: ["wrote", "written"],
  think: ["thought"],
  find: ["found"],
  feel: ["felt"],
  know: ["knew", "known"],
  speak: ["spoke", "spoken"],
  hold: ["held"],
  make: ["made"],
  take: ["took", "taken"],
  give: ["gave", "given"],
  go: ["went", "gone"],
  come: ["came", "come"],
  see: ["saw", "seen"],
  leave: ["left"],
  meet: ["met"],
  lead: ["led"],
  send: ["sent"],
  spend: ["spent"],
  build: ["built"],
  buy: ["bought"],
  bring: ["brought"],
  seek: ["sought"],
  fight: ["fought"],
  win: ["won"],
  lose: ["lost"],
  pay: ["paid"],
  keep: ["kept"],
  begin: ["began", "begun"],
  rise: ["rose", "risen"],
  fall: ["fell", "fallen"],
  grow: ["grew", "grown"],
  show: ["showed", "shown"],
  set: ["set"],
  put: ["put"],
  cut: ["cut"],
  hit: ["hit"],
  let: ["let"],
  quit: ["quit"],
  shut: ["shut"],
  run: ["ran", "run"],
  become: ["became", "become"],
  get: ["got", "gotten"],
  have: ["had", "has"],
  do: ["did", "done", "does"],
  be: ["was", "were", "been", "is", "are", "am"],
  sell: ["sold"],
  stand: ["stood"],
  understand: ["understood"],
  strike: ["struck"],
  drive: ["drove", "driven"],
  break: ["broke", "broken"],
  choose: ["chose", "chosen"],
  steal: ["stole", "stolen"],
  freeze: ["froze", "frozen"],
  shoot: ["shot"],
  hide: ["hid", "hidden"],
  forecast: ["forecast"],
  read: ["read"],
  hear: ["heard"],
  mean: ["meant"],
  swear: ["swore", "sworn"],
  teach: ["taught"],
  catch: ["caught"],
  draw: ["drew", "drawn"],
  fly: ["flew", "flown"],
  throw: ["threw", "thrown"],
  wear: ["wore", "worn"],
  undertake: ["undertook", "undertaken"],
  withdraw: ["withdrew", "withdrawn"],
  overtake: ["overtook", "overtaken"],
  sit: ["sat"],
  split: ["split"],
  spread: ["spread"],
  bid: ["bid"],
  cost: ["cost"],
  hurt: ["hurt"],
  shed: ["shed"],
  feed: ["fed"],
  flee: ["fled"],
  deal: ["dealt"],
  bear: ["bore", "borne"],
  slide: ["slid"],
  stick: ["stuck"],
  arise: ["arose", "arisen"],
  sweep: ["swept"],
  creep: ["crept"],
  weep: ["wept"],
  leap: ["leapt"],
  sleep: ["slept"],
  lend: ["lent"],
  bend: ["bent"],
  hang: ["hung"],
  swing: ["swung"],
  cling: ["clung"],
  dig: ["dug"],
  spin: ["spun"],
  sink: ["sank", "sunk"],
  shrink: ["shrank", "shrunk"],
  sing: ["sang", "sung"],
  ring: ["rang", "rung"],
  drink: ["drank", "drunk"],
  swim: ["swam", "swum"],
  forbid: ["forbade", "forbidden"],
  forgive: ["forgave", "forgiven"],
  forget: ["forgot", "forgotten"],
  bite: ["bit", "bitten"],
  ride: ["rode", "ridden"],
  shake: ["shook", "shaken"],
  wake: ["woke", "woken"],
  tear: ["tore", "torn"],
  blow: ["blew", "blown"],
  eat: ["ate", "eaten"],
  lay: ["laid"],
  light: ["lit"],
  speed: ["sped"],
  overcome: ["overcame"],
  oversee: ["oversaw", "overseen"],
  undergo: ["underwent", "undergone"],
  uphold: ["upheld"],
  withhold: ["withheld"],
  overthrow: ["overthrew", "overthrown"],
  broadcast: ["broadcast"],
  bet: ["bet"],
  burst: ["burst"],
  upset: ["upset"],
  slay: ["slew", "slain"],
};

/** Irregular past tenses and participles ("held", "led", "known"). */
export const IRREGULAR_PAST = new Set(
  Object.values(IRREGULAR)
    .flat()
    .filter((f) => !/^(?:is|are|am|has|does)$/.test(f)),
);

/** A past tense or past participle: "held", "reported", "led". */
export const isPastForm = (lower: string): boolean => lower.endsWith("ed") || IRREGULAR_PAST.has(lower);

/** The -s form of a base: "says", "pushes", "replies". */
export function sForm(base: string): string {
  if (/(s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

function inflect(base: string): string[] {
  const out = [base];
  const irregular = IRREGULAR[base];
  if (irregular) out.push(...irregular);
  out.push(sForm(base));
  // -ed and -ing
  let stem = base;
  if (/e$/.test(base)) stem = base.slice(0, -1);
  if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ied`);
  else if (!irregular) out.push(/e$/.test(base) ? `${base}d` : `${base}ed`);
  out.push(base.endsWith("ee") ? `${base}ing` : `${stem}ing`);
  // Doubled final consonant (stop → stopped), for short CVC stems.
  // Also stressed final syllables: admit → admitted, refer → referred, control → controlled, regret → regretted.
  if (
    /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base) ||
    /(?:mit|cur|pel|trol|gret|but)$/.test(base) ||
    /^(?:re|pre|con|de|in|trans)fer$/.test(base)
  ) {
    const last = base.at(-1);
    out.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return out;
}

/** Every inflected form of the bases (form → base); a form two bases share goes to the first. */
export function verbForms(bases: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const base of bases) for (const form of inflect(base)) if (!map.has(form)) map.set(form, base);
  return map;
}

/** Common news verbs besides the cues (lexicon/cues.ts): their forms tag a word as a verb. */
export const NEWS_VERBS = wordList(`
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
  trap treat tremble trick trigger triple trust tweet uncover undercut underestimate undergo underline
  underpin understand undertake undervalue overestimate overvalue unify unite
  unlock unveil update upgrade uphold upset urge value vanish vary veto visit voice volunteer vow walk wander warn
  wash waste watch wave weaken wear weigh welcome whisper widen wipe wish withhold witness wonder worsen wrap write
  yield
`);
