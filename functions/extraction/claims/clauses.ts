// Splits reported content into atomic clauses: coordinated predicates and clauses, but-/while-clauses,
// non-restrictive relative clauses, participial appositives, causes and absolute "with" phrases.

import { isPastForm } from "./lexicon/verbs.ts";
import type { Clause, ClauseKind, Range, Sentence } from "./model.ts";
import { isPredicate, pastTense, thirdPerson, verbBase } from "./pos.ts";
import { mentionsTime } from "./time.ts";

const isParticipleForm = isPastForm;

const RELATIVE = new Set(["which", "who"]);
const TIME_SUBORDINATORS = new Set([
  "after",
  "before",
  "since",
  "when",
  "as",
  "once",
  "until",
  "because",
  "although",
  "though",
]);
/** -ing words after a comma that introduce something other than a result. */
const NOT_RESULTS = new Set([
  "including",
  "excluding",
  "according",
  "regarding",
  "following",
  "concerning",
  "citing",
  "saying",
  "adding",
  "noting",
  "arguing",
  "insisting",
  "stressing",
  "explaining",
  "describing",
  "warning",
  "speaking",
  "depending",
  "starting",
  "beginning",
  "ending",
  "pending",
  "during",
  "notwithstanding",
  "involving",
  "meaning",
]);
const COMPARATIVES = new Set(["above", "below", "up", "down", "higher", "lower", "more", "less"]);
const CONTRAST = new Set(["but", "although", "though", "whereas", "while", "yet"]);
const CAUSE_OPENERS: Array<[string, string | null]> = [
  ["due", "to"],
  ["owing", "to"],
  ["because", "of"],
  ["thanks", "to"],
  ["amid", null],
];

function isQuoteMark(t: string): boolean {
  return /^["“”«»‘’]$/.test(t);
}

/** First predicate in idx (skipping a leading adverbial that ends in a comma). */
function subjectEnd(s: Sentence, idx: number[]): { from: number; to: number } | null {
  let from = 0;
  const comma = idx.findIndex((i) => s.tokens[i]!.text === ",");
  const firstPred = idx.findIndex((i) => isPredicate(s.tags[i]));
  if (firstPred < 0) return null;
  if (comma >= 0 && comma < firstPred) {
    const firstTag = s.tags[idx[0]!];
    if (firstTag === "prep" || firstTag === "adv" || firstTag === "sub" || firstTag === "verb-ing") from = comma + 1;
  }
  while (from < firstPred && isQuoteMark(s.tokens[idx[from]!]!.text)) from++;
  if (firstPred <= from) return null;
  return { from, to: firstPred };
}

/** The noun phrase that ends right before position p (for relative clauses): "the upcoming meeting of the Coalition". */
function antecedent(s: Sentence, idx: number[], p: number): number {
  let k = p - 1;
  while (k >= 0) {
    const i = idx[k]!;
    const tag = s.tags[i];
    const w = s.tokens[i]!.lower;
    if (tag === "punct" && !/^['’]s?$/.test(w) && w !== "-") break;
    if (isPredicate(tag) || tag === "conj" || tag === "sub") break;
    if (tag === "prep" && w !== "of") break;
    if (tag === "pron" && !/^(?:his|her|its|their|our|my|your)$/.test(w)) break;
    k--;
  }
  return k + 1;
}

function textOf(s: Sentence, idx: number[]): string {
  return idx.map((i) => s.tokens[i]!.text).join(" ");
}

/**
 * "The merits of the EB-5 program, which allows …": when the relative clause's verb does not agree in number with
 * the whole noun phrase, its antecedent is the phrase after the last "of".
 */
function agreeingAntecedent(s: Sentence, idx: number[], a: number, comma: number): number {
  const verb = s.tokens[idx[comma + 2]!]?.lower ?? "";
  const singularVerb =
    /^(?:is|was|has|does)$/.test(verb) || (/[^s]s$/.test(verb) && s.tags[idx[comma + 2]!] === "verb");
  const pluralVerb = /^(?:are|were|have|do)$/.test(verb);
  if (!singularVerb && !pluralVerb) return a;
  const head =
    s.tokens[idx[a]!] &&
    idx.slice(a, comma).find((_i, k, arr) => k + 1 === arr.length || s.tokens[arr[k + 1]!]!.lower === "of");
  const headPlural = head !== undefined && /[^s]s$/.test(s.tokens[head]!.lower) && s.tags[head] !== "propn";
  if (singularVerb === !headPlural) return a;
  for (let k = comma - 1; k > a; k--) if (s.tokens[idx[k]!]!.lower === "of") return k + 1;
  return a;
}

/** Lifts ", which/who …" and participial appositives (", led by …,") out of a clause. */
function liftRelatives(s: Sentence, clause: Clause, out: Clause[]): Clause {
  const idx = clause.idx;
  for (let p = 1; p < idx.length - 2; p++) {
    const comma = s.tokens[idx[p]!]!;
    if (comma.text !== ",") continue;
    const next = idx[p + 1]!;
    const w = s.tokens[next]!.lower;
    const tag = s.tags[next];
    // ", whose shares fell 5%," → "Acme's shares fell 5%".
    const isPossessive =
      w === "whose" && [2, 3, 4].some((k) => isPredicate(s.tags[idx[p + k]!]) && s.tokens[idx[p + k]!]!.text !== ",");
    const isRelative = (RELATIVE.has(w) && isPredicate(s.tags[idx[p + 2]!])) || isPossessive;
    const isParticiple =
      (tag === "verb" &&
        /ed$|^(?:led|held|known|built|set|hit|made|run|born|given)$/.test(w) &&
        !isPredicate(s.tags[idx[p - 1]!]) &&
        (s.tokens[idx[p + 2]!]?.lower === "by" ||
          s.tokens[idx[p + 2]!]?.lower === "in" ||
          s.tokens[idx[p + 2]!]?.lower === "on")) ||
      (tag === "verb-ing" && /^(?:sitting|speaking|standing|working|living|based)$/.test(w));
    if (!isRelative && !isParticiple) continue;
    const a = agreeingAntecedent(s, idx, antecedent(s, idx, p), p);
    if (a >= p) continue;
    // The lifted clause runs to the next comma or the end.
    let e = p + 2;
    while (e < idx.length && s.tokens[idx[e]!]!.text !== ",") e++;
    let antecedentText = textOf(s, idx.slice(a, p)).replace(/^(?:a|an)\s/i, "the ");
    if (isPossessive) antecedentText = possessive(antecedentText);
    const body = idx.slice(isRelative ? p + 2 : p + 1, e);
    if (body.length < 2) continue;
    out.push({
      idx: body,
      prefix: antecedentText,
      // ", signed by the governor in April," happened: "The law was signed …".
      link: isRelative ? "" : linkVerb(antecedentText, mentionsTime(textOf(s, body))),
      kind: isRelative ? "relative" : "appositive",
    });
    const rest = [...idx.slice(0, p), ...idx.slice(e + (e < idx.length ? 1 : 0))];
    return liftRelatives(s, { ...clause, idx: rest }, out);
  }
  return clause;
}

/**
 * Who owns what a "whose" clause says: the name a description ends on ("an aide to Sen. Rosa Lind, whose state …"
 * → "Sen. Rosa Lind's state"), else the whole phrase.
 */
export function possessive(antecedent: string): string {
  const owner = antecedent.match(/\s(?:at|of|for|from|to|with)\s+(?:the\s+)?(\p{Lu}[\s\S]+)$/u)?.[1] ?? antecedent;
  return /s$/.test(owner) ? `${owner}'` : `${owner}'s`;
}

function linkVerb(subject: string, past: boolean): string {
  const plural = pluralish(subject);
  return past ? (plural ? "were" : "was") : plural ? "are" : "is";
}

function pluralish(np: string): boolean {
  const head =
    np
      .split(/(?<!\s)\s+of\s+/)[0]!
      .trim()
      .split(/\s+/)
      .at(-1) ?? "";
  return /[^s]s$/.test(head) || /\band\b/.test(np) || /^(?:they|we|i|you)$/i.test(head);
}

/** Where to split a clause in two, and how the right side gets its subject back. */
interface Split {
  /** Position in the clause where the left side ends. */
  at: number;
  /** How many positions from `at` belong to neither side (the comma and the conjunction). */
  skip: number;
  shareSubject: boolean;
  kind: ClauseKind;
  /** The right side's subject when it is a phrase of the left side ("a deal | that could …" → "The deal"). */
  subject?: string;
}

/** One position of a clause as the split rules see it. */
interface SplitPoint {
  s: Sentence;
  idx: number[];
  /** The position in idx, its sentence token index and lower-case word. */
  p: number;
  i: number;
  w: string;
  /** The sentence token index of the next position. */
  next: number;
  prevIsComma: boolean;
  /** Whether the clause has a predicate before p. */
  predBefore: boolean;
  /** The position of a predicate within `within` positions of `from` (not over a comma unless overCommas), or -1. */
  predSoonAfter: (from: number, within: number, overCommas?: boolean) => number;
}

/** A rule's verdict that the position splits nowhere: the later rules are not asked. */
const HOLD = "hold";
/** The rule is asked only after a comma. */
const AFTER_COMMA = "after-comma";
interface SplitRule {
  name: string;
  /** Where the rule is asked: at one of these words, or after a comma. */
  on: ReadonlySet<string> | typeof AFTER_COMMA;
  split: (pt: SplitPoint) => Split | typeof HOLD | null;
}
/** The words that join coordinated predicates and clauses. */
const COORDINATORS: ReadonlySet<string> = new Set(["and", "but", ...CONTRAST]);

/** Where a split at a conjunction starts: on the comma before it, if there is one. */
const startOf = (pt: SplitPoint): number => pt.p - (pt.prevIsComma ? 1 : 0);
const before = (pt: SplitPoint, shareSubject: boolean, extra = 0): Split => {
  const start = startOf(pt);
  return { at: start, skip: pt.p - start + 1 + extra, shareSubject, kind: "coordinate" };
};
/** "and", "but", and a contrast after a comma: where coordinated predicates and clauses join. */
const isCoordinator = ({ w, prevIsComma }: SplitPoint): boolean =>
  w === "and" || w === "but" || (CONTRAST.has(w) && (prevIsComma || w === "but" || w === "although"));
/** A coordinator followed by a finite verb (not an auxiliary): "… and raised fees". */
const beforePredicate = (pt: SplitPoint): boolean =>
  isCoordinator(pt) && isPredicate(pt.s.tags[pt.next]) && pt.s.tags[pt.next] !== "aux";
const isBase = (s: Sentence, x: number): boolean => verbBase(s.tokens[x]!.lower) === s.tokens[x]!.lower;
const lastVerbBefore = ({ s, idx, p }: SplitPoint): number | undefined =>
  idx.slice(0, p).findLast((x) => isPredicate(s.tags[x]));
/** A predicate soon after the coordinator, which gives the right side a clause of its own. */
const clauseAfter = (pt: SplitPoint): number => pt.predSoonAfter(pt.p + 1, 8);

/** The split rules, in the order they are tried at each position of a clause; the first verdict stands. */
export const SPLIT_RULES: readonly SplitRule[] = [
  // "; " always separates two statements.
  {
    name: "semicolon",
    on: new Set([";"]),
    split: (pt) =>
      pt.s.tokens[pt.i]!.text === ";" ? { at: pt.p, skip: 1, shareSubject: false, kind: "coordinate" } : null,
  },
  // "The vote was close: 5 members backed it": a colon followed by a clause of its own.
  {
    name: "colon-clause",
    on: new Set([":"]),
    split: ({ s, idx, p, i, predBefore }) =>
      s.tokens[i]!.text === ":" && predBefore && idx.slice(p + 1, p + 14).some((x) => isPredicate(s.tags[x]))
        ? { at: p, skip: 1, shareSubject: false, kind: "coordinate" }
        : null,
  },
  // ", after Washington halted …", "while the two leaders took part …": a subordinate clause with its own subject.
  {
    name: "subordinate-clause",
    on: new Set([...TIME_SUBORDINATORS, "while", "whereas"]),
    split: (pt) => {
      const { s, p, w, next } = pt;
      const whileClause = w === "while" || w === "whereas";
      if (!((pt.prevIsComma && TIME_SUBORDINATORS.has(w)) || whileClause) || !pt.predBefore) return null;
      const opensClause =
        /^(?:det|propn|pron|num|word)$/.test(s.tags[next] ?? "") &&
        (pt.predSoonAfter(p + 1, 8) > p + 1 || (whileClause && pt.predSoonAfter(p + 1, 10, true) > p + 1));
      return opensClause ? before(pt, false) : null;
    },
  },
  // ", knocking out power to 200,000 homes": a result the subject brought about.
  {
    name: "result-participle",
    on: AFTER_COMMA,
    split: ({ s, p, i, w, next, prevIsComma, predBefore }) =>
      prevIsComma &&
      // (", having lost 40% of its value": a perfect participle, "had lost".)
      (s.tags[i] === "verb-ing" ||
        (w === "having" && s.tags[next] === "verb" && isParticipleForm(s.tokens[next]!.lower))) &&
      !NOT_RESULTS.has(w) &&
      verbBase(w) &&
      predBefore &&
      s.tokens[next]?.lower !== "to"
        ? { at: p - 1, skip: 1, shareSubject: true, kind: "result" }
        : null,
  },
  // ", down from $624 million a year earlier", ", above the 3.7% high it had projected in May", ", after 0.1% in
  // the second quarter" (the figure before it in a series).
  {
    name: "comparative-remark",
    on: AFTER_COMMA,
    split: ({ s, idx, p, w, next, prevIsComma, predBefore }) =>
      prevIsComma &&
      (COMPARATIVES.has(w) ||
        (w === "after" &&
          s.tags[next] === "num" &&
          /^(?:%|percent|per|points?)$/.test(s.tokens[idx[p + 2]!]?.lower ?? ""))) &&
      predBefore &&
      p + 2 < idx.length
        ? { at: p - 1, skip: 1, shareSubject: false, kind: "remark" }
        : null,
  },
  // A conjunction before the clause's first predicate joins parts of its subject or object.
  {
    name: "no-predicate-before-conjunction",
    on: COORDINATORS,
    split: (pt) => (isCoordinator(pt) && !pt.predBefore ? HOLD : null),
  },
  // "argued that the shelters were unsafe and that residents would be moved": a second reported clause.
  // The subject may hold an aside: "and that side effects, including muscle pain, were reported".
  {
    name: "second-that-clause",
    on: COORDINATORS,
    split: (pt) =>
      isCoordinator(pt) && pt.s.tokens[pt.next]?.lower === "that" && pt.predSoonAfter(pt.p + 2, 12, true) > pt.p + 2
        ? before(pt, false, 1)
        : null,
  },
  // "ready to go and initiate …", "to meet X and discuss Y": coordinated infinitives stay together.
  // Also a list of them: "to fix problems, increase oversight and address …".
  {
    name: "coordinated-infinitives",
    on: COORDINATORS,
    split: (pt) => {
      if (!beforePredicate(pt) || pt.w !== "and") return null;
      const { s, idx, p, next } = pt;
      const lastVerb = lastVerbBefore(pt);
      const infinitiveBefore = idx.slice(0, p).some((x) => isPredicate(s.tags[x]) && s.tokens[x - 1]?.lower === "to");
      return lastVerb !== undefined &&
        isBase(s, next) &&
        (s.tokens[lastVerb - 1]?.lower === "to" || (infinitiveBefore && isBase(s, lastVerb)))
        ? HOLD
        : null;
    },
  },
  // "a budget that closes two libraries and raises fees": the second predicate is the relative clause's too, and
  // its subject is not the sentence's.
  {
    name: "relative-clause-predicates",
    on: COORDINATORS,
    split: (pt) => {
      // (", and recommended …": a comma closes the relative clause; the predicate after it is the subject's.)
      if (!beforePredicate(pt) || pt.w !== "and" || pt.prevIsComma) return null;
      const lastVerb = lastVerbBefore(pt);
      return lastVerb !== undefined && relativeSubject(pt.s, pt.idx, pt.idx.indexOf(lastVerb)) ? HOLD : null;
    },
  },
  // "They discussed the plan and agreed to …": coordinated predicates share the subject.
  { name: "coordinated-predicate", on: COORDINATORS, split: (pt) => (beforePredicate(pt) ? before(pt, true) : null) },
  // "… and will meet again in May".
  {
    name: "coordinated-auxiliary",
    on: COORDINATORS,
    split: (pt) =>
      isCoordinator(pt) && (pt.s.tags[pt.next] === "aux" || pt.s.tags[pt.next] === "modal") ? before(pt, true) : null,
  },
  // "and to cut costs", not "to Houston and to Corpus Christi".
  {
    name: "and-to-infinitive",
    on: COORDINATORS,
    split: (pt) =>
      isCoordinator(pt) &&
      pt.s.tokens[pt.next]!.lower === "to" &&
      pt.w === "and" &&
      isPredicate(pt.s.tags[pt.idx[pt.p + 2]!])
        ? before(pt, true)
        : null,
  },
  // ", and the council approved …", "but the council approved …": a clause with its own subject.
  {
    name: "clause-after-comma-or-contrast",
    on: COORDINATORS,
    split: (pt) =>
      isCoordinator(pt) && clauseAfter(pt) > pt.p + 1 && (pt.prevIsComma || CONTRAST.has(pt.w))
        ? before(pt, false)
        : null,
  },
  // "… and they left": a pronoun subject opens a clause of its own.
  {
    name: "and-pronoun-clause",
    on: COORDINATORS,
    split: (pt) =>
      isCoordinator(pt) &&
      pt.w === "and" &&
      clauseAfter(pt) > pt.p + 1 &&
      /^(?:it|he|she|they|we|i|there|this)$/.test(pt.s.tokens[pt.next]!.lower)
        ? before(pt, false)
        : null,
  },
  // "opened in 1952 and still serves breakfast": an adverb before a coordinated predicate.
  {
    name: "adverb-coordinated-predicate",
    on: COORDINATORS,
    split: (pt) => {
      const then = pt.s.tags[pt.idx[pt.p + 2]!];
      return isCoordinator(pt) && pt.s.tags[pt.next] === "adv" && isPredicate(then) && then !== "aux"
        ? before(pt, true)
        : null;
    },
  },
  // "700 civilians have been killed and more than 3,000 injured": a second clause with its own subject.
  {
    name: "and-own-subject-clause",
    on: COORDINATORS,
    split: (pt) => {
      if (!isCoordinator(pt) || pt.w !== "and") return null;
      const { s, idx, p, next } = pt;
      const k = clauseAfter(pt);
      // (A determiner may open a longer subject: "and an expansion of the Vaasa plant ran over budget".)
      return k > p + 1 &&
        k - p <= (s.tags[next] === "det" ? 8 : 6) &&
        (s.tags[next] === "num" ||
          s.tags[next] === "det" ||
          s.tags[next] === "adv" ||
          /^(?:his|her|its|their|our|my|your)$/.test(s.tokens[next]!.lower)) &&
        !idx.slice(p + 1, k).some((x) => /^(?:that|which|who)$/.test(s.tokens[x]!.lower)) &&
        // "a federal grant and a city bond approved by voters": a participle after a noun, before "by", qualifies it.
        !(s.tokens[idx[k + 1]!]?.lower === "by" && s.tags[idx[k - 1]!] === "word")
        ? before(pt, false)
        : null;
    },
  },
  // ", but if two members abstain, the motion fails": a contrast that opens with a condition is a clause of its own.
  {
    name: "contrast-before-condition",
    on: COORDINATORS,
    split: (pt) => {
      const { s, idx, p, next } = pt;
      if (!pt.prevIsComma || !CONTRAST.has(pt.w) || !pt.predBefore) return null;
      if (!/^(?:if|unless|when|once|until|as)$/.test(s.tokens[next]?.lower ?? "")) return null;
      // The condition ends at a comma that a clause follows.
      const comma = idx.findIndex((x, k) => k > p + 2 && s.tokens[x]!.text === ",");
      return comma > 0 && pt.predSoonAfter(comma + 1, 8) > comma + 1 ? before(pt, false) : null;
    },
  },
  // "… 69 working days, meaning a decision is not due before May": what follows from the clause, with its own subject.
  {
    name: "meaning-clause",
    on: new Set(["meaning"]),
    split: (pt) => {
      const { s, p, w, next } = pt;
      if (w !== "meaning" || !pt.predBefore) return null;
      const that = s.tokens[next]?.lower === "that" ? 1 : 0;
      const from = p + 1 + that;
      const opens = /^(?:det|propn|pron|num|word)$/.test(s.tags[pt.idx[from]!] ?? "");
      return opens && pt.predSoonAfter(from + 1, 8) > from
        ? { at: startOf(pt), skip: p - startOf(pt) + 1 + that, shareSubject: false, kind: "coordinate" }
        : null;
    },
  },
  // "…in the Nordic market, where Acme already operates a plant": a place's relative clause with its own subject,
  // still the speaker's words when the sentence reports them.
  {
    name: "where-clause",
    on: AFTER_COMMA,
    split: ({ s, idx, p, w, next, prevIsComma, predBefore, predSoonAfter }) =>
      prevIsComma &&
      w === "where" &&
      predBefore &&
      /^(?:det|propn|pron|num|word)$/.test(s.tags[next] ?? "") &&
      predSoonAfter(p + 2, 8) > p + 1 &&
      p + 3 < idx.length
        ? { at: p - 1, skip: 2, shareSubject: false, kind: "coordinate" }
        : null,
  },
  // "…in 2024, the year the city's budget was cut by 9%": what else happened in the time just named.
  {
    name: "the-year-clause",
    on: AFTER_COMMA,
    split: ({ s, idx, p, w, next, prevIsComma, predBefore, predSoonAfter }) => {
      if (!prevIsComma || w !== "the" || !predBefore) return null;
      if (!/^(?:year|day|month|week|season|night|morning)$/.test(s.tokens[next]?.lower ?? "")) return null;
      if (!mentionsTime(textOf(s, idx.slice(Math.max(0, p - 5), p)))) return null;
      const that = /^(?:that|when)$/.test(s.tokens[idx[p + 2]!]?.lower ?? "") ? 1 : 0;
      const from = p + 2 + that;
      return /^(?:det|propn|pron|num|word)$/.test(s.tags[idx[from]!] ?? "") && predSoonAfter(from + 1, 10) > from
        ? { at: p - 1, skip: 3 + that, shareSubject: false, kind: "coordinate" }
        : null;
    },
  },
  // "…to buy Borvik in a deal that could value it at €2bn": what a thing might do is a claim of its own, with
  // its own certainty ("The deal could value it at €2bn"); "a roof that will cost $8,000" and "a plan that
  // closes two libraries" stay whole.
  {
    name: "modal-relative",
    on: new Set(["that", "which"]),
    split: ({ s, idx, p, next, prevIsComma, predBefore }) => {
      if (prevIsComma || !predBefore || !/^(?:could|might|may|would)$/.test(s.tokens[next]!.lower)) return null;
      if (s.tags[idx[p + 2]!] !== "verb") return null;
      if (s.tags[idx[p - 1]!] !== "word") return null;
      const det = [2, 3, 4].map((k) => p - k).find((k) => k >= 0 && /^(?:a|an)$/.test(s.tokens[idx[k]!]!.lower));
      if (det === undefined || idx.slice(det + 1, p).some((x) => s.tags[x] !== "word")) return null;
      return {
        at: p,
        skip: 1,
        shareSubject: false,
        kind: "coordinate",
        subject: `the ${textOf(s, idx.slice(det + 1, p))}`,
      };
    },
  },
  // ", citing low stockpiles": what the subject gave as its reason → "The Pentagon cited low stockpiles".
  {
    name: "citing-reason",
    on: AFTER_COMMA,
    split: ({ p, w, prevIsComma, predBefore }) =>
      prevIsComma && w === "citing" && predBefore ? { at: p - 1, skip: 1, shareSubject: true, kind: "result" } : null,
  },
  // ", saying the company had shared it …": more from the same speaker.
  {
    name: "gerund-report",
    on: AFTER_COMMA,
    split: ({ s, p, w, next, prevIsComma, predBefore }) =>
      prevIsComma && /^(?:saying|adding|noting|arguing|insisting|stressing|explaining)$/.test(w) && predBefore
        ? { at: p - 1, skip: s.tokens[next]!.lower === "that" ? 3 : 2, shareSubject: false, kind: "coordinate" }
        : null,
  },
  // ", the largest combined strike of the war": a superlative or ordinal remark on what precedes.
  {
    name: "superlative-remark",
    on: AFTER_COMMA,
    split: ({ s, idx, p, w, next, prevIsComma, predBefore }) =>
      prevIsComma &&
      /^(?:the|its|their)$/.test(w) &&
      predBefore &&
      p + 1 < idx.length &&
      /^(?:first|second|third|last|only|latest|highest|lowest|biggest|largest|smallest|worst|best|most|least|\w+est)$/.test(
        s.tokens[next]!.lower,
      ) &&
      !idx
        .slice(p + 1)
        .some((x) => (s.tags[x] === "aux" || s.tags[x] === "modal") && !/^(?:has|had|have)$/.test(s.tokens[x]!.lower))
        ? { at: p - 1, skip: 1, shareSubject: false, kind: "remark" }
        : null,
  },
  // ", with Kyiv as the main target": an absolute phrase.
  {
    name: "absolute-with",
    on: AFTER_COMMA,
    split: ({ s, p, w, next, prevIsComma, predBefore }) =>
      prevIsComma && w === "with" && predBefore && /^(?:det|propn|num|word|pron)$/.test(s.tags[next] ?? "")
        ? { at: p - 1, skip: 2, shareSubject: false, kind: "absolute" }
        : null,
  },
  // ", held back by disagreements": a participial appositive on the subject.
  {
    name: "participial-appositive",
    on: AFTER_COMMA,
    split: ({ s, p, i, w, next, prevIsComma, predBefore }) =>
      prevIsComma &&
      s.tags[i] === "verb" &&
      isParticipleForm(w) &&
      s.tokens[next]?.lower !== "to" &&
      predBefore &&
      ["by", "back", "in", "over", "from", "after"].includes(s.tokens[next]!.lower)
        ? { at: p - 1, skip: 1, shareSubject: true, kind: "appositive" }
        : null,
  },
  // "due to", "owing to", "because of", "thanks to", "amid": a cause ("is due to attend" is a schedule).
  {
    name: "cause",
    on: new Set(CAUSE_OPENERS.map(([first]) => first)),
    split: (pt) => {
      const { s, idx, p, w, next } = pt;
      if (!pt.predBefore || /^(?:is|are|was|were|be|been)$/.test(s.tokens[idx[p - 1]!]!.lower)) return null;
      const opener = CAUSE_OPENERS.find(([a, b]) => w === a && (b === null || s.tokens[next]!.lower === b));
      if (!opener) return null;
      const start = startOf(pt);
      return { at: start, skip: p - start + (opener[1] ? 2 : 1), shareSubject: false, kind: "cause" };
    },
  },
  // "…, because the road was closed": a reason with its own clause.
  {
    name: "because-clause",
    on: new Set(["because"]),
    split: (pt) =>
      pt.w === "because" && pt.s.tokens[pt.next]!.lower !== "of" && pt.predBefore ? before(pt, false) : null,
  },
];

/** Every word some rule is asked at. */
const RULE_WORDS: ReadonlySet<string> = new Set(SPLIT_RULES.flatMap((r) => (r.on === AFTER_COMMA ? [] : [...r.on])));

function findSplit(s: Sentence, idx: number[]): Split | null {
  // The first predicate's position answers "is there a predicate before p" in constant time.
  const firstPred = idx.findIndex((i) => isPredicate(s.tags[i]));
  const predSoonAfter = (p: number, within: number, overCommas = false) => {
    for (let k = p; k < idx.length && k < p + within; k++) {
      const i = idx[k]!;
      // (Over commas, a list may make the subject: "while food, alcohol and tobacco prices rose".)
      if (!overCommas && (s.tokens[i]!.text === "," || s.tags[i] === "conj")) return -1;
      if (isPredicate(s.tags[i])) return k;
    }
    return -1;
  };
  let depth = 0;
  for (let p = 1; p < idx.length - 1; p++) {
    const i = idx[p]!;
    const t = s.tokens[i]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth > 0) continue;
    const w = t.lower;
    // (A comma and then an opening quotation mark: ', “and receipt was acknowledged …”'.)
    const prevIsComma =
      s.tokens[idx[p - 1]!]!.text === "," ||
      (p >= 2 &&
        isQuoteMark(s.tokens[idx[p - 1]!]!.text) &&
        s.tokens[idx[p - 2]!]!.text === "," &&
        s.quoted[i] === true);
    // (Most positions are no rule's: only a comma before or a word a rule is asked at brings one in.)
    if (!prevIsComma && !RULE_WORDS.has(w)) continue;
    const point: SplitPoint = {
      s,
      idx,
      p,
      i,
      w,
      next: idx[p + 1]!,
      prevIsComma,
      predBefore: firstPred >= 0 && firstPred < p,
      predSoonAfter,
    };
    for (const rule of SPLIT_RULES) {
      if (rule.on === AFTER_COMMA ? !prevIsComma : !rule.on.has(w)) continue;
      const verdict = rule.split(point);
      if (verdict === HOLD) break;
      if (verdict) return verdict;
    }
  }
  return null;
}

/** A cause is a noun phrase; coordinated causes ("X and a desire to …", "by X and by Y") are split. */
function splitCause(s: Sentence, idx: number[]): number[][] {
  let depth = 0;
  for (let p = 2; p < idx.length - 2; p++) {
    const t = s.tokens[idx[p]!]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth || t.lower !== "and") continue;
    const next = s.tokens[idx[p + 1]!]!.lower;
    if (/^(?:a|an|the|their|its|by|efforts?|concerns?|fears?)$/.test(next) && p >= 3 && idx.length - p >= 4) {
      const rest = idx.slice(p + 1);
      const right = s.tokens[rest[0]!]!.lower === "by" ? rest.slice(1) : rest;
      return [idx.slice(0, p), ...splitCause(s, right)];
    }
  }
  return [idx];
}

const PARALLEL_OPENERS = new Set([
  "how",
  "what",
  "whether",
  "why",
  "where",
  "when",
  "to",
  "on",
  "about",
  "over",
  "for",
  "by",
  "in",
  "against",
  "with",
  "of",
]);

/**
 * A list of parallel items opened by the same word ("how to fight, how to increase pressure and how to
 * continue …") becomes one clause per item, each keeping the words before the list.
 */
function splitParallel(s: Sentence, idx: number[]): Clause[] | null {
  for (let p = 0; p < idx.length; p++) {
    const w = s.tokens[idx[p]!]!.lower;
    if (!PARALLEL_OPENERS.has(w) || p === 0) continue;
    const starts = [p];
    for (let q = p + 1; q < idx.length - 1; q++) {
      const t = s.tokens[idx[q]!]!.lower;
      if ((t === "," || t === "and" || t === "or") && s.tokens[idx[q + 1]!]!.lower === w) starts.push(q + 1);
    }
    if (
      starts.length < 2 ||
      (w === "to" && s.tokens[idx[p + 1]!] && !starts.every((k) => s.tags[idx[k + 1]!] !== "det")) ||
      // "the backing of the board and of shareholders": "of" joins noun phrases only, no clause between.
      (w === "of" && idx.slice(p, starts[1]).some((x) => isPredicate(s.tags[x])))
    )
      continue;
    const prefix = textOf(s, idx.slice(0, p));
    const verbInPrefix = idx.slice(0, p).some((i) => isPredicate(s.tags[i]));
    const items: Clause[] = [];
    starts.forEach((from, k) => {
      let to = k + 1 < starts.length ? starts[k + 1]! - 1 : idx.length;
      while (to > from && /^(?:,|and|or)$/.test(s.tokens[idx[to - 1]!]!.lower)) to--;
      items.push({ idx: idx.slice(from, to), prefix, link: "", kind: "coordinate", verbInPrefix });
    });
    return items;
  }
  return null;
}

/** Splits one content range into atomic clauses. */
export function splitClauses(s: Sentence, range: Range): Clause[] {
  const idx: number[] = [];
  for (let i = range.from; i < range.to; i++) if (!range.skip || i < range.skip.from || i >= range.skip.to) idx.push(i);
  if (range.atomic) return [{ idx, prefix: "", link: "", kind: "main" }];
  const lifted: Clause[] = [];
  const out: Clause[] = [];
  if (s.tokens[idx[0]!]?.lower === "with") {
    absolute(s, idx.slice(1), out);
    return out;
  }
  const main = liftRelatives(s, { idx, prefix: "", link: "", kind: "main" }, lifted);
  split(s, main, out);
  for (const r of lifted) split(s, r, out);
  return out.filter((c) => c.idx.some((i) => /^[\p{L}\p{N}]/u.test(s.tokens[i]!.text)));
}

/** ", with Kyiv as the main target" → "Kyiv was the main target". */
function absolute(s: Sentence, right: number[], out: Clause[]): void {
  // ", with Marcus Rashford scoring the winner" → "Marcus Rashford scored the winner".
  const ing = right.findIndex((i, k) => k > 0 && k <= 6 && s.tags[i] === "verb-ing");
  const base = ing > 0 ? verbBase(s.tokens[right[ing]!]!.lower) : undefined;
  if (base && !right.slice(0, ing).some((i) => isPredicate(s.tags[i]) || s.tokens[i]!.text === ",")) {
    const past = s.tokens.some(
      (t, i) => /^(?:was|were|had)$/.test(t.lower) || (s.tags[i] === "verb" && isParticipleForm(t.lower)),
    );
    out.push({
      idx: right.slice(ing),
      prefix: textOf(s, right.slice(0, ing)),
      link: "",
      kind: "absolute",
      replaceFirst: past ? pastTense(base) : thirdPerson(base),
    });
    return;
  }
  const asAt = right.findIndex((i) => s.tokens[i]!.lower === "as");
  const parts = asAt > 0 ? [...right.slice(0, asAt), ...right.slice(asAt + 1)] : right;
  const at = asAt > 0 ? asAt : parts.findIndex((i, k) => k > 0 && /^(?:the|a|an)$/.test(s.tokens[i]!.lower));
  // Nouns that double as verbs ("the main target") are still nouns after the inserted "was".
  if (at > 0 && !parts.slice(0, at + 1).some((i) => isPredicate(s.tags[i]))) {
    out.push({ idx: parts, prefix: "", link: "", insert: { at, word: "was" }, kind: "absolute" });
    return;
  }
  split(s, { idx: parts, prefix: "", link: "", kind: "absolute" }, out);
}

function split(s: Sentence, clause: Clause, out: Clause[]): void {
  const cut = findSplit(s, clause.idx);
  if (!cut) {
    const parallel = splitParallel(s, clause.idx);
    if (parallel)
      for (const item of parallel)
        out.push({ ...item, prefix: [clause.prefix, clause.link, item.prefix].filter(Boolean).join(" ") });
    else out.push(clause);
    return;
  }
  const left = clause.idx.slice(0, cut.at);
  const right = clause.idx.slice(cut.at + cut.skip);
  if (left.length < 2 || right.length < 2) {
    out.push(clause);
    return;
  }
  if (cut.kind === "remark") {
    // The remark runs to the next comma; what follows it continues the main clause ("…, and to return …").
    const comma = right.findIndex((i) => s.tokens[i]!.text === ",");
    const remark = comma > 0 ? right.slice(0, comma) : right;
    const rest = comma > 0 ? right.slice(comma) : [];
    const past = left.some(
      (i) =>
        /^(?:was|were|had)$/.test(s.tokens[i]!.lower) || (s.tags[i] === "verb" && isParticipleForm(s.tokens[i]!.lower)),
    );
    split(s, { ...clause, idx: [...left, ...rest] }, out);
    out.push({ idx: remark, prefix: past ? "This was" : "This is", link: "", kind: "remark", verbInPrefix: true });
    return;
  }
  split(s, { ...clause, idx: left }, out);
  if (cut.kind === "cause") {
    for (const part of splitCause(s, right)) out.push({ idx: part, prefix: "", link: "", kind: "cause" });
    return;
  }
  if (cut.kind === "absolute") {
    absolute(s, right, out);
    return;
  }
  if (cut.kind === "result") {
    // "Shares fell after the toolmaker cut its forecast, blaming …": the nearest clause's subject acts.
    const sub = left.findLastIndex((i, k) => k > 0 && /^(?:after|when|because|since|as)$/.test(s.tokens[i]!.lower));
    const scope = sub > 0 && subjectEnd(s, left.slice(sub + 1)) ? left.slice(sub + 1) : clause.idx;
    const subj = subjectEnd(s, scope);
    const subject = subj ? textOf(s, scope.slice(subj.from, subj.to)) : "";
    const past = left.some(
      (i) =>
        s.tags[i] === "verb" && (isParticipleForm(s.tokens[i]!.lower) || /^(?:was|were|had)$/.test(s.tokens[i]!.lower)),
    );
    const prefix = [clause.prefix, subject].filter(Boolean).join(" ");
    const plural = pluralish(subject);
    // "killing two people and injuring 11": each coordinated participle is a result of its own.
    for (const part of coordinatedParticiples(s, right)) {
      const base = verbBase(s.tokens[part[0]!]!.lower)!;
      split(
        s,
        {
          idx: part,
          prefix,
          link: "",
          kind: "result",
          replaceFirst: past ? pastTense(base) : plural ? base : thirdPerson(base),
        },
        out,
      );
    }
    return;
  }
  if (cut.kind === "appositive") {
    // "held back by disagreements … and by efforts …": one clause per cause, each with the participle.
    const by = right.findIndex((i) => s.tokens[i]!.lower === "by");
    const subj = subjectEnd(s, clause.idx);
    const subject = subj ? textOf(s, clause.idx.slice(subj.from, subj.to)) : "";
    const link = pluralish(subject) ? "were" : "was";
    if (by >= 0 && by < 4) {
      const head = right.slice(0, by + 1);
      for (const part of splitCause(s, right.slice(by + 1)))
        out.push({ idx: [...head, ...part], prefix: subject, link, kind: "appositive" });
      return;
    }
    split(s, { idx: right, prefix: subject, link, kind: "appositive" }, out);
    return;
  }
  if (cut.shareSubject) {
    const subj = subjectEnd(s, clause.idx);
    const subject = subj ? textOf(s, clause.idx.slice(subj.from, subj.to)) : "";
    const prefix = clause.prefix ? `${clause.prefix} ${subject}`.trim() : subject;
    const startsWithCue = cut.kind === "coordinate" && s.tags[right[0]!] === "verb";
    split(s, { idx: right, prefix, link: "", kind: startsWithCue ? "coordinate" : cut.kind }, out);
    return;
  }
  const opener = s.tokens[clause.idx[cut.at + cut.skip - 1]!]!.lower;
  split(s, { idx: right, prefix: cut.subject ?? "", link: "", kind: cut.kind, opener }, out);
}

/** "killing two people and injuring 11" → ["killing two people", "injuring 11"]: -ing predicates joined by "and". */
function coordinatedParticiples(s: Sentence, idx: number[]): number[][] {
  for (let k = 2; k < idx.length - 1; k++) {
    const w = s.tokens[idx[k]!]!.lower;
    if ((w !== "and" && w !== ",") || s.tags[idx[k + 1]!] !== "verb-ing" || !verbBase(s.tokens[idx[k + 1]!]!.lower))
      continue;
    if (NOT_RESULTS.has(s.tokens[idx[k + 1]!]!.lower)) continue;
    const to = s.tokens[idx[k - 1]!]!.text === "," ? k - 1 : k;
    return [idx.slice(0, to), ...coordinatedParticiples(s, idx.slice(k + 1))];
  }
  return [idx];
}

/** Whether the predicate at position k of idx has a relative pronoun for its subject ("that [already] closes"). */
function relativeSubject(s: Sentence, idx: number[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && s.tags[idx[j]!] === "adv") j--;
  return j > 0 && /^(?:that|which|who)$/.test(s.tokens[idx[j]!]!.lower) && s.tags[idx[j - 1]!] !== "verb";
}
