// Closed word lists the rule-based extractor leans on. English news prose only.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Irregular verb forms: past and past participle of common news verbs. */
export const IRREGULAR: Record<string, string[]> = {
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

function inflect(base: string): string[] {
  const out = [base];
  const irregular = IRREGULAR[base];
  if (irregular) out.push(...irregular);
  // -s
  if (/(s|sh|ch|x|z|o)$/.test(base)) out.push(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ies`);
  else out.push(`${base}s`);
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

export function verbForms(bases: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const base of bases.trim().split(/\s+/))
    for (const form of inflect(base)) if (!map.has(form)) map.set(form, base);
  return map;
}

/** Verbs that report what someone asserts: form → base. */
export const CUE_VERBS = verbForms(`
  say tell add announce state write post tweet claim argue insist warn note report confirm deny urge explain
  describe accuse allege suggest believe estimate predict expect forecast reply respond answer acknowledge admit
  concede assert declare stress emphasize emphasise remind promise pledge vow threaten ask complain contend
  maintain reveal disclose indicate show demonstrate conclude testify recall observe comment remark fear think caution
  reiterate repeat brief inform find rule signal hint estimate predict project anticipate
  assure reassure boast lament concede dispute reject counter retort quip recount recommend propose demand call
  describe characterise characterize label dismiss deny acknowledge clarify point stress underline highlight
  order instruct advise press blame cite agree
`);

/** Cue verbs whose content the speaker presents as expected, not as fact (FactBank: probable). */
export const PROBABLE_CUES = words(`expect forecast predict estimate believe think anticipate project`);
/** Cue verbs whose content the speaker presents as merely possible. */
export const POSSIBLE_CUES = words(`suggest hint fear signal`);
/** Cue verbs whose content the speaker rejects: the reported proposition is negated. */
export const NEGATING_CUES = words(`deny reject dispute dismiss`);

/** Nouns that stand for the speaker's utterance: "in a statement", "the statement said". */
export const UTTERANCE_NOUNS = words(`statement post tweet interview briefing release letter report judgment ruling
  message video speech remarks comments note email memo minutes summary filing`);
/** What a study or a count says: its speaker is a document ("a study found", "polls showed"). */
export const FINDING_NOUNS = words(`study studies poll polls survey surveys research analysis paper data findings
  audit assessment estimate estimates projections forecast review census order opinion decision complaint lawsuit
  motion affidavit testimony book essay column op-ed article blog podcast newsletter documents results figures
  statistics records filings`);

/** Channels a statement travels through: "on X", "on Telegram", "in an interview with the BBC". */
export const CHANNELS: Array<[RegExp, string]> = [
  [/^(?:x|twitter|x \(twitter\)|x \(formerly twitter\))$/i, "X (Twitter)"],
  [/^telegram$/i, "Telegram"],
  [/^facebook$/i, "Facebook"],
  [/^instagram$/i, "Instagram"],
  [/^truth social$/i, "Truth Social"],
  [/^youtube$/i, "YouTube"],
  [/^tiktok$/i, "TikTok"],
  [/^bluesky$/i, "Bluesky"],
  [/^threads$/i, "Threads"],
  [/^linkedin$/i, "LinkedIn"],
];

export const MODALS_POSSIBLE = words(`may might could`);
export const HEDGES_PROBABLE = words(`likely probably reportedly apparently presumably allegedly expected`);
export const HEDGES_POSSIBLE = words(`possibly perhaps maybe possible potentially`);

export const PRONOUNS = words(`he she it they we i you him her them us me his its their our`);

export const DETERMINERS = words(`the a an this that these those his her its their our my your some any each every
  no another such both either neither all several many much more most few fewer less`);

export const PREPOSITIONS = words(`of in on at by for with from to into onto over under about after before during
  since until till through across against among between within without towards toward upon amid despite via per
  than like near off out up down around behind beyond along outside inside above below`);

export const CONJUNCTIONS = words(`and or but nor yet so`);
export const SUBORDINATORS = words(`because although though while whereas if unless since after before when whenever
  as until once whether that which who whom whose where`);

export const AUXILIARIES = words(`is are was were be been being am has have had having do does did will would shall
  should can could may might must`);

export const TITLES = words(`president prime minister chancellor secretary senator sen rep representative governor gov
  mayor general gen colonel col lieutenant lt captain capt sergeant sgt admiral judge justice mr mrs ms miss dr
  professor prof sir dame lord lady king queen prince princess pope ambassador envoy spokesperson spokesman
  spokeswoman chief deputy director chairman chairwoman chair ceo executive commissioner inspector officer
  economist analyst minister foreign defence defense finance interior health external member leader head
  attorney lawyer solicitor barrister counsel councillor councilor speaker premier governor-general chairperson
  vice senior former acting interim special representative external councilwoman councilman congressman
  boss coach manager founder owner striker midfielder defender goalkeeper winger forward quarterback pitcher
  congresswoman assemblyman assemblywoman alderman superintendent commissioner sheriff coroner campaigner activist
  advocate researcher scientist author novelist historian entrepreneur investor pastor rabbi imam bishop archbishop`);

/** Words that make a name an organisation rather than a person. */
export const ORG_WORDS = words(`office ministry department agency bank council court commission committee
  government presidency palace street house parliament congress senate assembly union party company corporation
  corp inc ltd llc plc group association federation institute university college school hospital police army
  navy force forces command service services authority board fund organisation organization alliance coalition
  foundation trust network news agency times post journal press tribune guardian herald pravda reuters homes
  legal pentagon kremlin nato un eu embassy consulate administration cabinet secretariat bureau centre center
  council directorate staff headquarters holdings industries technologies pharmaceuticals airlines airways motors
  logistics gmbh`);

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Abbreviations that end with a period without ending a sentence. */
export const ABBREVIATIONS = words(`mr mrs ms dr prof sen rep gov gen col lt capt sgt adm st jr sr inc corp ltd co
  vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  approx dept est govt u.s u.k u.n e.u a.m p.m e.g i.e rev hon maj cmdr brig supt insp det pres sec atty dist
  ft mt ave blvd rd no op cf al`);
