// The one place word lists turn into what rules look words up in: sets, and the sources of patterns of
// alternatives. A pattern is built from its source once, at module level where it is used, by composeRegExp (so the regex scan sees it).

/** Whitespace-separated words as a list, in their order. */
export const wordList = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Whitespace-separated words as a set. */
export const words = (s: string): ReadonlySet<string> => new Set(wordList(s));

/** `|`-separated names (which may hold spaces: "New York") as a lower-case set. */
export const names = (s: string): ReadonlySet<string> => new Set(s.split("|").map((x) => x.trim().toLowerCase()));

const literal = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An alternation of the words, each taken literally, for a larger pattern. */
export const alternatives = (list: Iterable<string>): string => [...list].map(literal).join("|");

/** The source of a pattern that matches exactly one of the words or phrases. */
export const exactly = (list: Iterable<string>): string => `^(?:${alternatives(list)})$`;

/** The source of a pattern that finds one of the words as a whole word anywhere in a text. */
export const anyWordOf = (list: Iterable<string>): string => `\\b(?:${alternatives(list)})\\b`;

/** The source of a pattern that matches exactly one word of one of the lists, each list its own capture group. */
export const exactlyOneGroupOf = (lists: Iterable<Iterable<string>>): string =>
  `^(?:${[...lists].map((list) => `(${alternatives(list)})`).join("|")})$`;
