// How dates, periods and claim attributes read on the page.

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "7 Jul 2025" for a date or date-time; the string itself when it is not one. */
export function day(iso) {
  if (!iso) return "";
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? DAY.format(ms) : iso;
}

/** A claim's time: its words and the period they resolve to. */
export function period(time) {
  if (!time) return "no time given";
  const span = time.start === time.end ? day(time.start) : `${day(time.start)} – ${day(time.end)}`;
  return time.text ? `“${time.text}” (${span})` : span;
}

/** The date a claim sorts by on a timeline: the time it is about, else its article's publication. */
export function claimDate(claim) {
  return claim.time?.start ?? claim.publishedAt?.slice(0, 10) ?? null;
}
