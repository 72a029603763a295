// Reporting verbs ("say", "warn", "deny"): one row per base verb with what the frame rules need to know of it.
// Adding a cue verb is one row; its inflections ("warned", "warns", "warning") come from lexicon/verbs.ts.
import { sForm, verbForms } from "./verbs.ts";

/** What the rules know of one cue verb. A property left out is false. */
export interface Cue {
  /** Takes a clause and almost never a noun phrase object: what follows it is a proposition ("said prices rose"). */
  that?: boolean;
  /** Its object is a listener, not the content: "told Reuters that …", "reminded them that …". */
  listener?: boolean;
  /** As a gerund after a comma it reports what the main clause's subject said: "X mocked the plan, saying …". */
  gerund?: boolean;
  /** As a gerund after a trailing frame it adds more of the speaker's content: "…, he said, adding that …". */
  tail?: boolean;
  /** Introduces an act or a description rather than a proposition: "urged allies to …", "called it a hoax". */
  act?: boolean;
  /** The speaker presents the content as expected or as merely possible, not as fact (FactBank). */
  hedges?: "probable" | "possible";
  /** The speaker rejects the content: the reported proposition is negated ("denied that …"). */
  negates?: boolean;
  /** Its base and -s forms are more often nouns ("rules", "reports"): they open a frame only before a proposition. */
  noun?: boolean;
}

export const CUES: Readonly<Record<string, Cue>> = {
  say: { that: true, gerund: true, tail: true },
  tell: { that: true, listener: true, gerund: true },
  add: { that: true, gerund: true, tail: true },
  announce: {},
  state: { gerund: true, noun: true },
  write: { gerund: true },
  post: { noun: true },
  tweet: { noun: true },
  claim: { that: true, gerund: true, noun: true },
  argue: { that: true, gerund: true, tail: true },
  insist: { that: true, gerund: true, tail: true },
  warn: { that: true, listener: true, gerund: true, tail: true },
  note: { gerund: true, tail: true, noun: true },
  report: { noun: true },
  confirm: {},
  deny: { negates: true },
  urge: { listener: true, act: true },
  explain: { that: true, gerund: true },
  describe: { tail: true, act: true },
  accuse: {},
  allege: { gerund: true },
  suggest: { that: true, gerund: true, hedges: "possible" },
  believe: { that: true, hedges: "probable" },
  estimate: { hedges: "probable", noun: true },
  predict: { that: true, gerund: true, hedges: "probable" },
  expect: { hedges: "probable" },
  forecast: { hedges: "probable", noun: true },
  reply: { noun: true },
  respond: {},
  answer: { noun: true },
  acknowledge: { that: true, gerund: true },
  admit: { that: true, gerund: true },
  concede: {},
  assert: { that: true, gerund: true },
  declare: { gerund: true },
  stress: { gerund: true },
  emphasize: {},
  emphasise: {},
  remind: { listener: true },
  promise: { act: true, noun: true },
  pledge: { act: true, noun: true },
  vow: { act: true },
  threaten: { act: true },
  ask: { listener: true, act: true },
  complain: { gerund: true },
  contend: { that: true, gerund: true },
  maintain: { that: true },
  reveal: {},
  disclose: {},
  indicate: {},
  show: {},
  demonstrate: {},
  conclude: { gerund: true },
  testify: {},
  recall: {},
  observe: {},
  comment: { noun: true },
  remark: { noun: true },
  fear: { hedges: "possible", noun: true },
  think: { that: true, hedges: "probable" },
  caution: { that: true, listener: true, gerund: true, tail: true },
  reiterate: {},
  repeat: {},
  brief: { listener: true },
  inform: { listener: true },
  find: { gerund: true, noun: true },
  rule: { gerund: true, noun: true },
  signal: { hedges: "possible", noun: true },
  hint: { hedges: "possible", noun: true },
  project: { hedges: "probable", noun: true },
  anticipate: { hedges: "probable" },
  assure: { listener: true },
  reassure: { listener: true },
  boast: {},
  lament: {},
  dispute: { negates: true },
  reject: { negates: true },
  counter: { noun: true },
  retort: {},
  quip: {},
  recount: {},
  recommend: { act: true },
  propose: { act: true },
  demand: { act: true, noun: true },
  call: { act: true, noun: true },
  characterise: { act: true },
  characterize: { act: true },
  label: { act: true, noun: true },
  dismiss: { act: true, negates: true },
  clarify: {},
  point: { noun: true },
  underline: {},
  highlight: {},
  order: { act: true, noun: true },
  instruct: { act: true },
  advise: { listener: true, act: true },
  press: {},
  blame: {},
  cite: {},
  agree: { that: true },
};

const bases = Object.keys(CUES);
const basesWith = (has: (cue: Cue) => boolean | undefined): ReadonlySet<string> =>
  new Set(bases.filter((b) => has(CUES[b]!)));

/** Every form of every cue verb: form → base. */
export const CUE_VERBS: ReadonlyMap<string, string> = verbForms(bases);
export const LISTENER_CUES = basesWith((c) => c.listener);
export const CLAUSAL_CUES = basesWith((c) => c.that);
export const GERUND_CUES = basesWith((c) => c.gerund);
export const WHOLE_CUES = basesWith((c) => c.act);
export const PROBABLE_CUES = basesWith((c) => c.hedges === "probable");
export const POSSIBLE_CUES = basesWith((c) => c.hedges === "possible");
export const NEGATING_CUES = basesWith((c) => c.negates);
/** Cue forms that are more often nouns ("rules", "claim"). */
export const NOUN_CUES: ReadonlySet<string> = new Set(bases.filter((b) => CUES[b]!.noun).flatMap((b) => [b, sForm(b)]));
/** The gerunds that carry a trailing frame on: "adding", "saying", "noting". */
export const TAIL_GERUNDS: ReadonlySet<string> = new Set(
  [...CUE_VERBS].filter(([form, base]) => form.endsWith("ing") && CUES[base]!.tail).map(([form]) => form),
);
