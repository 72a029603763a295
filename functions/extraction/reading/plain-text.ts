// Plain text into units. Lines are kept as they are; a blank line ends a paragraph. Scraped pages put one
// paragraph (or one caption, byline or bullet) per line, while e-mailed wire copy is hard-wrapped at ~70
// columns: the document's line lengths tell which, so wrapped lines are joined and scraped ones are not.
import { wordCount } from "./boilerplate.ts";
import type { Unit } from "./units.ts";

const BULLET = /^(?:[•◦▪▫●○■□►▸‣⁃∙*–—-]|\d{1,3}[.)])\s+(?=\S)/;

/**
 * Hard-wrapped text: most lines that another line follows are of moderate length and stop mid-sentence.
 * Scraped text also has runs of lines, but those end in sentence punctuation or are short header lines.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  let followed = 0;
  let wrappedLooking = 0;
  let long = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 100) long++;
    if (line.length === 0 || (lines[i + 1] ?? "").length === 0) continue;
    followed++;
    if (line.length >= 40 && line.length <= 100 && !/[.!?:…"”’)\]]$/.test(line)) wrappedLooking++;
  }
  return followed >= 3 && wrappedLooking >= followed * 0.6 && long <= lines.length * 0.05;
}

function startsLowercase(line: string): boolean {
  return /^[\p{Ll}(,;]/u.test(line);
}

/** A line on its own that reads as a sub-heading: short, capitalised, no sentence punctuation. */
function headingLike(line: string): boolean {
  return (
    line.length <= 80 &&
    wordCount(line) <= 12 &&
    /^\p{Lu}/u.test(line) &&
    !/[.!?,;:…"”’)\]]$/.test(line) &&
    !BULLET.test(line)
  );
}

export function plainTextUnits(text: string): Unit[] {
  const lines = text.split("\n").map((l) => l.trim());
  const wrapped = isHardWrapped(lines);
  // Paragraph groups: runs of non-blank lines.
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.length === 0) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);

  const units: Unit[] = [];
  groups.forEach((group, g) => {
    let open: Unit | null = null;
    for (const line of group) {
      const bullet = BULLET.exec(line);
      if (bullet) {
        units.push({ kind: "list-item", text: line, markerLength: bullet[0].length });
        open = null;
        continue;
      }
      if (open && (wrapped || startsLowercase(line))) {
        open.text += `\n${line}`;
        continue;
      }
      open = { kind: "paragraph", text: line };
      units.push(open);
    }
    const only = group.length === 1 ? units[units.length - 1] : undefined;
    if (only && only.kind === "paragraph" && g < groups.length - 1 && g > 0 && headingLike(only.text)) {
      only.kind = "heading";
    }
  });
  return units;
}
