// Entity name keys: the forms under which two mentions of one person, place or organisation meet.
// "Volodymyr Zelenskyy", "Zelenskiy" and "Zelensky" share the key "zelenski"; a surname alone meets the full
// name it follows because every multi-word name also yields its last word.
import { fold } from "./words.ts";

const NOT_NAMES = new Set(
  `minister president prime chancellor secretary governor mayor chief director spokesman spokeswoman
  spokesperson chairman chairwoman ceo general minister's transportation foreign defence defense finance
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozens
  eur usd gbp chf sek nok dkk nyse nasdaq gmt utc bst cet est edt
  the a an this that these those it its he she they we i you his her their our mr mrs ms dr sir madam monday
  tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december but and or if when while after before on in at by for of to from with as so yet`
    .split(/\s+/)
    .filter(Boolean),
);

/** Folds spelling variants of one transliterated name onto one form. */
export function nameKey(word: string): string {
  return (
    fold(word)
      .replace(/[^\p{L}\p{N}]/gu, "")
      // A name in the plural meets its singular ("Patriots" / "Patriot"); "Ross" and "Claus" keep their s.
      .replace(/(?<=\p{L}{3}[^su])s$/u, "")
      .replace(/(?:iy|yy|iy|ii|yi|y)$/u, "i")
      .replace(/y/g, "i")
      .replace(/kh/g, "h")
      .replace(/ck/g, "k")
      .replace(/ph/g, "f")
      .replace(/w/g, "v")
      .replace(/j/g, "i")
      .replace(/(.)\1+/g, "$1")
  );
}

/** Keys of one name: the whole name and, for a name of several words, its last word (the surname). */
export function keysOfName(name: string): string[] {
  const words = name
    .split(/[\s-]+/)
    .map((w) => w.replace(/'s$/i, ""))
    .filter((w) => w.length > 1 && !NOT_NAMES.has(fold(w)));
  if (words.length === 0) return [];
  const keys = new Set<string>([words.map(nameKey).join(" ")]);
  const last = words[words.length - 1]!;
  if (words.length > 1 && last.length > 2 && /^\p{Lu}/u.test(last)) keys.add(nameKey(last));
  return [...keys].filter((k) => k.length > 1);
}

/** Capitalised words inside a text (its first word excluded, being capitalised by position): likely names. */
export function capitalisedNames(text: string): string[] {
  const out: string[] = [];
  const re = /(\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|von\s+)?\p{Lu}[\p{L}'’.-]*)*)/gu;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const before = text.slice(0, start).trimEnd();
    const sentenceStart = before === "" || /[.!?:"“]$/.test(before);
    let name = m[0];
    if (sentenceStart) {
      const rest = name.split(/\s+/).slice(1).join(" ");
      if (!rest) continue;
      name = rest;
    }
    if (!NOT_NAMES.has(fold(name))) out.push(name);
  }
  return out;
}
