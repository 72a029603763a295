// Proper names in the article: capitalised runs, their entity types, and short names ("Zelenskyy") resolved to
// the full names used earlier ("Volodymyr Zelenskyy").

import type { Entity, EntityType } from "../../schemas/claim.ts";
import { composeRegExp } from "../../shared/compose-regexp.ts";
import { anyWordOf } from "./lexicon/build.ts";
import { FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES, NAME_PARTICLES, NOT_NAMES } from "./lexicon/names.ts";
import { DEMONYMS, PLACES } from "./lexicon/places.ts";
import { FEMALE_TITLES, MALE_TITLES, ORG_WORDS, PERSON_NOUNS, PERSON_TITLES, TITLES } from "./lexicon/speaker-nouns.ts";
import type { NameRun, Sentence } from "./model.ts";
import { isVerbForm } from "./pos.ts";
import type { Token } from "./tokens.ts";

const FEMALE_TITLE = composeRegExp(anyWordOf(FEMALE_TITLES));
const MALE_TITLE = composeRegExp(anyWordOf(MALE_TITLES));

function genderFromTitle(words: string): "female" | "male" | null {
  if (FEMALE_TITLE.test(words)) return "female";
  if (MALE_TITLE.test(words)) return "male";
  return null;
}

function genderFromGivenName(first: string): "female" | "male" | null {
  const f = first.toLowerCase();
  if (FEMALE_NAMES.has(f)) return "female";
  if (MALE_NAMES.has(f)) return "male";
  return null;
}

const isCap = (t: Token | undefined): boolean => !!t && /^[\p{Lu}]/u.test(t.text) && /\p{L}/u.test(t.text);

/** Runs of capitalised words ("Keir Starmer", "Office of the President", "Ukraine Recovery Conference"). */
export function capitalisedRuns(tokens: Token[], from = 0, end = tokens.length): NameRun[] {
  const runs: NameRun[] = [];
  const to = Math.min(end, tokens.length);
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    if (!isCap(t) || (NOT_NAMES.has(t.lower) && !isCap(tokens[i + 1]))) {
      i++;
      continue;
    }
    if (NOT_NAMES.has(t.lower)) {
      i++;
      continue;
    }
    // "Shares of Acme Corp fell": a sentence's first word that is a common verb or noun form starts no name unless
    // another capital follows it ("Mark Carney").
    const sentenceStart = i === 0 || /^[.!?"“”]$/.test(tokens[i - 1]!.text);
    if (sentenceStart && isVerbForm(t.lower) && !isCap(tokens[i + 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const u = tokens[j]!;
      if (isCap(u) && !NOT_NAMES.has(u.lower)) j++;
      else if (u.text === "-" && isCap(tokens[j + 1])) j += 2;
      else if (
        NAME_PARTICLES.has(u.lower) &&
        u.lower !== "and" &&
        j + 1 < to &&
        isCap(tokens[j + 1]) &&
        !NOT_NAMES.has(tokens[j + 1]!.lower)
      )
        j += 1;
      else if (u.lower === "the" && tokens[j - 1]?.lower === "of" && isCap(tokens[j + 1])) j++;
      else break;
    }
    // A run may not end on a connector.
    while (j > i + 1 && NAME_PARTICLES.has(tokens[j - 1]!.lower)) j--;
    runs.push({ from: i, to: j, text: joinTokens(tokens, i, j) });
    i = j;
  }
  return runs;
}

function joinTokens(tokens: Token[], from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (k > from && !(t.text === "-" || tokens[k - 1]!.text === "-")) s += " ";
    s += t.text;
  }
  return s;
}

const words = (s: string) => s.split(/\s+/);

/**
 * "the minister of economic affairs, Aleksi Harjula": a description headed by a title or a person noun, set off
 * before the comma at `comma`, makes the name after it a person's.
 */
function apposedTitle(tokens: Token[], comma: number): boolean {
  for (let k = comma - 1; k >= 0 && k >= comma - 7; k--) {
    const w = tokens[k]!.lower;
    if (w === "," || /^[.!?;:"“”]$/.test(w)) return false;
    if (/^(?:the|a|an|its|his|her|their)$/.test(w)) return false;
    if (TITLES.has(w) || PERSON_NOUNS.has(w))
      return (
        /^(?:the|a|an|its|his|her|their)$/.test(tokens[k - 1]?.lower ?? "") ||
        k === 0 ||
        /^(?:of|for)$/.test(tokens[k + 1]?.lower ?? "")
      );
  }
  return false;
}

/** What the article calls people, organisations and places, learnt in reading order. */
export class NameBook {
  /** Last name (lower case) → the full name first used. */
  private readonly people = new Map<string, string>();
  private readonly types = new Map<string, EntityType>();
  /** Full name → the words that introduced it ("ukraine's president"), in order of first mention. */
  private readonly descriptors = new Map<string, string>();
  private readonly genders = new Map<string, "female" | "male">();
  /** Last word (lower case) → a name of two or three capitalised words of no known kind that ends with it. */
  private readonly untypedFullNames = new Map<string, string>();
  /** Surnames written after Mr, Ms, Mrs or Dr ("Mr Jones"). */
  private readonly titledSurnames = new Set<string>();

  /** Registers the names in a sentence, using titles before them to recognise people. */
  observe(tokens: Token[]): void {
    for (const run of capitalisedRuns(tokens)) {
      const parts = this.stripTitles(run.text);
      const before = tokens[run.from - 1]?.lower ?? "";
      const before2 = tokens[run.from - 2]?.lower ?? "";
      const courtesy = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([\p{L}'’-]+)$/u.exec(run.text)?.[1];
      if (courtesy) this.titledSurnames.add(courtesy.toLowerCase());
      else if (/^(?:mr|mrs|ms|miss|dr)\.?$/.test(before) && !/\s/.test(run.text))
        this.titledSurnames.add(run.text.toLowerCase());
      // "the union's general secretary, Mick Lyons": a title in apposition before the name.
      const titled =
        PERSON_TITLES.has(before) ||
        parts.titled ||
        (before === "," && (PERSON_TITLES.has(before2) || TITLES.has(before2) || apposedTitle(tokens, run.from - 1)));
      // "President Barack Obama's birth": the possessive is not part of the name.
      const name = parts.name.replace(/['’]s$/, "");
      if (!name) continue;
      const type = this.classify(name, titled);
      // A title anywhere in the text makes a name a person's ("the Obama administration … President Obama").
      const knownType = this.types.get(name.toLowerCase());
      if (!knownType || (type === "person" && knownType === "other")) this.types.set(name.toLowerCase(), type);
      // "Rush Limbaugh" then "Limbaugh said": a two- or three-word name of no known kind whose last word is used
      // alone is likely a person's; kept apart until a speaker needs it.
      const ws = words(name);
      if (type === "other" && ws.length >= 2 && ws.length <= 3 && ws.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) {
        const last = ws.at(-1)!.toLowerCase();
        if (!this.untypedFullNames.has(last)) this.untypedFullNames.set(last, name);
      }
      if (type === "person") {
        const ws = words(name);
        if (ws.length >= 2) {
          const last = ws.at(-1)!.toLowerCase();
          if (!this.people.has(last)) this.people.set(last, name);
          const descriptor = [
            PERSON_TITLES.has(before) || TITLES.has(before) ? `${before2} ${before}` : "",
            parts.descriptor,
          ]
            .join(" ")
            .trim();
          if (descriptor && !this.descriptors.has(name)) this.descriptors.set(name, descriptor);
          const g = genderFromTitle(`${before} ${parts.descriptor}`) ?? genderFromGivenName(ws[0]!);
          if (g) this.setGender(name, g);
        }
      }
    }
  }

  /** The full name of no known kind ("Rush Limbaugh") a single word that speaks ("Limbaugh said") ends. */
  fullNameEnding(word: string): string | null {
    const full = this.untypedFullNames.get(word.toLowerCase());
    return full && this.classify(full) === "other" ? full : null;
  }

  /** A person known from outside the running text (a transcript's speaker label), for later short names. */
  addPerson(name: string): void {
    const ws = words(name);
    if (ws.length < 2) return;
    this.types.set(name.toLowerCase(), "person");
    const last = ws.at(-1)!.toLowerCase();
    if (!this.people.has(last)) this.people.set(last, name);
  }

  /** Removes leading titles: "UK Prime Minister Keir Starmer" → "Keir Starmer", "Ukraine's President X" → "X". */
  stripTitles(text: string): { name: string; titled: boolean; descriptor: string } {
    const ws = words(text);
    let k = 0;
    let titled = false;
    while (k < ws.length - 1) {
      const w = ws[k]!.toLowerCase().replace(/\.$/, "");
      const bare = w.replace(/['’]s$/, "");
      if (PERSON_TITLES.has(w) || TITLES.has(w)) {
        titled = true;
        k++;
      } else if (
        (PLACES.has(bare) || DEMONYMS.has(bare)) &&
        ws.slice(k + 1, k + 3).some((x) => TITLES.has(x.toLowerCase()) || PERSON_TITLES.has(x.toLowerCase()))
      )
        k++;
      else if (titled && (PLACES.has(bare) || DEMONYMS.has(bare))) k++;
      else break;
    }
    // "Secretary of State Jon Husted", "Minister of Foreign Affairs Ana Ruiz": the office's name goes with the
    // title; the person's name is what follows it (from a given name, else the last two words).
    if (titled && /^(?:of|for)$/i.test(ws[k] ?? "") && ws.length - k >= 4) {
      const given = ws.findIndex((w, j) => j > k + 1 && GIVEN_NAMES.has(w.toLowerCase()));
      k = given > 0 ? given : ws.length - 2;
    }
    if (!titled) {
      // "Houston Mayor John Whitmire", "Tarnview chief executive Graham Ellery": whatever precedes the last
      // title word describes the person who follows it.
      for (let j = ws.length - 2; j > 0; j--) {
        const w = ws[j]!.toLowerCase().replace(/\.$/, "");
        if (
          (PERSON_TITLES.has(w) || TITLES.has(w)) &&
          /^\p{Lu}/u.test(ws[j + 1]!) &&
          !ws.slice(j + 1).some((x) => /^(?:of|for)$/i.test(x))
        ) {
          k = j + 1;
          titled = true;
          break;
        }
      }
    }
    return { name: ws.slice(k).join(" "), titled, descriptor: ws.slice(0, k).join(" ").toLowerCase() };
  }

  /**
   * A person a definite description points at: "the Ukrainian leader" → the person introduced as "Ukraine's
   * President …", "the chancellor" → "Chancellor Friedrich Merz". The latest match wins.
   */
  describedPerson(description: string): string | null {
    const ws = description
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, "")
      .split(/\s+/);
    let best: string | null = null;
    for (const [name, descriptor] of this.descriptors) {
      if (!descriptor) continue;
      const ds = descriptor.split(/\s+/).map((d) => d.replace(/['’]s$/, ""));
      const matches = (w: string) =>
        ds.includes(w) ||
        // "Ukrainian" for "Ukraine's"; a title must match whole ("presidential nominee" is no president).
        (w.length > 5 &&
          !TITLES.has(w) &&
          ds.some(
            (d) => d.length > 3 && !TITLES.has(d) && (w.startsWith(d.slice(0, 5)) || d.startsWith(w.slice(0, 5))),
          ));
      // When both have modifiers, one must agree: "the union's general secretary" is not "Transport Secretary X".
      const modifiers = ws.slice(0, -1).map((w) => w.replace(/['’]s$/, ""));
      if (modifiers.length && ds.length > 1 && !modifiers.some(matches)) continue;
      if (ws.some(matches)) best = name;
    }
    return best;
  }

  /** "female" / "male" when a title or a later pronoun tells, else null. */
  genderOf(name: string): "female" | "male" | null {
    return this.genders.get(name) ?? null;
  }

  setGender(name: string, gender: "female" | "male"): void {
    if (!this.genders.has(name)) this.genders.set(name, gender);
  }

  classify(name: string, titled = false): EntityType {
    const lower = name.toLowerCase();
    const known = this.types.get(lower);
    // "Darren Jones … Mr Jones": a surname the text gives a courtesy title makes the full name a person's.
    const ws0 = words(lower);
    if ((!known || known === "other") && ws0.length >= 2 && ws0.length <= 3 && this.titledSurnames.has(ws0.at(-1)!))
      return "person";
    // A single word known only as "other" is a person once the article has named someone by it ("Fowler"
    // after "Don Fowler").
    if (known === "other" && ws0.length === 1 && this.people.has(lower)) return "person";
    if (known && !(titled && known === "other" && ws0.length <= 4)) return known;
    if (PLACES.has(lower)) return "place";
    const ws = words(lower);
    if (ws.some((w) => ORG_WORDS.has(w) || ORG_WORDS.has(w.replace(/\.$/, "")))) return "organization";
    if (/^[\p{Lu}.&]{2,}$/u.test(name)) return "organization";
    if (ws.length === 1 && this.people.has(lower)) return "person";
    if (DEMONYMS.has(ws[0]!) && ws.length === 1) return "other";
    if (titled && ws.length <= 4) return "person";
    // "Vann R. Newkirk II", "Joseph R. Biden Jr.": a generational suffix marks a person's name.
    if (ws.length >= 2 && ws.length <= 5 && /^(?:jr\.?|sr\.?|ii|iii|iv)$/.test(ws.at(-1)!)) return "person";
    // "Lawrence B. Cummings": a middle initial marks a person's name.
    if (/^\p{Lu}[\p{Ll}'’-]+ (?:\p{Lu}\. )+\p{Lu}[\p{Ll}'’-]+$/u.test(name)) return "person";
    if (ws.length >= 2 && ws.length <= 4 && GIVEN_NAMES.has(ws[0]!) && !ws.includes("of")) return "person";
    if (ws.length >= 2 && ws.every((w) => PLACES.has(w) || DEMONYMS.has(w))) return "place";
    return "other";
  }

  /** The full name for a short one ("Zelenskyy" → "Volodymyr Zelenskyy"); the name itself otherwise. */
  canonical(name: string): string {
    const stripped = this.stripTitles(name).name;
    const ws = words(stripped);
    if (ws.length === 1) {
      const full = this.people.get(ws[0]!.toLowerCase().replace(/['’]s$/, ""));
      if (full) return full;
    } else if (ws.length <= 3) {
      // "Von der Leyen" after "Ursula von der Leyen": a surname of several words.
      const full = this.people.get(
        ws
          .at(-1)!
          .toLowerCase()
          .replace(/['’]s$/, ""),
      );
      if (full?.toLowerCase().endsWith(` ${stripped.toLowerCase()}`)) return full;
    }
    return stripped;
  }

  /** The entities a stretch of tokens mentions, typed and canonicalised, without repeats. */
  entitiesIn(tokens: Token[], from: number, to: number): Entity[] {
    return this.entitiesOfRuns(capitalisedRuns(tokens, from, to), from, to);
  }

  /** Entities of the runs that lie inside [from, to). */
  entitiesOfRuns(runs: NameRun[], from: number, to: number): Entity[] {
    const out = new Map<string, Entity>();
    for (const run of runs) {
      if (run.from < from || run.to > to) continue;
      const entity = this.entityFor(run.text);
      if (entity && !out.has(entity.name.toLowerCase())) out.set(entity.name.toLowerCase(), entity);
    }
    return [...out.values()];
  }

  private readonly entityCache = new Map<string, Entity | null>();

  private entityFor(text: string): Entity | null {
    let e = this.entityCache.get(text);
    if (e === undefined) {
      const name = this.canonical(text.replace(/['’]s$/, ""));
      const type = name && name.length >= 2 ? this.classify(name) : "other";
      e = !name || name.length < 2 || (type === "other" && DEMONYMS.has(name.toLowerCase())) ? null : { name, type };
      this.entityCache.set(text, e);
    }
    return e;
  }
}

/** The capitalised runs of a sentence, computed once. */
export function runsOf(s: Sentence): NameRun[] {
  s.runs ??= capitalisedRuns(s.tokens);
  return s.runs;
}
