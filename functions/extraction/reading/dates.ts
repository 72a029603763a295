// Publication dates as news pages write them, turned into ISO 8601. The zone offset is kept only when the
// text gives one: "18:07" with no zone stays a local time, because guessing the zone would invent a fact.
import { composeRegExp } from "../../shared/compose-regexp.ts";

export interface FoundDate {
  /** "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DDTHH:MM:SS+HH:MM" / "…Z". */
  iso: string;
  /** 1 = day only, 2 = local time, 3 = time with zone: higher is more precise. */
  precision: 1 | 2 | 3;
  /** Where the date expression starts and ends in the searched string. */
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Fixed offsets in minutes. Ambiguous abbreviations (IST, ET without a date rule) are left out on purpose. */
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  aest: 600,
  aedt: 660,
  acst: 570,
  awst: 480,
  nzst: 720,
  nzdt: 780,
};

/** US zone names without standard/daylight ("ET"): standard offset, daylight applied by US rules. */
const US_GENERIC_ZONES: Record<string, number> = { et: -300, ct: -360, mt: -420, pt: -480 };

const MONTH_ALT =
  "jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?";
const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*";
// A time: "18:07", "1:14 PM", "11:48:00", "6.30pm", "9 a.m." (hour alone needs am/pm).
const TIME = "(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|\\s*([ap]\\.?m\\.?))(?![\\w])";
// A zone: "GMT+1", "UTC+02:00", "+0200", "Z", "CEST", "(EDT)".
const ZONE = "\\(?(?:(gmt|utc)\\s*([+-−]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-−]\\d{2}:?\\d{2})|([a-z]{1,5})\\b)\\)?";

/** What may stand between a date and its time: "at", a dash, a bar or a middle dot. */
const TIME_LEAD = "(?:at\\s+|[-–—|·•]\\s*)?";

const ISO_RE =
  /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])/i;
// recheck: findDate reads at most the first 4,000 characters.
const DMY_RE = composeRegExp(
  `(?:${WEEKDAY})?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT})\\s*,?\\s*(\\d{4})\\b(?:,?\\s*${TIME_LEAD}${TIME})?(?:\\s*${ZONE})?`,
  "i",
);
// recheck: findDate reads at most the first 4,000 characters.
const MDY_RE = composeRegExp(
  `(?:${WEEKDAY})?\\b(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b(?:,?\\s*${TIME_LEAD}${TIME})?(?:\\s*${ZONE})?`,
  "i",
);
/** Day-month-year and month-day-year: the pattern, then which group holds the day and which the month. */
const WORDED_DATES: ReadonlyArray<readonly [RegExp, number, number]> = [
  [DMY_RE, 1, 2],
  [MDY_RE, 2, 1],
];
// "18:26 07.07.2025" (time first) and "07.07.2025 18:26" / "07/04/2025".
// recheck: findDate reads at most the first 4,000 characters.
const NUMERIC_RE = composeRegExp(
  `(?:${TIME}\\s*,?\\s*)?\\b(\\d{1,2})([./-])(\\d{1,2})\\7(\\d{4})\\b(?:,?\\s*(?:at\\s+)?${TIME})?(?:\\s*${ZONE})?`,
  "i",
);
// "Jul 4 2025 10:00AM" is covered by MDY; a time before the date ("1:14 PM, July 4, 2025") by TIME_FIRST.
// recheck: findDate reads at most the first 4,000 characters.
const TIME_FIRST_RE = composeRegExp(
  `${TIME}\\s*(?:${ZONE})?\\s*[,·|]?\\s*(?:on\\s+)?(?:${WEEKDAY})?(?:(\\d{1,2})\\s+(${MONTH_ALT})|(${MONTH_ALT})\\s+(\\d{1,2}))(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b`,
  "i",
);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function monthOf(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")];
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Second Sunday of March to first Sunday of November (the US rule since 2007), in local time. */
function usDaylight(y: number, m: number, d: number): boolean {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  const firstSunday = (month: number) => 1 + ((7 - new Date(Date.UTC(y, month - 1, 1)).getUTCDay()) % 7);
  return m === 3 ? d >= firstSunday(3) + 7 : d < firstSunday(11);
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return "+00:00";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Minutes east of UTC for a zone expression, or undefined when it names no zone we can trust. */
function zoneOffset(
  gmtWord: string | undefined,
  gmtOffset: string | undefined,
  numeric: string | undefined,
  abbr: string | undefined,
  date: [number, number, number],
): number | undefined {
  const signed = (text: string): number | undefined => {
    const m = /^([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
    if (!m) return undefined;
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return m[1] === "+" ? minutes : -minutes;
  };
  if (gmtWord) return gmtOffset ? signed(gmtOffset) : 0;
  if (numeric) return signed(numeric);
  if (abbr) {
    const key = abbr.toLowerCase();
    if (key in ZONES) return ZONES[key];
    if (key in US_GENERIC_ZONES) return US_GENERIC_ZONES[key]! + (usDaylight(...date) ? 60 : 0);
  }
  return undefined;
}

interface Parts {
  y: number;
  m: number;
  d: number;
  hour?: string | undefined;
  minute?: string | undefined;
  second?: string | undefined;
  meridiem?: string | undefined;
  zone?: number | undefined;
}

function build(p: Parts, index: number, end: number): FoundDate | null {
  if (!validDay(p.y, p.m, p.d)) return null;
  const day = `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  if (p.hour === undefined) return { iso: day, precision: 1, index, end };
  let hour = Number(p.hour);
  const minute = Number(p.minute ?? 0);
  const second = Number(p.second ?? 0);
  if (p.meridiem) {
    if (hour < 1 || hour > 12) return { iso: day, precision: 1, index, end };
    const pm = p.meridiem.toLowerCase().startsWith("p");
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { iso: day, precision: 1, index, end };
  const local = `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (p.zone === undefined) return { iso: local, precision: 2, index, end };
  return { iso: local + formatOffset(p.zone), precision: 3, index, end };
}

function fromIso(m: RegExpExecArray): FoundDate | null {
  const [, y, mo, d, h, mi, s, z] = m;
  if (h === undefined) return build({ y: Number(y), m: Number(mo), d: Number(d) }, m.index, m.index + m[0].length);
  let zone: number | undefined;
  if (z) {
    if (z.toUpperCase() === "Z") zone = 0;
    else {
      const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)!;
      zone = (zm[1] === "-" ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0));
    }
  }
  const found = build(
    { y: Number(y), m: Number(mo), d: Number(d), hour: h, minute: mi, second: s, zone },
    m.index,
    m.index + m[0].length,
  );
  // "Z" stays "Z": it is how the source wrote UTC.
  if (found && z?.toUpperCase() === "Z") found.iso = found.iso.replace(/\+00:00$/, "Z");
  return found;
}

/** Time and zone groups start at `at` in a match made with TIME followed by ZONE. */
function timeAndZone(m: RegExpExecArray, at: number, zoneAt: number, date: [number, number, number]) {
  const hour = m[at];
  const meridiem = m[at + 3] ?? m[at + 4];
  const zone =
    hour !== undefined ? zoneOffset(m[zoneAt], m[zoneAt + 1], m[zoneAt + 2], m[zoneAt + 3], date) : undefined;
  return { hour, minute: m[at + 1], second: m[at + 2], meridiem, zone };
}

/**
 * The first date in `text` (ISO, "7 July 2025, 18:07", "July 4, 2025 1:14 PM GMT+1", "18:26 07.07.2025",
 * "10 July 2025, 11:48 CEST"), or null. Linear: every pattern is anchored on fixed tokens with bounded runs.
 */
export function findDate(text: string): FoundDate | null {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const candidates: FoundDate[] = [];
  const iso = ISO_RE.exec(s);
  if (iso) {
    const found = fromIso(iso);
    if (found) candidates.push(found);
  }
  for (const [re, dayGroup, monthGroup] of WORDED_DATES) {
    const m = re.exec(s);
    if (!m) continue;
    const date: [number, number, number] = [Number(m[3]), monthOf(m[monthGroup]!) ?? 0, Number(m[dayGroup])];
    const found = build(
      { y: date[0], m: date[1], d: date[2], ...timeAndZone(m, 4, 9, date) },
      m.index,
      m.index + m[0].length,
    );
    if (found) candidates.push(found);
  }
  const tf = TIME_FIRST_RE.exec(s);
  if (tf) {
    const month = monthOf((tf[11] ?? tf[12])!) ?? 0;
    const date: [number, number, number] = [Number(tf[14]), month, Number(tf[10] ?? tf[13])];
    const t = timeAndZone(tf, 1, 6, date);
    const found = build({ y: date[0], m: date[1], d: date[2], ...t }, tf.index, tf.index + tf[0].length);
    if (found) candidates.push(found);
  }
  const num = NUMERIC_RE.exec(s);
  if (num) {
    const a = Number(num[6]);
    const b = Number(num[8]);
    // Dots and dashes are day-first (European); slashes are month-first unless that cannot be a date.
    const dayFirst = num[7] !== "/" ? b <= 12 : a > 12;
    const date: [number, number, number] = [Number(num[9]), dayFirst ? b : a, dayFirst ? a : b];
    const before = num[1] !== undefined;
    const t = timeAndZone(num, before ? 1 : 10, 15, date);
    const found = build({ y: date[0], m: date[1], d: date[2], ...t }, num.index, num.index + num[0].length);
    if (found) candidates.push(found);
  }
  if (candidates.length === 0) return null;
  // The earliest expression wins; at the same place, the longer (more precise) reading.
  candidates.sort((x, y) => x.index - y.index || y.end - x.end);
  return candidates[0]!;
}

/** A date field from structured metadata (JSON-LD, front matter, JSON): ISO, RFC 2822 or epoch numbers. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/\.\d{3}Z$/, "Z");
  if (typeof value !== "string") return null;
  return findDate(value.trim())?.iso ?? null;
}

const MONTH_DAY_RE = composeRegExp(`\\b(${MONTH_ALT})\\s+(\\d{1,2})\\b`, "i");

/** Month and day without a year, as wire datelines give them ("July 4"). */
export function findMonthDay(text: string): { month: number; day: number } | null {
  const m = MONTH_DAY_RE.exec(text.slice(0, 200));
  if (!m) return null;
  const month = monthOf(m[1]!);
  const day = Number(m[2]);
  return month && day >= 1 && day <= 31 ? { month, day } : null;
}
