// The time a clause is about, resolved against the publication date: explicit dates and ranges, months,
// quarters, years, weekdays and relative expressions ("this month", "since March", "four months ago").
import type { ClaimTime } from "../../schemas/claim.ts";
import { composeRegExp } from "../../shared/compose-regexp.ts";

/** A calendar day as UTC midnight milliseconds. */
type Day = number;
const DAY_MS = 86_400_000;

/** "in|since" → "[Ii]n|[Ss]ince": a sentence may start with the preposition while the month stays capitalised. */
const caseless = (alternatives: string): string =>
  alternatives
    .split("|")
    .map((a) => `[${a[0]!.toUpperCase()}${a[0]}]${a.slice(1)}`)
    .join("|");

const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const MONTH = `(?:${MONTH_NAMES}|(?:${MONTH_ABBR})\\.?)`;
const WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
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
  few: 3,
  several: 3,
};
const ORDINAL_QUARTER: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

const day = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d);
const iso = (t: Day): string => new Date(t).toISOString().slice(0, 10);
const ymd = (t: Day) => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), w: d.getUTCDay() };
};
const monthEnd = (y: number, m: number): Day => day(y, m + 1, 0);
const addMonths = (t: Day, n: number): Day => {
  const { y, m, d } = ymd(t);
  return day(y, m + n, Math.min(d, ymd(monthEnd(y, m + n)).d));
};

function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(key) + 1;
}

// Modals only in lower case: "in May" is a month, not a possibility.
const FUTURE_MODAL = /\b(?:could|may|might)\b/;
const FUTURE =
  /\b(?:will|shall|'ll|is due|are due|due to|scheduled|expected|expects?|set to|going to|next|upcoming|plans? to|planned|to be held|to take place|would)\b/i;

/** Rank: lower is more specific. */
interface Found {
  rank: number;
  index: number;
  text: string;
  start: Day;
  end: Day;
}

/** A past-tense verb just before a time expression: "published on Wednesday", "appeared within six months". */
const PAST_VERB_BEFORE =
  /\b(?:[a-z]+ed|said|told|wrote|met|held|spoke|gave|made|took|found|began|came|went|sent|fell|rose|grew)\s+$/i;

/** A present-tense timetable verb shortly before a weekday: "takes place on Friday", "is due on Monday". */
// recheck: each attempt starts at a verb and reads at most 25 characters after it.
const SCHEDULED_BEFORE =
  /\b(?:takes\s+place|take\s+place|starts|begins|opens|resumes|convenes|kicks\s+off|(?:is|are)\s+(?:due|scheduled|set|expected|planned))\b[^.;]{0,25}$/i;

interface Rule {
  rank: number;
  re: RegExp;
  resolve: (m: RegExpExecArray, ref: Day | null, future: boolean) => [Day, Day] | null;
}

/** A month (and day) without a year: the occurrence nearest the reference in the direction the tense points. */
function placeInYear(
  month: number,
  dayOfMonth: number | null,
  ref: Day | null,
  future: boolean,
  year?: string,
): number | null {
  if (year) return Number(year);
  if (ref === null) return null;
  const { y } = ymd(ref);
  const candidate = day(y, month, dayOfMonth ?? 1);
  const candidateEnd = dayOfMonth ? candidate : monthEnd(y, month);
  if (future && candidateEnd < ref - 7 * DAY_MS) return y + 1;
  if (!future && candidate > ref + 60 * DAY_MS) return y - 1;
  return y;
}

function weekday(name: string, ref: Day, direction: "past" | "future" | "next" | "last"): Day {
  const target = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].indexOf(
    name.toLowerCase(),
  );
  const { w } = ymd(ref);
  if (direction === "future") return ref + ((target - w + 7) % 7) * DAY_MS;
  if (direction === "next") return ref + ((target - w + 7) % 7 || 7) * DAY_MS;
  if (direction === "last") return ref - ((w - target + 7) % 7 || 7) * DAY_MS;
  return ref - ((w - target + 7) % 7) * DAY_MS;
}

const RULES: Rule[] = [
  // 10–11 July 2025; 10-11 July
  {
    rank: 1,
    re: composeRegExp(`\\b(\\d{1,2})\\s*(?:[–—-]|to|and)\\s*(\\d{1,2})\\s+(${MONTH})(?:,?\\s+(\\d{4}))?`, "g"),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[3]!);
      const y = placeInYear(mo, Number(m[1]), ref, future, m[4]);
      return y === null ? null : [day(y, mo, Number(m[1])), day(y, mo, Number(m[2]))];
    },
  },
  // July 10-11, 2025; from July 8 to 10
  {
    rank: 1,
    re: composeRegExp(
      `\\b(${MONTH})\\s+(\\d{1,2})\\s*(?:[–—-]|to|and|until|through)\\s*(\\d{1,2})\\b(?!\\s*(?:%|per|,\\d))(?:,?\\s+(\\d{4}))?`,
      "g",
    ),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[1]!);
      const y = placeInYear(mo, Number(m[2]), ref, future, m[4]);
      return y === null ? null : [day(y, mo, Number(m[2])), day(y, mo, Number(m[3]))];
    },
  },
  // 7 July 2025; 7th of July
  {
    rank: 1,
    re: composeRegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}))?\\b`, "g"),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[2]!);
      const y = placeInYear(mo, Number(m[1]), ref, future, m[3]);
      return y === null ? null : [day(y, mo, Number(m[1])), day(y, mo, Number(m[1]))];
    },
  },
  // July 7, 2025; July 7
  {
    rank: 1,
    re: composeRegExp(
      `\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|,\\d|\\.\\d))(?:,?\\s+(\\d{4}))?`,
      "g",
    ),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[1]!);
      const y = placeInYear(mo, Number(m[2]), ref, future, m[3]);
      return y === null ? null : [day(y, mo, Number(m[2])), day(y, mo, Number(m[2]))];
    },
  },
  // the first week of June; the last week of March 2026 (a month's first seven days, its last seven)
  {
    rank: 1,
    re: composeRegExp(
      `\\b(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${MONTH})(?:,?\\s+((?:19|20)\\d{2}))?\\b`,
      "gi",
    ),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[2]!);
      const y = placeInYear(mo, null, ref, future, m[3]);
      if (y === null) return null;
      const nth = { first: 1, second: 2, third: 3, fourth: 4 }[m[1]!.toLowerCase()];
      const last = ymd(monthEnd(y, mo)).d;
      const from = nth ? 7 * (nth - 1) + 1 : last - 6;
      return [day(y, mo, from), day(y, mo, Math.min(from + 6, last))];
    },
  },
  // 2025-07-07; 07.07.2025
  {
    rank: 1,
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g,
    resolve: (m) => {
      const t = m[1] ? day(Number(m[1]), Number(m[2]), Number(m[3])) : day(Number(m[6]), Number(m[5]), Number(m[4]));
      return [t, t];
    },
  },
  // between 2018 and 2020; from 2018 to 2020; 2018-2020
  {
    rank: 2,
    re: /\b(?:between\s+|from\s+)?((?:19|20)\d{2})\s*(?:and|to|[–—-])\s*((?:19|20)\d{2})\b/g,
    resolve: (m) => [day(Number(m[1]), 1, 1), day(Number(m[2]), 12, 31)],
  },
  // February 2024
  {
    rank: 2,
    re: composeRegExp(`\\b(${MONTH})\\s+((?:19|20)\\d{2})\\b`, "g"),
    resolve: (m) => {
      const mo = monthNumber(m[1]!);
      const y = Number(m[2]);
      return [day(y, mo, 1), monthEnd(y, mo)];
    },
  },
  // the second quarter of 2027; Q3 2025; the third quarter
  {
    rank: 2,
    re: /\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+((?:19|20)\d{2}))?|Q([1-4])\s+((?:19|20)\d{2}))\b/gi,
    resolve: (m, ref, future) => {
      const q = m[1] ? ORDINAL_QUARTER[m[1].toLowerCase()]! : Number(m[3]);
      const yText = m[2] ?? m[4];
      let y = yText ? Number(yText) : ref !== null ? ymd(ref).y : null;
      if (y === null) return null;
      // "Revenue rose in the fourth quarter", written in March: the last fourth quarter that has begun.
      if (!yText && ref !== null && !future && day(y, q * 3 - 2, 1) > ref) y--;
      return [day(y, q * 3 - 2, 1), monthEnd(y, q * 3)];
    },
  },
  // the first half of 2026; the second half of the year; H1 2025
  {
    rank: 2,
    re: /\b(?:(first|second)\s+half\s+of\s+(?:((?:19|20)\d{2})|(this|next|last|the)\s+year)|H([12])\s+((?:19|20)\d{2}))\b/gi,
    resolve: (m, ref) => {
      const half = m[1] ? (m[1].toLowerCase() === "first" ? 1 : 2) : Number(m[4]);
      const yText = m[2] ?? m[5];
      const which = m[3]?.toLowerCase();
      let y = yText ? Number(yText) : ref !== null ? ymd(ref).y : null;
      if (y === null) return null;
      if (!yText) y += which === "next" ? 1 : which === "last" ? -1 : 0;
      return half === 1 ? [day(y, 1, 1), day(y, 6, 30)] : [day(y, 7, 1), day(y, 12, 31)];
    },
  },
  // yesterday, today, tomorrow, overnight, tonight, this morning
  {
    rank: 3,
    re: /\b(yesterday|today|tomorrow|overnight|tonight|this (?:morning|afternoon|evening))\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null;
      const w = m[1]!.toLowerCase();
      const t = w === "yesterday" ? ref - DAY_MS : w === "tomorrow" ? ref + DAY_MS : ref;
      return [t, t];
    },
  },
  // on Thursday, next Thursday, last Friday
  {
    rank: 3,
    re: composeRegExp(`\\b(?:(next|last|this|on|from|by|until|since)\\s+)?(${WEEKDAY})\\b`, "g"),
    resolve: (m, ref, future) => {
      if (ref === null) return null;
      const q = m[1]?.toLowerCase();
      const before = m.input.slice(Math.max(0, m.index - 25), m.index);
      // "asked for a report by Friday": a deadline lies ahead unless the sentence looks back ("had … by Friday").
      // (Not "the homes affected by Saturday's break": a possessive names an event.)
      const possessive = /^['’]s\b/.test(m.input.slice(m.index + m[0].length));
      const deadline =
        (q === "by" || q === "until") && !possessive && !PAST_VERB_BEFORE.test(before) && !/\bhad\b/i.test(m.input);
      // "The draw takes place on Friday": a timetable in the present tense looks ahead.
      const scheduled = !future && SCHEDULED_BEFORE.test(m.input.slice(Math.max(0, m.index - 40), m.index));
      // "a plan unveiled on Monday", "said on Monday it will …": the past verb the weekday belongs to decides,
      // unless it is a participle after "be" or "stay" ("will be unveiled on Monday", "will stay closed on Monday").
      const ownPast =
        PAST_VERB_BEFORE.test(before) &&
        !/\b(?:be|been|being|stay|stays|remain|remains|keep|keeps|get|gets)\s+\S+\s+$/i.test(before);
      const dir =
        q === "next"
          ? "next"
          : q === "last"
            ? "last"
            : !ownPast && (future || deadline || scheduled)
              ? "future"
              : "past";
      const t = weekday(m[2]!, ref, dir);
      return [t, t];
    },
  },
  // N days/weeks/months/years ago; more than two years ago (between two and three years back)
  {
    rank: 3,
    re: /\b(?:(more\s+than|over)\s+)?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null;
      const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!.toLowerCase()]!;
      const unit = m[3]!.toLowerCase();
      const back = (k: number): Day =>
        unit === "day"
          ? ref - k * DAY_MS
          : unit === "week"
            ? ref - 7 * k * DAY_MS
            : addMonths(ref, unit === "month" ? -k : -12 * k);
      const t = back(n);
      return m[1] ? [back(n + 1), t] : [t, t];
    },
  },
  // in (just) a few days; within two weeks
  {
    rank: 3,
    re: /\b(?:in|within)\s+(?:just\s+|the\s+next\s+)?(?:a\s+(?=few\b))?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(?:more\s+)?(day|week|month)s?\b/gi,
    resolve: (m, ref, future) => {
      if (ref === null) return null;
      // "the benefit appeared within six months": a span after some past event, not after publication.
      if (!future && PAST_VERB_BEFORE.test(m.input.slice(Math.max(0, m.index - 25), m.index))) return null;
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
      const unit = m[2]!.toLowerCase();
      const end = unit === "day" ? ref + n * DAY_MS : unit === "week" ? ref + 7 * n * DAY_MS : addMonths(ref, n);
      return [ref + DAY_MS, end];
    },
  },
  // since March; in June; by September (month without year)
  {
    rank: 4,
    // recheck: each attempt starts at a word and reads one word, spaces and a month name; linear in V8.
    re: composeRegExp(
      `\\b(${caseless("since|in|into|by|until|from|during|last|next|this|early|late|mid-?|before|after|of|through")})\\s+(${MONTH_NAMES})\\b(?!\\s+\\d)`,
      "g",
    ),
    resolve: (m, ref, future) => {
      const mo = monthNumber(m[2]!);
      const q = m[1]!.toLowerCase();
      const y = placeInYear(mo, null, ref, q === "next" || (future && q !== "last" && q !== "since"), undefined);
      if (y === null) return null;
      if (q === "since" && ref !== null) return [day(y, mo, 1), ref];
      return [day(y, mo, 1), monthEnd(y, mo)];
    },
  },
  // last summer, this winter, the summer of 2024, spring 2023 (northern seasons: spring from March, winter from
  // December)
  {
    rank: 4,
    re: /\b(?:(last|this|next|early|late)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/gi,
    resolve: (m, ref, future) => {
      const season = m[2]!.toLowerCase();
      const q = m[1]?.toLowerCase();
      if (!q && !m[3]) return null;
      const start = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 }[season]!;
      let y = m[3] ? Number(m[3]) : ref !== null ? ymd(ref).y : null;
      if (y === null) return null;
      if (!m[3] && ref !== null) {
        const begun = day(y, start, 1) <= ref;
        if (q === "last") y -= begun && day(y, start, 1) + 92 * DAY_MS <= ref ? 0 : 1;
        else if (q === "next" || (future && q !== "this")) y += begun ? 1 : 0;
      }
      const end = start === 12 ? monthEnd(y + 1, 2) : monthEnd(y, start + 2);
      return [day(y, start, 1), end];
    },
  },
  // over the next five years; in the past two decades
  {
    rank: 4,
    re: /\b(?:over|in|during|for|within)\s+the\s+(next|past|last|coming)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(month|year|decade)s\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null;
      const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!.toLowerCase()]!;
      const months = n * { month: 1, year: 12, decade: 120 }[m[3]!.toLowerCase() as "month" | "year" | "decade"];
      const ahead = /^(?:next|coming)$/i.test(m[1]!);
      return ahead ? [ref, addMonths(ref, months)] : [addMonths(ref, -months), ref];
    },
  },
  // in 2025; since 1997; early 2023; dated 2019; fiscal 2026
  {
    rank: 4,
    re: /\b(in|into|since|by|until|from|during|for|of|before|after|early|late|mid-?|dated|throughout|fiscal|FY)\s+((?:19|20)\d{2})\b(?!\s*(?:%|[–—-]\d))/gi,
    resolve: (m, ref) => {
      const y = Number(m[2]);
      if (m[1]!.toLowerCase() === "since" && ref !== null) return [day(y, 1, 1), ref];
      return [day(y, 1, 1), day(y, 12, 31)];
    },
  },
  // a year naming what a thing belongs to: "the 2027 budget cycle", "a 2023 engineering report", "2025 revenue"
  // (not a count: "2000 workers" — without a determiner the noun after the year must be singular)
  {
    rank: 4,
    re: /\b(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat|whose)\s+((?:19|20)\d{2})\s+(?!(?:and|or|to|per|percent|than|times|of|in|on|at|by|for|from|with|as|is|was|were|are|will|had|has|have)\b)(?=[a-z]{3,})|(?<![\d$€£¥,.:/]\s?)((?:19|20)\d{2})\s+(?!(?:and|or|to|per|percent|than|times|of|in|on|at|by|for|from|with|as|is|was|were|are|will|had|has|have)\b)(?=[a-z]{2,}[a-rt-z]\b))/g,
    resolve: (m) => {
      const y = Number(m[1] ?? m[2]);
      return [day(y, 1, 1), day(y, 12, 31)];
    },
  },
  // this/next/last week, month, year; earlier/later this month
  {
    rank: 5,
    re: /\b(earlier|later|this|next|last|past)\s+(this\s+)?(week|month|year)\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null;
      const q = m[1]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      const { y, m: mo, w } = ymd(ref);
      const shift = q === "next" ? 1 : q === "last" || q === "past" ? -1 : 0;
      if (unit === "week") {
        const monday = ref - ((w + 6) % 7) * DAY_MS + shift * 7 * DAY_MS;
        if (q === "earlier") return [monday, ref];
        if (q === "later") return [ref, monday + 6 * DAY_MS];
        return [monday, monday + 6 * DAY_MS];
      }
      if (unit === "month") {
        const first = day(y, mo + shift, 1);
        const { y: fy, m: fm } = ymd(first);
        if (q === "earlier") return [first, ref];
        if (q === "later") return [ref, monthEnd(fy, fm)];
        return [first, monthEnd(fy, fm)];
      }
      if (q === "earlier") return [day(y, 1, 1), ref];
      if (q === "later") return [ref, day(y, 12, 31)];
      return [day(y + shift, 1, 1), day(y + shift, 12, 31)];
    },
  },
];

// "at 2 p.m.", "by 1215 GMT", "at about 5:40 a.m.": a clock time alone is a time of the day the article reports.
// recheck: each attempt starts at a preposition and reads a bounded number, then a fixed suffix.
const CLOCK =
  /\b(?:at|by|before|after|until|from)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:?\d{2}\s+(?:GMT|UTC|CET|ET|EST|EDT|BST)\b)/i;

/** The publication day, when the text names a time of day and nothing else (a fallback after a borrowed time). */
export function clockTime(text: string, ref: Day | null): ClaimTime | null {
  if (ref === null) return null;
  const m = CLOCK.exec(text);
  return m ? { text: m[0].trim(), start: iso(ref), end: iso(ref) } : null;
}

const TRIGGER = composeRegExp(
  `\\d|\\b(?:${MONTH_NAMES}|${MONTH_ABBR}|${WEEKDAY}|yesterday|today|tomorrow|overnight|tonight|morning|afternoon|evening|ago|week|month|year|quarter|days|years|months|decades|spring|summer|autumn|fall|winter)\\b`,
  "i",
);

/** A cheap test that the text can hold a time expression at all: most clauses hold none. */
export function mentionsTime(text: string): boolean {
  return TRIGGER.test(text);
}

/** The publication date as a calendar day, in the article's own zone when it gives one. */
export function referenceDay(publishedAt: string | null): Day | null {
  const m = publishedAt?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The most specific time expression in the text; ties go to the first. */
export function resolveTime(text: string, ref: Day | null): ClaimTime | null {
  const future = FUTURE.test(text) || FUTURE_MODAL.test(text);
  let best: Found | null = null;
  for (const rule of RULES) {
    if (best && best.rank <= rule.rank) break;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const r = rule.resolve(m, ref, future);
      if (!r || Number.isNaN(r[0]) || Number.isNaN(r[1]) || r[1] < r[0]) continue;
      if (!best || rule.rank < best.rank || (rule.rank === best.rank && m.index < best.index)) {
        best = { rank: rule.rank, index: m.index, text: m[0].trim(), start: r[0], end: r[1] };
      }
    }
  }
  return best ? { text: best.text, start: iso(best.start), end: iso(best.end) } : null;
}
