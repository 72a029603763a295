// The one place word lists turn into what rules look words up in: sets, and patterns of alternatives.
import { composeRegExp } from "../../../shared/compose-regexp.ts";

/** Whitespace-separated words as a list, in their order. */
export const wordList = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Whitespace-separated words as a set. */
export const words = (s: string): ReadonlySet<string> => new Set(wordList(s));

/** `|`-separated names (which may hold spaces: "New York") as a lower-case set. */
export const names = (s: string): ReadonlySet<string> => new Set(s.split("|").map((x) => x.trim().toLowerCase()));

const literal = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An alternation of the words, each taken literally, for a larger pattern. */
export const alternatives = (list: Iterable<string>): string => [...list].map(literal).join("|");

/** A pattern that matches exactly one of the words or phrases (case-insensitive with flags "i"). */
export const exactly = (list: Iterable<string>, flags = ""): RegExp =>
  composeRegExp(`^(?:${alternatives(list)})$`, flags, 1);

/** A pattern that finds one of the words as a whole word anywhere in a text. */
export const anyWordOf = (list: Iterable<string>, flags = ""): RegExp =>
  composeRegExp(`\\b(?:${alternatives(list)})\\b`, flags, 1);
