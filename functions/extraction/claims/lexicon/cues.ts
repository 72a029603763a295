// Reporting verbs ("say", "warn", "deny"): one row per base verb with what the frame rules need to know of it.
// Adding a cue verb is one row; its inflections ("warned", "warns", "warning") come from lexicon/verbs.ts.
import type { AttributionKind } from "../../../schemas/claim.ts";
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
  /** Opens a frame only before an infinitive: "wants to sell" reports an intention; "wanted a bigger cut" is a
   * preference the article reports in its own voice. */
  infinitive?: boolean;
  /**
   * What the speaker is reported doing with the content (`attribution.kind`): holding it true ("believes",
   * "fears"), meaning or committing to do it ("wants", "plans", "vowed"), or judging someone or something
   * ("praised", "condemned", "endorsed"). Left out, the cue reports speech or writing: `statement`.
   */
  kind?: Exclude<AttributionKind, "statement">;
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
  accuse: { kind: "evaluation" },
  allege: { gerund: true },
  suggest: { that: true, gerund: true, hedges: "possible" },
  believe: { that: true, hedges: "probable", kind: "belief" },
  estimate: { hedges: "probable", noun: true },
  predict: { that: true, gerund: true, hedges: "probable" },
  expect: { hedges: "probable", kind: "belief" },
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
  promise: { act: true, noun: true, kind: "intention" },
  pledge: { act: true, noun: true, kind: "intention" },
  vow: { act: true, kind: "intention" },
  threaten: { act: true, kind: "intention" },
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
  fear: { hedges: "possible", noun: true, kind: "belief" },
  think: { that: true, hedges: "probable", kind: "belief" },
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
  anticipate: { hedges: "probable", kind: "belief" },
  assure: { listener: true },
  reassure: { listener: true },
  boast: {},
  lament: { kind: "evaluation" },
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
  characterise: { act: true, kind: "evaluation" },
  characterize: { act: true, kind: "evaluation" },
  label: { act: true, noun: true, kind: "evaluation" },
  dismiss: { act: true, negates: true },
  clarify: {},
  point: { noun: true },
  underline: {},
  highlight: {},
  order: { act: true, noun: true },
  instruct: { act: true },
  advise: { listener: true, act: true },
  press: {},
  blame: { kind: "evaluation" },
  cite: {},
  agree: { that: true },
  suspect: { that: true, hedges: "probable", noun: true, kind: "belief" },
  hope: { that: true, hedges: "possible", noun: true, kind: "belief" },
  want: { act: true, infinitive: true, kind: "intention" },
  plan: { act: true, infinitive: true, kind: "intention" },
  intend: { act: true, infinitive: true, kind: "intention" },
  aim: { act: true, infinitive: true, kind: "intention" },
  praise: { act: true, noun: true, kind: "evaluation" },
  criticise: { act: true, kind: "evaluation" },
  criticize: { act: true, kind: "evaluation" },
  condemn: { act: true, kind: "evaluation" },
  hail: { act: true, noun: true, kind: "evaluation" },
  slam: { act: true, kind: "evaluation" },
  endorse: { act: true, kind: "evaluation" },
  welcome: { act: true, noun: true, kind: "evaluation" },
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
export const INFINITIVE_CUES = basesWith((c) => c.infinitive);
/** What a cue reports the speaker doing with the content: a cue verb's `kind`, else `statement` ("according to", a
 * colon before a quotation, a quotation continuing one attributed before it, no cue at all). */
export function kindOfCue(cue: string | null): AttributionKind {
  const base = cue === null ? undefined : CUE_VERBS.get(cue.toLowerCase());
  return (base && CUES[base]!.kind) || "statement";
}
/** Cue forms that are more often nouns ("rules", "claim"). */
export const NOUN_CUES: ReadonlySet<string> = new Set(bases.filter((b) => CUES[b]!.noun).flatMap((b) => [b, sForm(b)]));
/** The gerunds that carry a trailing frame on: "adding", "saying", "noting". */
export const TAIL_GERUNDS: ReadonlySet<string> = new Set(
  [...CUE_VERBS].filter(([form, base]) => form.endsWith("ing") && CUES[base]!.tail).map(([form]) => form),
);
