// Quantities a claim states, normalised so that "$2.5bn", "2,500 million dollars" and "2.5 billion US dollars"
// compare equal: a value in base units, a unit family, and whether the figure is approximate or a bound.
import { composeRegExp } from "../shared/compose-regexp.ts";
import { fold, lemma, lemmas } from "./words.ts";

export type Bound = "exact" | "about" | "at-least" | "at-most";

export interface Quantity {
  value: number;
  /**
   * Unit family: "eur", "usd", "gbp", "percent", "m" (metres), "km", "month" (spans of months and years), "share", "year", "clock", "date" (a day of a
   * month, month × 100 + day), "" (a count).
   */
  unit: string;
  bound: Bound;
  /** The words the figure was read from. */
  text: string;
  /** A figure the text rejects ("12, not 14"; "rather than 14"): stated, but not asserted. */
  negated: boolean;
  /** The figure is a change ("shares jumped 17%", "rose by $5 million", "up 3%"), not a level ("to 14", "22% of"). */
  change: boolean;
  /** For a plain count, the lemma of the word after it ("14 people" → "peopl"); null when none follows. */
  counts: string | null;
  /** Lemmas of the few words on either side, each with its distance in words: what the figure measures. */
  context: Array<[string, number]>;
  /** The lemmas before the figure, nearest first: a noun's modifier is the word before it ("target price"). */
  before: string[];
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  dozens: 24,
};

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  billion: 1e9,
  billions: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

const CURRENCY_SIGN: Record<string, string> = { $: "usd", "€": "eur", "£": "gbp", "¥": "jpy" };
const CURRENCY_WORD: Record<string, string> = {
  eur: "eur",
  euro: "eur",
  euros: "eur",
  usd: "usd",
  dollar: "usd",
  dollars: "usd",
  gbp: "gbp",
  pound: "gbp",
  pounds: "gbp",
  sterling: "gbp",
  yen: "jpy",
  hryvnia: "uah",
  hryvnias: "uah",
  rouble: "rub",
  roubles: "rub",
  ruble: "rub",
  rubles: "rub",
};
const UNIT_WORD: Record<string, [string, number]> = {
  "%": ["percent", 1],
  percent: ["percent", 1],
  "per cent": ["percent", 1],
  pc: ["percent", 1],
  m: ["m", 1],
  metre: ["m", 1],
  metres: ["m", 1],
  meter: ["m", 1],
  meters: ["m", 1],
  "-metre": ["m", 1],
  km: ["m", 1000],
  kilometre: ["m", 1000],
  kilometres: ["m", 1000],
  kilometer: ["m", 1000],
  kilometers: ["m", 1000],
  mile: ["m", 1609.344],
  miles: ["m", 1609.344],
  feet: ["m", 0.3048],
  ft: ["m", 0.3048],
  kg: ["kg", 1],
  tonnes: ["kg", 1000],
  tons: ["kg", 1000],
  hour: ["s", 3600],
  hours: ["s", 3600],
  "-hour": ["s", 3600],
  minute: ["s", 60],
  minutes: ["s", 60],
  day: ["s", 86400],
  days: ["s", 86400],
  week: ["s", 604800],
  weeks: ["s", 604800],
  month: ["month", 1],
  months: ["month", 1],
  // Spans of months and years are one unit: "within 24 months" is "within two years".
  year: ["month", 12],
  years: ["month", 12],
  share: ["share", 1],
  "a share": ["share", 1],
  "per share": ["share", 1],
  "each share": ["share", 1],
  "for each share": ["share", 1],
};

const APPROX =
  /(?:about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|close to|up to|more than|over|some|~)\s*$/;
const AT_LEAST = /(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than)\s*$/;
const AT_MOST = /(?:at most|up to|fewer than|less than|under|no more than)\s*$/;

const NUMBER =
  /(?:([$€£¥])\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozens?)(?:\s?(k|thousand|mn|mln|million|millions|bn|bln|billion|billions|tn|trillion|m|b)\b)?(?:\s?(%|per cent|percent|pc\b|-metres?|metres?|meters?|m\b|km\b|kilomet(?:re|er)s?|miles?|feet|ft\b|kg\b|tonnes|tons|-hours?|hours?|-years?|-days?|-months?|-weeks?|minutes?|days?|weeks?|months?|years?|per share|a share|for each share|each share|shares?|euros?|eur\b|usd\b|dollars?|pounds?|sterling|yen|hryvnias?|roubles?|rubles?))?/giu;

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** "February 23", and the second day of "July 10-11". */
const DATE_MONTH_BEFORE = composeRegExp(`\\b(${MONTHS})\\.?\\s+(?:\\d{1,2}\\s?[-–]\\s?)?$`);
/** "23 February", and the first day of "10-11 July"; "12 May," but not "5 may be lost". */
const DATE_MONTH_AFTER = composeRegExp(
  `^(?:\\s?[-–]\\s?\\d{1,2})?(?:st|nd|rd|th)?\\s+(?!may\\b(?!\\s*(?:[,.;)]|\\d{4}|$)))(${MONTHS})\\b`,
);

/** A verb of change right before a figure, with at most "by" and an approximation between. */
const CHANGE =
  /\b(?:jump|rise|rose|risen|fall|fell|fallen|climb|drop|gain|surge|slump|soar|plunge|slid|slide|tumble|increase|decrease|grow|grew|grown|shrink|shrank|up|down)(?:s|ed|ing)?\s+(?:by\s+)?(?:(?:as much as|about|around|nearly|almost|some|roughly|more than|over)\s+)?$/i;

const NEGATED = /(?:\bnot|\brather than|\binstead of|\bnor)\s*(?:the\s+)?(?:about\s+|around\s+)?$/;

/** A sentence boundary: a stop, but not the point of a decimal figure ("$2.8 billion"). */
const BOUNDARY = /[;!?]|[.:](?!\d)/;
/** A parenthesis: an aside, a conversion of the same figure into another unit ("(about $2.8 billion)"). */
const ASIDE = /\([^()]*\)/g;

/**
 * The words before a figure that say what it measures: back to the sentence's start, and no further back than
 * an "and" that opens another phrase ("killed three and injured 11": "injured" is what 11 counts). An "and"
 * right before the figure joins the ends of a range ("between €16 and €16.50") and does not cut.
 */
function clauseBefore(before: string): string {
  const sentence = before
    .replace(ASIDE, " ")
    .split(BOUNDARY)
    .pop()!
    .split(/,(?!\d)/)
    .pop()!;
  const parts = sentence.split(/\band\b/);
  const last = parts[parts.length - 1]!;
  return parts.length > 1 && lemmas(last).length > 0 ? last : sentence;
}

/** The words after a figure, up to the sentence's end or an "and" that opens the next phrase. */
function clauseAfter(after: string): string {
  return after
    .replace(ASIDE, " ")
    .split(BOUNDARY)[0]!
    .split(/\band\b/)[0]!;
}

/** The figure's bound, rejection and counted thing, from the words around it. */
function qualify(value: number, unit: string, text: string, before: string, after: string): Quantity {
  const next = /^[\s-]*([\p{L}]+)/u.exec(after)?.[1];
  const preceding = lemmas(clauseBefore(before)).slice(-5).reverse();
  return {
    before: preceding,
    value,
    unit,
    bound: boundOf(before),
    text,
    negated: NEGATED.test(before),
    change: CHANGE.test(before),
    counts: unit === "" && next ? lemma(next) : null,
    context: [
      ...lemmas(clauseBefore(before))
        .slice(-4)
        .reverse()
        .map((l, i): [string, number] => [l, i]),
      ...lemmas(clauseAfter(after))
        .slice(0, 4)
        .map((l, i): [string, number] => [l, i]),
    ],
  };
}

function boundOf(before: string): Bound {
  if (AT_LEAST.test(before)) return "at-least";
  if (AT_MOST.test(before)) return "at-most";
  if (APPROX.test(before)) return "about";
  return "exact";
}

/** The quantities a text states, in order. Clock times become "clock" minutes after midnight. */
export function quantities(raw: string): Quantity[] {
  const text = fold(raw).replace(/(\d)\s+(?=\d{3}\b)/g, "$1,");
  const out: Quantity[] = [];
  for (const m of text.matchAll(/\b(\d{1,2})[:.](\d{2})\s?(a\.m\.|p\.m\.|am\b|pm\b)/g)) {
    const h = (Number(m[1]) % 12) + (m[3]!.startsWith("p") ? 12 : 0);
    const at = m.index ?? 0;
    out.push(qualify(h * 60 + Number(m[2]), "clock", m[0], text.slice(0, at), text.slice(at + m[0].length)));
  }
  const clockless = text.replace(/\b\d{1,2}[:.]\d{2}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/g, (s) => " ".repeat(s.length));
  for (const m of clockless.matchAll(NUMBER)) {
    const [whole, sign, digits, scale, unitWord] = m;
    const start = m.index ?? 0;
    const prev = clockless[start - 1] ?? " ";
    if (/[\p{L}\d]/u.test(prev) && !sign) continue;
    let value = WORD_NUMBERS[digits!.toLowerCase()] ?? Number(digits!.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    const isWord = digits!.toLowerCase() in WORD_NUMBERS;
    // "four-lane", "two-thirds", "phase-two": a word number inside a compound is not a stated figure; nor is the start of a
    // longer word ("fourth", "tendons", "often").
    if (isWord && (clockless[start + whole.length] === "-" || prev === "-")) continue;
    if (isWord && /\p{L}/u.test(clockless[start + digits!.length] ?? "")) continue;
    let unit = sign ? (CURRENCY_SIGN[sign] ?? "") : "";
    if (scale) {
      const s = scale.toLowerCase();
      // "m" after a figure is million with a currency, metres without one.
      if (
        (s === "m" || s === "b") &&
        !unit &&
        !/\s(?:euros?|dollars?|pounds?|eur|usd)/.test(clockless.slice(start + whole.length, start + whole.length + 10))
      ) {
        if (s === "m") {
          out.push(qualify(value, "m", whole.trim(), clockless.slice(0, start), ""));
        }
        continue;
      }
      value *= SCALE[s] ?? 1;
    }
    if (unitWord) {
      const u = unitWord.toLowerCase().replace(/^-/, "");
      const cw = CURRENCY_WORD[u];
      if (cw) unit = cw;
      else {
        const entry = UNIT_WORD[u] ?? UNIT_WORD[u.replace(/s$/, "")];
        if (entry && !unit) {
          unit = entry[0];
          value *= entry[1];
        } else if (entry && entry[0] === "share") unit = `${unit}/share`;
      }
    }
    // A currency word right before the figure: "EUR 15.20", "USD 2bn".
    const before = clockless.slice(Math.max(0, start - 5), start);
    const cur = /\b(eur|usd|gbp|chf|sek|nok|dkk)\s?$/.exec(before);
    if (cur && (!unit || unit === "share")) unit = unit ? `${cur[1]}/share` : cur[1]!;
    // "EUR 15.20 in cash for each share": a price per share, said a few words on.
    const rest = clockless.slice(start + whole.length, start + whole.length + 30);
    if (/^(?:eur|usd|gbp|jpy|uah|rub)$/.test(unit) && /^[^.;,]{0,20}\b(?:each|per|a) share\b/.test(rest)) {
      unit = `${unit}/share`;
    }
    if (
      !unit &&
      !isWord &&
      !scale &&
      value >= 1900 &&
      value <= 2100 &&
      !digits!.includes(".") &&
      !digits!.includes(",")
    ) {
      unit = "year";
    }
    if (isWord && value === 1 && !unit) continue;
    // The day of a date ("February 23", "23 February") is no count: a "date" of month and day, so that "April
    // 14" and "14 April" agree and neither is compared with "14 people".
    const month =
      !unit && !isWord && value >= 1 && value <= 31 && !digits!.includes(".")
        ? (DATE_MONTH_BEFORE.exec(clockless.slice(Math.max(0, start - 12), start))?.[1] ??
          DATE_MONTH_AFTER.exec(clockless.slice(start + whole.length, start + whole.length + 12))?.[1])
        : undefined;
    if (month) {
      const m = MONTH_NAMES.findIndex((n) => month.startsWith(n)) + 1;
      out.push(
        qualify(
          m * 100 + value,
          "date",
          whole.trim(),
          clockless.slice(0, start),
          clockless.slice(start + whole.length),
        ),
      );
      continue;
    }
    out.push(qualify(value, unit, whole.trim(), clockless.slice(0, start), clockless.slice(start + whole.length)));
  }
  // "to €16.40 from €15.20": the figure a change starts from is no longer asserted.
  if (out.length > 1 && /\bto\s/.test(text)) {
    for (const q of out) {
      const at = text.indexOf(q.text);
      if (at > 0 && /\bfrom\s*$/.test(text.slice(0, at))) q.negated = true;
    }
  }
  return out;
}

/** Whether two figures measure the same kind of thing: one unit, both changes or both levels, and, for counts, no
 * different counted noun. */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit || a.change !== b.change) return false;
  return !a.counts || !b.counts || a.counts === b.counts;
}

/** True when two figures can be the same quantity stated twice: equal, or within the slack of an approximation. */
export function agree(a: Quantity, b: Quantity): boolean {
  return sameFigure(a, b) || compatible(a, b);
}

/** Equal, or within the slack of an approximation: one statement of the figure. */
export function sameFigure(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false;
  if (a.value === b.value) return true;
  const about = a.bound === "about" || b.bound === "about";
  // Clock times and years are not proportional: "about 5:40" is a few minutes either way, a year is exact.
  if (a.unit === "clock") return about && Math.abs(a.value - b.value) <= 5;
  if (a.unit === "year" || a.unit === "date") return false;
  const slack = about ? 0.03 : 0.005;
  return Math.abs(a.value - b.value) <= slack * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/** A bound the other figure satisfies ("at least three" and "four"): both can be true, as a count that grew. */
export function compatible(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false;
  if (a.bound === "at-least" && b.value >= a.value) return true;
  if (b.bound === "at-least" && a.value >= b.value) return true;
  return false;
}

/** A stable key: the unit and the value to three significant digits. */
export function quantityKey(q: Quantity): string {
  const exact = q.unit === "year" || q.unit === "clock" || q.unit === "date";
  const v = q.value === 0 ? 0 : Number(q.value.toPrecision(exact ? 4 : 3));
  return `#${q.unit}:${v}`;
}
