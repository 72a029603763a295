// A speaker's appositives as the article's own statements: "Tarnview, which built the estate …," → "Tarnview built
// the estate …"; "Angelique Brunner, a developer and spokeswoman for X, which is made up of …," → "Angelique Brunner
// is a developer …" and "X is made up of …". Each appositive is read by the first reading that recognises it.
import { possessive } from "./clauses.ts";
import { ORG_WORDS } from "./lexicon/speaker-nouns.ts";
import { isPastForm } from "./lexicon/verbs.ts";
import type { Clause, Frame, Range, Sentence } from "./model.ts";
import { isPredicate } from "./pos.ts";
import { nounLikeVerb } from "./speaker-phrase.ts";
import { headNoun } from "./speakers.ts";
import { mentionsTime } from "./time.ts";

/** One appositive of a speaker, as the readings see it. */
interface Appositive {
  s: Sentence;
  frame: Frame;
  range: Range;
  /** Its first word, lower-case. */
  first: string;
  /** Its tokens without a leading "who" or "which". */
  idx: number[];
  /** What its "which" stands for: the last noun phrase of the appositive before, else the speaker. */
  antecedent: string;
  /** A description: "a lawyer for the families", "the union's treasurer". */
  nounPhrase: boolean;
}

interface AppositiveReading {
  name: string;
  /** The statements the appositive makes, or null when it is not this reading's. */
  read: (a: Appositive) => Clause[] | null;
  /** After it, a later "which" may stand for the appositive's last noun phrase. */
  namesAntecedent: boolean;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
const words = (s: Sentence, idx: number[]): string => idx.map((i) => s.tokens[i]!.text).join(" ");
const hasOwnVerb = (s: Sentence, idx: number[]): boolean =>
  idx.some((i) => isPredicate(s.tags[i]) && !nounLikeVerb(s, i));

/** The readings, in the order they are tried. */
export const APPOSITIVE_READINGS: readonly AppositiveReading[] = [
  // ", at a later press gaggle,": a circumstance of the statement, not a description of the speaker.
  { name: "circumstance", read: ({ s, range }) => (s.tags[range.from] === "prep" ? [] : null), namesAntecedent: false },
  // "A spokeswoman for Rep. Jill Moreno, whose district includes the port," → "Rep. Jill Moreno's district …".
  {
    name: "whose-relative",
    read: ({ first, range: r, frame }) =>
      first === "whose" && r.to - r.from > 2
        ? [{ idx: range(r.from + 1, r.to), prefix: possessive(frame.speakerText), link: "", kind: "relative" }]
        : null,
    namesAntecedent: false,
  },
  // ", an ecologist at James Cook University who was not involved in the study,": two statements, the description
  // and what its relative clause says of the speaker (or, after "which", of the institution).
  {
    name: "description-with-relative",
    read: ({ s, frame, idx, nounPhrase }) => {
      const rel = idx.findIndex((i, k) => k >= 2 && /^(?:who|which)$/.test(s.tokens[i]!.lower));
      const np = rel > 0 ? idx.slice(0, rel) : [];
      if (!nounPhrase || rel <= 0 || hasOwnVerb(s, np)) return null;
      const of = np.findLastIndex((i) => /^(?:at|of|for|with)$/.test(s.tokens[i]!.lower));
      const which = of >= 0 ? words(s, np.slice(of + 1)) : frame.speakerText;
      const subject = s.tokens[idx[rel]!]!.lower === "who" ? frame.speakerText : which;
      return [
        { idx: np, prefix: frame.speakerText, link: "is", kind: "appositive" },
        { idx: idx.slice(rel + 1), prefix: subject, link: "", kind: "relative" },
      ];
    },
    namesAntecedent: false,
  },
  // ", a lawyer for the families," → "X is a lawyer for the families". "Officials at Homeland Security
  // Investigations, a division of ICE,": an organisation word describes the organisation the speaker belongs to.
  {
    name: "description",
    read: ({ s, frame, idx, nounPhrase }) => {
      if (idx.length < 2 || !nounPhrase || hasOwnVerb(s, idx)) return null;
      const head = headNoun(words(s, idx));
      const inner = frame.speakerText.match(/\s(?:at|of|for|from)\s+(?:the\s+)?([\s\S]+)$/i)?.[1];
      const about =
        inner && (ORG_WORDS.has(head) || /^(?:division|unit|arm|subsidiary|branch|affiliate|part|wing)$/.test(head))
          ? inner
          : frame.speakerText;
      const link = /^\S+s\b/i.test(about) && !/\s/.test(about) ? "are" : "is";
      return [{ idx, prefix: about, link, kind: "appositive" }];
    },
    namesAntecedent: true,
  },
  // ", led by France and the United Kingdom," → "… is led by France and the United Kingdom"; with a time of its own
  // it is a past event: ", filed in December by …," → "… was filed in December by …".
  {
    name: "participle",
    read: ({ s, frame, idx, first }) =>
      idx.length >= 2 && s.tags[idx[0]!] === "verb" && isPastForm(first)
        ? [{ idx, prefix: frame.speakerText, link: mentionsTime(words(s, idx)) ? "was" : "is", kind: "appositive" }]
        : null,
    namesAntecedent: true,
  },
  // ", who represented the families," → "X represented the families"; ", sitting in Leeds,".
  {
    name: "relative-clause",
    read: ({ s, frame, idx, first, antecedent }) =>
      idx.length >= 2 &&
      idx.some(
        (i) =>
          isPredicate(s.tags[i]) || (s.tags[i] === "verb-ing" && i === idx[0] && s.tokens[i]!.lower !== "including"),
      )
        ? [{ idx, prefix: first === "which" ? antecedent : frame.speakerText, link: "", kind: "relative" }]
        : null,
    namesAntecedent: true,
  },
];

/** The statements a frame's speaker appositives make, in the article's own voice, in order. */
export function readAppositives(s: Sentence, frame: Frame): Clause[] {
  const out: Clause[] = [];
  if (!frame.speaker) return out;
  let antecedent = frame.speakerText;
  for (const r of frame.appositives) {
    const first = s.tokens[r.from]!.lower;
    const relative = first === "who" || first === "which";
    const idx = range(relative ? r.from + 1 : r.from, r.to);
    const nounPhrase = /^(?:a|an|the)$/.test(first) || s.tags[r.from] === "word" || /['’]s$/.test(first);
    const a: Appositive = { s, frame, range: r, first, idx, antecedent, nounPhrase };
    let namesAntecedent = true;
    for (const reading of APPOSITIVE_READINGS) {
      const clauses = reading.read(a);
      if (!clauses) continue;
      out.push(...clauses);
      namesAntecedent = reading.namesAntecedent;
      break;
    }
    if (!namesAntecedent) continue;
    // A later "which" refers to the last noun phrase of this appositive ("… for the EB-5 Investment Coalition").
    const of = idx.findLastIndex((i) => /^(?:for|of|at|with)$/.test(s.tokens[i]!.lower));
    if (!relative && of >= 0 && of < idx.length - 1) antecedent = words(s, idx.slice(of + 1));
  }
  return out;
}
