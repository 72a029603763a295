// How spellings of one speaker's name meet: the speaker key folds case, diacritics, punctuation and the common
// transliterations of a final -y/-i ("Zelenskyy", "Zelenskiy", "Zelensky" → "zelensky"), so every such spelling is
// one speaker at write time — one partition, one set of counts, kept exact by speaker-counts.ts. A surname alone
// ("Macron") cannot be folded onto a full name at write time without knowing every other speaker, so it stays its
// own key and is resolved when read (dynamo/speaker-resolution.ts), through the surname every key also yields.
// Pure functions, nothing from AWS; see docs/store.md.
import { createHash } from "node:crypto";

/** Letters NFKD does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ħ: "h",
  ŀ: "l",
};

/** Words after a surname that are not the surname ("Martin Luther King Jr."). */
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/**
 * The words of a name as a key reads them: lower case, diacritics, apostrophes and the dots of initials dropped,
 * any other punctuation a word break, and a final -yy/-iy/-ij/-yi/-ii/-i of a word of four letters or more written -y.
 */
export function nameWords(name: string): string[] {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[łøđðþßæœıħŀ]/g, (c) => LETTERS[c] ?? c)
      .replace(/['\u2018\u2019\u02bc`]/g, "")
      // Initials: "J.D." reads as "jd", like "JD".
      .replace(/(?<!\p{L})(\p{L})\.(?=\p{L}\.)/gu, "$1")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => (w.length >= 4 ? w.replace(/(?:yy|iy|ij|yi|ii|i)$/u, "y") : w))
  );
}

/**
 * The speaker's key: its name words joined by single spaces. Very long names (extraction accidents) are cut and
 * suffixed with a hash so keys stay within DynamoDB's limits. A name of no letters or digits keys as itself.
 */
export function speakerKey(name: string): string {
  const key = nameWords(name).join(" ") || name.trim().toLowerCase();
  if (key.length <= 200) return key;
  return `${key.slice(0, 160)}~${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

/** The surname a key yields: its last word that is not a suffix (the whole key for a single word). */
export function surnameOf(key: string): string {
  const words = key.split(" ");
  for (let i = words.length - 1; i > 0; i--) if (!SUFFIXES.has(words[i]!)) return words[i]!;
  return words[0]!;
}

/** True for a key of one word: a surname (or a single name) alone. */
export const isSingleWord = (key: string): boolean => !key.includes(" ");

/**
 * The keys a requested name means, given the keys of every known speaker sharing its surname: the name's own key,
 * and — when exactly one speaker of several words has that surname — both that full name and the surname alone.
 * Empty when nobody is quoted under it.
 */
export function keysMeant(requested: string, sameSurname: readonly string[]): string[] {
  const full = sameSurname.filter((k) => !isSingleWord(k));
  const alone = surnameOf(requested);
  const unambiguous = full.length === 1 ? full[0]! : null;
  const keys = new Set<string>();
  if (sameSurname.includes(requested)) keys.add(requested);
  if (unambiguous && (requested === unambiguous || requested === alone)) {
    keys.add(unambiguous);
    if (sameSurname.includes(alone)) keys.add(alone);
  }
  return [...keys].sort();
}
