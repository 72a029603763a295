// Content words of a claim, reduced to comparable lemmas: case, accents and inflection removed, function words
// dropped, a few news synonyms folded onto one lemma. Deterministic and dictionary-free beyond the lists here.

const STOP = new Set(
  `a an the this that these those there here it its it's they them their theirs he him his she her hers we us our
  you your i me my mine who whom whose which what when where why how and or but nor yet so if then than as of in on
  at by for with from to into onto over under about after before during between through against among within
  without upon off out up down also not no never only just even still very more most much many some any each every
  all both either neither other another such same own is are was were be been being am has have had having do
  does did will would shall should can could may might must said says say saying told tells according added
  adding noted stated wrote statement reported reports report per cent percent one ones would've
  thousand thousands million millions billion billions trillion bn bln mln mn euro euros eur usd dollar dollars
  pound pounds gbp approximately about around roughly nearly almost some least`
    .split(/\s+/)
    .filter(Boolean),
);

/** Inflected or variant forms that mean the same in a news proposition: folded onto one lemma. */
const FOLD: Record<string, string> = {
  die: "die",
  dead: "die",
  death: "die",
  kill: "die",
  fatal: "die",
  toll: "die",
  injur: "injur",
  wound: "injur",
  hurt: "injur",
  launch: "fire",
  fire: "fire",
  buy: "acquir",
  acquir: "acquir",
  purchas: "acquir",
  takeover: "acquir",
  big: "larg",
  biggest: "larg",
  largest: "larg",
  larg: "larg",
  meet: "meet",
  met: "meet",
  meeting: "meet",
  revenu: "revenu",
  sale: "revenu",
  turnov: "revenu",
  talk: "talk",
  negotiat: "talk",
  discuss: "talk",
  strik: "attack",
  strike: "attack",
  attack: "attack",
  assault: "attack",
  convei: "express",
  express: "express",
  voic: "express",
  maintenanc: "maintain",
  maintain: "maintain",
  investig: "investig",
  investigat: "investig",
  inquiri: "investig",
  inquir: "investig",
  enquiri: "investig",
  probe: "investig",
  prob: "investig",
  scrutini: "investig",
  review: "investig",
  responsibl: "respons",
  responsibiliti: "respons",
  respons: "respons",
  receiv: "receiv",
  obtain: "receiv",
  get: "receiv",
  arriv: "arriv",
  reach: "arriv",
  plant: "plant",
  factori: "plant",
  faciliti: "plant",
  promis: "promis",
  pledg: "promis",
  vow: "promis",
  hir: "hire",
  appoint: "hire",
};

/** Folds case, accents, typographic quotes and dashes: the form every comparison starts from. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase();
}

/** A light suffix stemmer (Porter's first steps): enough to meet "inspects", "inspected" and "inspection". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  for (const suffix of ["ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ers", "er", "ed", "ly"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

const IRREGULAR: Record<string, string> = {
  went: "go",
  gone: "go",
  fell: "fall",
  fallen: "fall",
  gave: "give",
  given: "give",
  took: "take",
  taken: "take",
  made: "make",
  held: "hold",
  sent: "send",
  paid: "pay",
  rose: "rise",
  risen: "rise",
  won: "win",
  lost: "lose",
  began: "begin",
  begun: "begin",
  brought: "bring",
  bought: "buy",
  sold: "sell",
  built: "build",
  left: "leave",
  met: "meet",
  ran: "run",
  spoke: "speak",
  spoken: "speak",
  knew: "know",
  known: "know",
  saw: "see",
  seen: "see",
  struck: "strike",
  shot: "shoot",
  hit: "hit",
  cut: "cut",
  led: "lead",
  killed: "kill",
  died: "die",
  got: "get",
  gotten: "get",
};

/** The lemma of one lower-case word, or null for a function word. */
export function lemma(word: string): string | null {
  const w = word.replace(/^'+|(?<!')'+$/g, "");
  if (w.length < 2 || STOP.has(w) || /^\d/.test(w)) return null;
  const base = IRREGULAR[w] ?? stem(w);
  return FOLD[base] ?? FOLD[w] ?? base;
}

/** The content lemmas of a text, in order, repeats kept. */
export function lemmas(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) {
    for (const part of m[0].split("-")) {
      const l = lemma(part);
      if (l) out.push(l);
    }
  }
  return out;
}
