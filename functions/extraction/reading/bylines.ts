// Bylines: "By Anna Lindqvist", "By ZEKE MILLER and JOSH BOAK, Associated Press", "By Giulia Marchetti in Rome",
// and scraped layouts where the names run straight into the date ("Oleh Pavliuk, Alona MazurenkoMonday, 7 July 2025").
import { type FoundDate, findDate } from "./dates.ts";

export interface Byline {
  authors: string[];
  date?: FoundDate;
  /** A wire service or outlet named in the byline ("Associated Press"). */
  credit?: string;
}

const CUE = /^(?:by|written by|words by|story by|text by|authors?\s*:|reporters?\s*:|byline\s*:)\s*/i;
// Where names end and a date begins: a lowercase letter glued to a weekday, month or digit, or a separator.
const GLUED_DATE =
  /(\p{Ll})(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Febr)uary|March|April|May|June|July|August|September|October|November|December|\d)/u;
// recheck: only run by parseByline, on one line of at most 250 characters.
const SEPARATED_DATE =
  /\s*(?:[|·•—–]|\s-\s|,\s*(?=(?:updated|published|posted)\b))\s*(?=.{0,40}(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|updated|published|posted))/i;
// recheck: only run by parseByline, on one line of at most 250 characters.
const TRAILING_STAMP = /\s+(?:updated|published|posted)\b.*$/i;
// recheck: only run by parseByline, on one line of at most 250 characters.
const TRAILING_WIRE = /(?<!\s)\s+((?:the\s+)?associated press|reuters|afp|bloomberg)\s*$/i;

const WIRES = new Map<string, string>([
  ["ap", "AP"],
  ["associated press", "Associated Press"],
  ["the associated press", "Associated Press"],
  ["reuters", "Reuters"],
  ["afp", "AFP"],
  ["agence france-presse", "AFP"],
  ["bloomberg", "Bloomberg"],
  ["dpa", "dpa"],
  ["efe", "EFE"],
  ["ansa", "ANSA"],
  ["pa", "PA"],
  ["press association", "PA"],
  ["ukrinform", "Ukrinform"],
  ["interfax", "Interfax"],
  ["xinhua", "Xinhua"],
  ["cnn", "CNN"],
  ["bbc news", "BBC News"],
]);

const PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "den",
  "da",
  "di",
  "del",
  "della",
  "dos",
  "das",
  "la",
  "le",
  "du",
  "bin",
  "al",
  "ibn",
  "ter",
  "y",
  "e",
]);

/** Words that make a capitalised phrase an outlet, desk or role rather than a person. */
const NOT_NAME =
  /\b(?:news|agency|post|times|staff|writer|editor|correspondent|reporter|desk|team|service|press|politics|europe|world|business|sections?|opinion|analysis|updated|published|online|daily|herald|tribune|journal|courier|gazette|media|radio|tv|television|magazine|weekly|review|network|group|wire|wires|agencies|contributors?|photographer|columnist|chief|senior|political|economics|affairs|international|national|sport|sports|the)\b/i;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;

function titleCase(token: string): string {
  if (token !== token.toUpperCase() || !/\p{Lu}{2}/u.test(token)) return token;
  return token.toLowerCase().replace(/(^|[-'’.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "Anna Lindqvist", "J. K. Rowling", "Ursula von der Leyen", "ZEKE MILLER" (→ "Zeke Miller"); null otherwise. */
const ROLE_BEFORE_NAME =
  /^(?:[\p{L}-]+\s+){0,3}?(?:reporter|correspondent|editor|writer|columnist|journalist|producer|analyst)\s+(?=\p{Lu})/iu;

export function personName(segment: string): string | null {
  const s = segment
    // "Political reporter Sam Hughes", "Senior Business Correspondent Ana Lima": the role before the name.
    .replace(ROLE_BEFORE_NAME, "")
    .replace(/(?<!\s)\s+in\s+\p{Lu}[\p{L} .'’-]{0,40}$/u, "")
    .replace(/\([^()]{0,60}\)/g, "")
    .trim();
  if (s.length < 4 || s.length > 60 || /\d/.test(s) || NOT_NAME.test(s)) return null;
  const tokens = s.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return null;
  let capitalised = 0;
  for (const token of tokens) {
    if (PARTICLES.has(token.toLowerCase()) && token === token.toLowerCase()) continue;
    if (!NAME_TOKEN.test(token)) return null;
    capitalised++;
  }
  if (capitalised < 2) return null;
  return tokens.map(titleCase).join(" ");
}

// recheck: run on at most MAX_AUTHOR_FIELD characters (parseByline reads at most 250).
const NAME_SEPARATOR = /\s*[,;|·•]\s*|\s+and\s+|\s*&\s*/i;

function splitNames(names: string): string[] {
  return names
    .split(NAME_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Reads one line as a byline. With `cueRequired`, it must start "By …"; without, every comma-separated part
 * must be a person's name (so "Northern Courier" or a sentence never passes).
 */
export function parseByline(line: string, cueRequired: boolean): Byline | null {
  const t = line.trim();
  if (t.length < 4 || t.length > 250 || t.includes("\n")) return null;
  const cue = CUE.exec(t);
  if (cueRequired && !cue) return null;
  let names = cue ? t.slice(cue[0].length) : t;
  let rest = "";
  const glued = GLUED_DATE.exec(names);
  const separated = SEPARATED_DATE.exec(names);
  const cut = [glued ? glued.index + 1 : -1, separated ? separated.index : -1].filter((i) => i > 0);
  if (cut.length > 0) {
    const at = Math.min(...cut);
    rest = names.slice(at);
    names = names.slice(0, at);
  }
  names = names.replace(TRAILING_STAMP, "").replace(/(?<![.,;:\s])[.,;:\s]+$/, "");
  const authors: string[] = [];
  let credit: string | undefined;
  // "By JOHN DOE Associated Press": a wire named after the names without a comma.
  const wireTail = TRAILING_WIRE.exec(names);
  if (wireTail) {
    credit = WIRES.get(wireTail[1]!.toLowerCase().replace(/^the\s+/, ""));
    names = names.slice(0, wireTail.index);
  }
  for (const segment of splitNames(names)) {
    const wire = WIRES.get(segment.toLowerCase());
    if (wire) {
      credit ??= wire;
      continue;
    }
    const name = personName(segment);
    if (name) authors.push(name);
    else if (!cue) return null;
  }
  if (authors.length === 0 && !credit) return null;
  const byline: Byline = { authors };
  if (credit) byline.credit = credit;
  const date = rest ? findDate(rest) : null;
  if (date) byline.date = date;
  if (!cue && !date && authors.length === 0) return null;
  // Without "By", what follows the names must be a date line, not a sentence: "NEW YORK (Reuters) - Shares of
  // Acme fell 12% …" is a dateline and a lede.
  if (!cue && rest && (!date || rest.trim().split(/\s+/).length > 10)) return null;
  return byline;
}

/** Longer than any list of authors; bounds the work of splitting a hostile field. */
const MAX_AUTHOR_FIELD = 2000;

/** Author lists from structured fields: "A, B and C", ["A", {name: "B"}]. */
export function authorList(value: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string") {
      if (v.length > MAX_AUTHOR_FIELD) return;
      const cue = CUE.exec(v.trim());
      const text = cue ? v.trim().slice(cue[0].length) : v;
      for (const part of splitNames(text)) {
        if (/^https?:\/\//i.test(part) || WIRES.has(part.toLowerCase())) continue;
        out.push(personName(part) ?? part);
      }
    } else if (Array.isArray(v)) {
      for (const item of v) add(item);
    } else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      add(o.name ?? o.fullName ?? o.displayName ?? o.byline);
    }
  };
  add(value);
  return [...new Set(out.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 100))];
}
