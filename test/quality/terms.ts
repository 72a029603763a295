// How a gold term is looked for in a claim's text: case, accents, quote and dash styles are ignored, and a term
// matches only where it starts a word ("announce" finds "announced", "ran" does not find "Iran").

/** The form texts and terms are compared in. */
export function norm(value: unknown): string {
  return String(value ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `alt` occurs in `text` at the start of a word. */
export function startsWord(text: string, alt: string): boolean {
  for (let i = text.indexOf(alt); i >= 0; i = text.indexOf(alt, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1] ?? "")) return true;
  }
  return false;
}

/** Whether a normalised text holds a gold term; `a|b` accepts either alternative. */
export function hasTerm(normText: string, term: string): boolean {
  return term.split("|").some((alt) => startsWord(normText, norm(alt)));
}
