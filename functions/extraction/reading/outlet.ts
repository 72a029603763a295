// Where the outlet's name hides in a page's text: the copyright line, a masthead above the title, or a
// "| Site Name" suffix on the page title.

// recheck: copyrightHolder runs it on the first 200 characters of a line only.
const COPYRIGHT =
  /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?([^.·|,;\n]{2,80}?)(?:\s*(?:[.·|,;]|all rights|$))/i;
const COPYRIGHT_YEAR = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(\d{4})/i;
const COMPANY_SUFFIX = /(?<!\s)\s+(?:ltd|limited|llc|inc|plc|gmbh|srl|s\.r\.l|sa|s\.a|ag|bv|corp|corporation|co)\.?$/i;
const OUTLET_WORD =
  /\b(?:news|agency|post|times|daily|herald|tribune|journal|courier|gazette|media|radio|tv|press|telegraph|guardian|observer|chronicle|standard|star|mail|express|independent|review|weekly|monitor|wire|network|channel|pravda|today|insider|report|dispatch|bulletin|record|sun|mirror|magazine|online)\b/i;

/** "© 2025 Obrii News Agency. Any use…" → "Obrii News Agency". */
export function copyrightHolder(line: string): string | null {
  const m = COPYRIGHT.exec(line.trim().slice(0, 200));
  if (!m) return null;
  const holder = m[1]!.trim().replace(COMPANY_SUFFIX, "").trim();
  return /^\p{Lu}/u.test(holder) && !/^all rights/i.test(holder) ? holder : null;
}

export function copyrightYear(line: string): number | null {
  const m = COPYRIGHT_YEAR.exec(line.trim());
  return m ? Number(m[1]) : null;
}

/** A masthead line reads like a publication's name ("Obrii News Agency", "The Continental Post"). */
export function looksLikeOutlet(line: string): boolean {
  return line.length <= 60 && OUTLET_WORD.test(line) && /^\p{Lu}/u.test(line);
}

/** Drops a " | Site Name" / " - Site Name" suffix from a page title. */
export function stripSiteSuffix(title: string, siteNames: readonly (string | null)[]): string {
  const parts = title.split(/(?<!\s)\s+(?:\||–|—|-|::|·|»)\s+/);
  if (parts.length < 2) return title.trim();
  const last = parts[parts.length - 1]!.trim().toLowerCase();
  const known = siteNames.some((s) => s && s.trim().toLowerCase() === last);
  const rest = parts.slice(0, -1).join(" | ");
  if (known || (parts[parts.length - 1]!.split(/\s+/).length <= 4 && rest.length > last.length * 2)) {
    const withoutSuffix = title
      .slice(0, title.length - parts[parts.length - 1]!.length)
      .replace(/(?<!\s)\s+(?:\||–|—|-|::|·|»)\s+$/, "");
    return withoutSuffix.trim();
  }
  return title.trim();
}
