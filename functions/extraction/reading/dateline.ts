// Wire-story datelines: "WASHINGTON (AP) —", "LONDON, July 4 (Reuters) -", "KYIV, Ukraine (AFP) –",
// "BEIJING —". The place and credit are not part of the first claim, so content starts after the dash.
import { findMonthDay } from "./dates.ts";

export interface Dateline {
  /** Offset of the first character after the dash. */
  contentOffset: number;
  /** The wire or outlet named in parentheses ("AP", "Reuters"), when there is one. */
  credit?: string;
  place: string;
  /** Month and day when the dateline gives them (no year: wires leave it out). */
  monthDay?: { month: number; day: number };
  /** The year, in press-release datelines ("Jan. 15, 2025 /PRNewswire/ --"). */
  year?: number;
}

// Place in capitals (slashes for joint datelines), optional ", Region", optional ", Month Day",
// optional "(Credit)" or press-release "/PRNewswire/", then a dash. Every run is bounded, so a long line cannot make it backtrack far.
// recheck: matchDateline runs it on the first 200 characters only.
const DATELINE_RE =
  /^([A-Z][A-Z.'’/\- ]{1,40}?)(?:,\s+[A-Z][A-Za-z.'’\- ]{1,30}?)?(?:,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,\s+(\d{4}))?)?\s*(?:\(([^()\n]{1,40})\)|\/([^/\n]{1,40})\/)?\s*(?:—|―|–|--|-)\s+(?=[\p{Lu}\p{N}"“‘'«])/u;

export function matchDateline(text: string): Dateline | null {
  const m = DATELINE_RE.exec(text.slice(0, 200));
  if (!m) return null;
  const place = m[1]!.trim();
  // At least two capital letters in a row: "LONDON", "U.N.", not "A" or a sentence-initial word.
  if (!/[A-Z]{2}/.test(place.replace(/[.'’]/g, ""))) return null;
  const credit = (m[4] ?? m[5])?.trim();
  // Without a credit or a date, demand a real place name, not an acronym opening a sentence ("NATO — …").
  if (!credit && !m[2] && place.replace(/[^A-Z]/g, "").length < 4) return null;
  const dateline: Dateline = { contentOffset: m[0].length, place };
  if (credit) dateline.credit = credit;
  const monthDay = m[2] ? findMonthDay(m[2]) : null;
  if (monthDay) dateline.monthDay = monthDay;
  if (monthDay && m[3]) dateline.year = Number(m[3]);
  return dateline;
}
