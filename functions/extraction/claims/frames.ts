// Attribution frames: who a sentence reports ("X said that …", "…, X said", "according to X, …", "X: …") and
// which tokens hold the reported content.
import { channelOf, isMediaName, utteranceChannel } from "./lexicon/channels.ts";
import {
  CLAUSAL_CUES,
  CUE_VERBS,
  GERUND_CUES,
  INFINITIVE_CUES,
  LISTENER_CUES,
  NOUN_CUES,
  TAIL_GERUNDS,
  WHOLE_CUES,
} from "./lexicon/cues.ts";
import { FINDING_NOUNS, UTTERANCE_NOUNS } from "./lexicon/speaker-nouns.ts";
import { WEEKDAYS } from "./lexicon/time-words.ts";
import { isPastForm } from "./lexicon/verbs.ts";
import { type Frame, type Range, rangeText, type Sentence, subSentence } from "./model.ts";
import { isPredicate, NOUN_MARKERS, verbBase } from "./pos.ts";
import { isAppositive, nounLikeVerb, STRAIGHT_OR_CURLY, speakerPhrase } from "./speaker-phrase.ts";
import type { Token } from "./tokens.ts";

const NOT_BEFORE_VERB = new Set([
  ...NOUN_MARKERS,
  ..."of initial new latest recent previous earlier media news press unconfirmed conflicting false such".split(" "),
]);
function isCueToken(s: Sentence, i: number): boolean {
  const t = s.tokens[i]!;
  if (s.quoted[i] || !CUE_VERBS.has(t.lower)) return false;
  const tag = s.tags[i];
  if (tag !== "verb" && tag !== "verb-ing") return false;
  const prev = s.tokens[i - 1]?.lower;
  const prev2 = s.tokens[i - 2]?.lower;
  const progressive = tag === "verb-ing" && isProgressive(s, i);
  // Passives and infinitives ("is expected to", "to say") and negated cues ("did not say") are not frames.
  if (prev && !progressive && /^(?:is|are|was|were|be|been|being|to|not|n't|never)$/.test(prev)) return false;
  if (prev2 && /^(?:not|n't|never)$/.test(prev2) && prev !== "also") return false;
  if (prev?.endsWith("n't")) return false;
  if (prev === "longer" && prev2 === "no") return false;
  // "secretary of state", "initial reports", "the claims": nouns, not verbs.
  if (prev && NOT_BEFORE_VERB.has(prev)) return false;
  // Gerunds open a frame only after a comma (", adding that …", ", saying …") or as a progressive ("is warning").
  if (tag === "verb-ing" && prev !== "," && !progressive) return false;
  const base = CUE_VERBS.get(t.lower);
  const next = s.tokens[i + 1]?.lower;
  // "called a vote" and "pressed ahead" are acts, not statements: only "called for", "pressed for", "called X '…'",
  // "called the charges unsubstantiated", "called him a master of …".
  if (base === "call" || base === "press") {
    if (next === "for" || next === "on") return true;
    if (s.quoted.slice(i + 1, i + 10).some(Boolean)) return true;
    return base === "call" && namesSomethingAs(s, i);
  }
  // "Some state officials", "many reports": after a quantifier a noun-like cue is a noun.
  if (NOUN_CUES.has(t.lower) && prev && /^(?:some|many|most|all|few|several|other|two|three)$/.test(prev)) return false;
  // "agreed that …" is a statement; "agreed to clean up the mines" is an act.
  if (base === "agree") return next === "that";
  // "plans to close the school" is an intention; "wanted a bigger cut" and "made plans to build" are not frames.
  if (INFINITIVE_CUES.has(base!)) return next === "to" && s.tags[i - 1] !== "verb";
  return true;
}

/** "called the charges unsubstantiated", "called her vote a mistake": an object, then what it is called. */
function namesSomethingAs(s: Sentence, cueAt: number): boolean {
  for (let k = cueAt + 2; k < s.tokens.length && k <= cueAt + 10; k++) {
    const w = s.tokens[k]!.lower;
    if (isPredicate(s.tags[k]) && !(isPastForm(w) && /^(?:word|propn|pron)$/.test(s.tags[k - 1] ?? ""))) return false;
    if (/^[,.;:]$/.test(w) || s.tags[k] === "sub") return false;
    // The object ends and its label begins: "a"/"an" after a noun, or an adjective or participle after it.
    const afterObject = /^(?:word|propn|pron)$/.test(s.tags[k - 1] ?? "") && s.tags[k - 1] !== "det";
    if (afterObject && (w === "a" || w === "an" || (isPastForm(w) && /ed$/.test(w)))) return true;
  }
  return false;
}

/** "is claiming", "are warning", "has been saying", "He's calling for": a cue in the progressive. */
function isProgressive(s: Sentence, i: number): boolean {
  const prev = s.tokens[i - 1]?.lower ?? "";
  return /^(?:is|are|was|were|been)$/.test(prev) || PRONOUN_BE.test(prev);
}
const PRONOUN_BE = /^(?:he|she|it|they|we|who)'(?:s|re)$/;

/** "for months", "for the past two years", "since the election", "since 2019". */
const DURATION =
  /^(?:\d|months|years|weeks|days|decades|hours|a (?:long time|while|year|month|week|decade)|some time|(?:the )?(?:past|last)\b|several|many|(?:a )?few|two|three|four|five|ten|the (?:election|start|beginning|war|attack|vote))/i;

/** Modifiers after a cue: "on Friday", "in a statement", "on X", "on condition of anonymity", "to reporters". */
function skipCueModifiers(s: Sentence, i: number, end: number, frame: Frame): number {
  for (;;) {
    const t = s.tokens[i];
    if (!t || i >= end) return i;
    const w = t.lower;
    if (w === "of" && i === frame.cueAt + 1) {
      // "…, Mr. Burman said of Mrs. Clinton's plan." — what the remark is about, not part of the content.
      let j = i + 1;
      while (j < end && j - i <= 6 && !/^(?:,|that|:|"|“|”|'')$/.test(s.tokens[j]!.lower)) j++;
      i = j;
      continue;
    }
    if (/^(?:on|in|at|during|to|via|through|for|since)$/.test(w)) {
      // Look at the phrase up to the next comma, "that", colon or quote.
      let j = i + 1;
      while (j < end && j - i <= 7 && !/^(?:,|that|:|"|“|”)$/.test(s.tokens[j]!.lower)) j++;
      const phrase = rangeText(s, { from: i + 1, to: j });
      const channel = channelOf(phrase);
      const isTime =
        /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d|january|february|march|april|may|june|july|august|september|october|november|december|the (?:morning|evening|afternoon|day|weekend))/i.test(
          phrase,
        ) ||
        (/^(?:for|since)$/.test(w) && DURATION.test(phrase));
      if (/^(?:for|since)$/.test(w) && !isTime) return i;
      const isUtterance =
        phrase.split(" ").some((x) => UTTERANCE_NOUNS.has(x.toLowerCase()) || FINDING_NOUNS.has(x.toLowerCase())) ||
        /\b(?:conference|briefing|interview|anonymity|reporters|journalists|parliament|television|radio|podcast)\b/i.test(
          phrase,
        );
      // "in an emailed statement", "at a news conference": the kind of utterance is a channel too.
      const spoken = channel ? null : utteranceChannel(phrase);
      if (spoken) frame.via.push(spoken);
      if (channel) frame.via.push(channel);
      else if (/anonymity/i.test(phrase)) frame.anonymous = true;
      else if (isMediaName(phrase.replace(/^(?:the )?/i, ""))) frame.via.push(phrase);
      if (!(channel || isTime || isUtterance || isMediaName(phrase))) return i;
      // A phrase not followed by a clause boundary is part of the content ("said in Rome the talks …" is rare).
      if (j < end && !/^(?:,|that|:|"|“)$/.test(s.tokens[j]!.lower) && !isTime) return i;
      i = j;
      continue;
    }
    // "noted, however, that …": a sentence adverb set off by commas.
    if (
      w === "," &&
      /^(?:however|though|too|also|again|moreover|nevertheless|meanwhile|instead)$/.test(
        s.tokens[i + 1]?.lower ?? "",
      ) &&
      s.tokens[i + 2]?.text === ","
    ) {
      i += 3;
      continue;
    }
    if (w === "," && s.tokens[i + 1]?.lower === "in" && /line|accordance/.test(s.tokens[i + 2]?.lower ?? "")) {
      // ", in line with protocol": skip to the next comma.
      let j = i + 1;
      while (j < end && s.tokens[j]!.text !== ",") j++;
      i = j;
      continue;
    }
    // "said several months after her release", "said two days later".
    if (
      /^(?:a|an|several|few|two|three|four|five|six|seven|eight|nine|ten|\d+)$/.test(w) &&
      /^(?:hours?|days?|weeks?|months?|years?)$/.test(s.tokens[i + 1]?.lower ?? "")
    ) {
      i += 2;
      if (/^(?:later|earlier|ago|before|after)$/.test(s.tokens[i]?.lower ?? "")) i++;
      if (/^(?:her|his|their|the|its)$/.test(s.tokens[i]?.lower ?? "")) i += 2;
      continue;
    }
    // "said Friday", "said Tuesday night", "said this month".
    if (WEEKDAYS[w] !== undefined || /^(?:tonight|morning|afternoon|evening|night|month|year)$/.test(w)) {
      i++;
      continue;
    }
    if (
      /^(?:also|again|later|earlier|today|yesterday|publicly|privately|separately|repeatedly|previously|last|this|week)$/.test(
        w,
      )
    ) {
      i++;
      continue;
    }
    return i;
  }
}

/** After a cue: the listener ("told Reuters", "reminded them"), modifiers, then "that" or a colon. */
function contentStart(s: Sentence, cueAt: number, end: number, frame: Frame): number {
  let i = cueAt + 1;
  if (LISTENER_CUES.has(frame.cueBase)) {
    const t = s.tokens[i];
    // ("Economists warn she faces …": a subject pronoun opens the content; it is no listener.)
    if (t && t.lower !== "that" && !s.quoted[i] && !/^(?:it|he|she|they|we|i|there)$/.test(t.lower)) {
      let j = i;
      if (/^(?:them|him|her|us|me|you|reporters|journalists|lawmakers|partners|allies|participants)$/.test(t.lower))
        j = i + 1;
      else {
        // A short noun phrase: "the meeting", "Reuters", "the BBC", "Sky News".
        while (
          j < end &&
          j - i < 5 &&
          !/^(?:that|,|:|to|"|“)$/.test(s.tokens[j]!.lower) &&
          !isPredicate(s.tags[j]) &&
          !(j > i && /^(?:it|he|she|they|we|i|there)$/.test(s.tokens[j]!.lower))
        ) {
          j++;
          // A name ends where its capitals do ("CBS This Morning", "Sky News").
          if (s.tags[j - 1] === "propn" && s.tags[j] !== "propn" && !/^\p{Lu}/u.test(s.tokens[j]?.text ?? "")) break;
        }
      }
      const listener = rangeText(s, { from: i, to: j });
      if (isMediaName(listener)) frame.via.push(listener.replace(/^the /i, (m) => m));
      else {
        // "told a news conference", "told a briefing": the audience is the occasion it was said at.
        const spoken = utteranceChannel(listener);
        if (spoken) frame.via.push(spoken);
      }
      i = j;
    }
  }
  i = skipCueModifiers(s, i, end, frame);
  // "told MSNBC's “Morning Joe” that …": a programme's quoted title belongs to the listener.
  if (STRAIGHT_OR_CURLY.test(s.tokens[i]?.text ?? "") && i > cueAt + 1) {
    for (let j = i + 2; j < end && j <= i + 8; j++) {
      if (!STRAIGHT_OR_CURLY.test(s.tokens[j]!.text)) continue;
      if (s.tokens[j + 1]?.lower === "that") i = j + 1;
      break;
    }
  }
  // "told reporters at the White House that …", "wrote in his new book that …": a place or a source, then "that".
  if (s.tags[i] === "prep" && s.tokens[i]!.lower !== "that") {
    for (let j = i + 1; j < end && j <= i + 8; j++) {
      if (s.tokens[j]!.lower === "that") {
        i = j;
        break;
      }
      if (isPredicate(s.tags[j]) || s.tokens[j]!.text === "," || s.quoted[j]) break;
    }
  }
  if (s.tokens[i]?.text === ",") i++;
  if (s.tokens[i]?.lower === "that" || s.tokens[i]?.text === ":") i++;
  return i;
}

/** Is the content after a cue a clause (a proposition) rather than an object noun phrase? */
function looksLikeClause(s: Sentence, from: number, to: number, clausal = false): boolean {
  if (from >= to) return false;
  if (s.quoted[from] || STRAIGHT_OR_CURLY.test(s.tokens[from]!.text)) return true;
  const prev = s.tokens[from - 1];
  // "disputes that figure": a "that" with no verb after it is a determiner, not the start of a clause.
  if (prev?.text === ":") return true;
  if (prev?.lower === "that") return s.tags.slice(from, to).some((t) => isPredicate(t));
  for (let i = from; i < to && i < from + 20; i++) {
    const w = s.tokens[i]!.lower;
    // "the program, run by the Department of Homeland Security, has brought …": an appositive inside the subject.
    if (w === "," && i > from) {
      const next = s.tokens[i + 1];
      const opensAppositive =
        next && (/^(?:who|which|whose)$/.test(next.lower) || (s.tags[i + 1] === "verb" && isPastForm(next.lower)));
      const close = opensAppositive ? s.tokens.findIndex((t, k) => k > i + 1 && k < to && t.text === ",") : -1;
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (i > from && (w === "but" || w === "and" || w === ",")) return false;
    // "reported net income of $412 million for the quarter ended …": a preposition before the first verb
    // means an object noun phrase, not a subject.
    // After "said" or "argued", a subject may carry its own preposition ("praise from Putin would not …").
    if (s.tags[i] === "prep" && w !== "of" && !clausal) return false;
    // "said praise from Putin would not …": a bare verb form opening the content is a noun.
    if (isPredicate(s.tags[i]) && !(i === from && clausal && verbBase(w) === w)) return i > from;
  }
  return false;
}

function endOfSentence(s: Sentence): number {
  let end = s.tokens.length;
  while (end > 0 && /^[.!?…]$/.test(s.tokens[end - 1]!.text)) end--;
  return end;
}

function newFrame(cueAt: number, s: Sentence): Frame {
  const cue = s.tokens[cueAt]!.text;
  return {
    speaker: null,
    speakerText: "",
    appositives: [],
    cue,
    cueBase: CUE_VERBS.get(s.tokens[cueAt]!.lower) ?? cue.toLowerCase(),
    cueAt,
    content: [],
    more: [],
    via: [],
    anonymous: false,
    whole: false,
    rule: "",
    rest: null,
  };
}

/** "In an interview with CNN,", "Speaking on BBC Radio 4,", "In a post on X,": the channel a leading adverbial names. */
function adverbialChannels(s: Sentence, to: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < to; k++) {
    // "In a statement,", "At a news conference on Tuesday,": the utterance the report comes from.
    if (/^(?:in|at|during)$/.test(s.tokens[k]!.lower)) {
      const spoken = utteranceChannel(rangeText(s, { from: k + 1, to: Math.min(to, k + 6) }));
      if (spoken) out.push(spoken);
      continue;
    }
    if (!/^(?:on|with|to)$/.test(s.tokens[k]!.lower)) continue;
    let j = k + 1;
    while (
      j < to &&
      !/^(?:,|on|with|to|in|at|about|for|whether|if|that)$/.test(s.tokens[j]!.lower) &&
      s.tags[j] !== "sub" &&
      !isPredicate(s.tags[j])
    )
      j++;
    const phrase = rangeText(s, { from: k + 1, to: j });
    const channel = channelOf(phrase) ?? (isMediaName(phrase.replace(/^the /i, "")) ? phrase : null);
    if (channel) out.push(channel);
  }
  return out;
}

/**
 * Where the source named after "according to" ends: the whole phrase when it is of a speaker's length, else before
 * the participle or relative clause that describes it ("results of a large trial | presented on Sunday at …").
 */
function sourceEnd(s: Sentence, from: number, to: number): number | null {
  if (to - from <= 16) return to;
  for (let k = from + 2; k < from + 16; k++) {
    const w = s.tokens[k]!.lower;
    const participle = s.tags[k] === "verb" && isPastForm(w) && /^(?:word|propn)$/.test(s.tags[k - 1] ?? "");
    if (participle || /^(?:which|that|who)$/.test(w)) return k;
  }
  return null;
}

/**
 * "The bank is widely expected to hold rates", "Residents were told to leave": in the passive, the subject is not
 * who speaks (the hedge is read as certainty instead).
 */
function isPassive(s: Sentence, c: number): boolean {
  let k = c - 1;
  while (k > 0 && s.tags[k] === "adv") k--;
  return /^(?:is|are|was|were|be|been|being)$/.test(s.tokens[k]?.lower ?? "") && isPastForm(s.tokens[c]!.lower);
}

/** "According to X, …" and "…, according to X." */
function accordingTo(s: Sentence, end: number): Frame | null {
  for (let i = 0; i + 1 < end; i++) {
    if (s.quoted[i] || s.tokens[i]!.lower !== "according" || s.tokens[i + 1]!.lower !== "to") continue;
    const frame: Frame = { ...newFrame(i, s), cue: "according to", cueBase: "according to" };
    const leading =
      i === 0 ||
      (i <= 6 && s.tokens[i - 1]!.text === "," && !s.tokens.slice(0, i).some((_, k) => isPredicate(s.tags[k])));
    if (leading) {
      let j = i + 2;
      while (j < end && s.tokens[j]!.text !== ",") j++;
      if (j >= end) return null;
      // The source of "according to" may be a long description ("a survey released on Tuesday by …").
      const to = sourceEnd(s, i + 2, j);
      if (to === null) return null;
      frame.speaker = { from: i + 2, to };
      frame.speakerText = rangeText(s, frame.speaker);
      frame.content.push({ from: j + 1, to: end });
      return frame;
    }
    if (s.tokens[i - 1]?.text !== "," && s.tokens[i - 1]?.text !== "”" && s.tokens[i - 1]?.text !== '"') continue;
    let j = i + 2;
    while (j < end && s.tokens[j]!.text !== ",") j++;
    const to = sourceEnd(s, i + 2, j);
    if (to === null) continue;
    frame.speaker = { from: i + 2, to };
    frame.speakerText = rangeText(s, frame.speaker);
    frame.content.push({ from: 0, to: i - 1 });
    // "…, according to the weather service, which has issued a red warning": about the source, in our voice.
    if (j < end && /^(?:which|who)$/.test(s.tokens[j + 1]?.lower ?? ""))
      frame.appositives.push({ from: j + 1, to: end });
    else if (j < end) frame.more.push({ from: j + 1, to: end });
    return frame;
  }
  return null;
}

/** "X said (that) …", "On Friday, X told Reuters …", "X, who …, said: …". */
function leadingFrame(s: Sentence, end: number): Frame | null {
  for (let c = 1; c < end; c++) {
    if (!isCueToken(s, c)) continue;
    if (s.tags[c] === "verb-ing" && !isProgressive(s, c)) continue;
    if (isPassive(s, c)) continue;
    // The phrase before the cue, or after a leading adverbial that ends in a comma ("But X said", "On Friday, X said").
    const starts = [/^(?:but|and|yet|so|still|now|meanwhile|however|also)$/.test(s.tokens[0]!.lower) && c > 1 ? 1 : 0];
    for (let k = 0; k < c; k++) {
      if (s.tokens[k]!.text !== ",") continue;
      // A comma inside a quoted title closes the adverbial with the quotation mark after it.
      if (!s.quoted[k]) starts.push(k + 1);
      else if (STRAIGHT_OR_CURLY.test(s.tokens[k + 1]?.text ?? "") && k + 2 < c) starts.push(k + 2);
    }
    // An adverbial opened by a preposition or subordinator may hold a verb or a quoted title ("In a meeting with
    // the editorial board,", "After he won,", "On “The Steve Harvey Show,”"); any other clause may not.
    const lead = openingConjunction(s);
    // ("About 42,000 homes are …", "Over 300 people were …": a quantity, not a preposition.)
    const quantity =
      /^(?:about|around|over|under|nearly|almost|some)$/.test(s.tokens[lead]!.lower) && s.tags[lead + 1] === "num";
    const adverbial =
      !quantity && (s.tags[lead] === "prep" || s.tags[lead] === "sub" || (s.tags[lead] === "verb-ing" && lead === 0));
    for (const from of starts) {
      if (
        from > 0 &&
        !adverbial &&
        s.tokens.slice(0, from).some((t, k) => s.quoted[k] || STRAIGHT_OR_CURLY.test(t.text))
      )
        break;
      // Only an adverbial may come before the speaker ("On Friday,", "Speaking to the conference,"): no clause.
      if (from > 0 && !adverbial && s.tags.slice(1, from).some((tag) => isPredicate(tag))) break;
      const np = speakerPhrase(s, from, c);
      if (!np) continue;
      const frame = newFrame(c, s);
      frame.speaker = np.speaker;
      frame.speakerText = np.text;
      frame.appositives = np.appositives;
      if (from > 0) frame.via.push(...adverbialChannels(s, from));
      const at = contentStart(s, c, end, frame);
      if (at >= end) return null;
      // "Some drivers still complain, but most have adapted": the cue has no content; a new clause begins.
      if (s.tokens[at - 1]?.text === "," && /^(?:but|and|yet|or|so|while|although)$/.test(s.tokens[at]!.lower))
        return null;
      // "Clean Air Act rules that could lead to …": "that" before a verb opens a relative clause; "rules" is a noun.
      // ("He said that would permit …" keeps its demonstrative subject.)
      if (
        s.tokens[at - 1]?.lower === "that" &&
        NOUN_CUES.has(s.tokens[c]!.lower) &&
        isPredicate(s.tags[at]) &&
        !nounLikeVerb(s, at)
      )
        return null;
      // "A summary posted on the website set out …": a participle, not a statement; the sentence has its own verb.
      const bare = verbBase(s.tokens[at]!.lower) === s.tokens[at]!.lower && CLAUSAL_CUES.has(frame.cueBase);
      // "expects adjusted earnings of …": a participle before a noun is an adjective.
      const adjective = /ed$/.test(s.tokens[at]!.lower) && s.tags[at + 1] === "word";
      if (s.tags[at] === "verb" && s.tokens[at - 1]?.lower !== "that" && !bare && !adjective) return null;
      // "The plan, Ruiz said, would cost $3 billion": the frame interrupts the statement it reports.
      if (from > 0 && isPredicate(s.tags[at]) && s.tokens[from - 1]?.text === "," && !hasVerb(s, 0, from)) {
        frame.content.push({ from: 0, to: end, skip: { from: from - 1, to: at } });
        frame.rule = "interrupting-frame";
        return frame;
      }
      if (!looksLikeClause(s, at, end, CLAUSAL_CUES.has(frame.cueBase)) || WHOLE_CUES.has(frame.cueBase)) {
        // "the party's existing rules empower …", "coal demand from China cooled": with no proposition after it, a
        // word that is more often a noun is not a cue.
        if (NOUN_CUES.has(s.tokens[c]!.lower)) return null;
        // A clause before the speaker and nothing reported after the cue: the frame trails ("…, X said in a post").
        if (from > 0 && hasVerb(s, 0, from)) continue;
        frame.whole = true;
        frame.rule = "act-frame";
        const labels = frame.cueBase === "call" && !/^(?:for|on)$/.test(s.tokens[c + 1]?.lower ?? "");
        frame.content.push({ from, to: end, atomic: labels });
        return frame;
      }
      frame.content.push({ from: at, to: end });
      return frame;
    }
  }
  return null;
}

/** "…, X said.", "“…,” he added.", "…, said the official.", with tails (", adding that …", ", while Y said …"). */
function trailingFrame(s: Sentence, end: number): Frame | null {
  for (let c = end - 1; c > 0; c--) {
    if (!isCueToken(s, c) || s.tags[c] === "verb-ing") continue;
    // The boundary before the speaker: a comma or a closing quotation mark.
    let b = c - 1;
    while (
      b >= 0 &&
      s.tokens[b]!.text !== "," &&
      !(s.quoted[b] && STRAIGHT_OR_CURLY.test(s.tokens[b]!.text)) &&
      !(STRAIGHT_OR_CURLY.test(s.tokens[b]!.text) && b > 0 && s.quoted[b - 1])
    )
      b--;
    // After a quotation the speaker may carry appositives: "“…,” Scott Pruitt, the attorney general, one of …, said".
    if (b >= 0 && s.tokens[b]!.text === ",") {
      for (let q = b - 1; q >= 0 && q >= c - 30; q--) {
        const t = s.tokens[q]!;
        if (STRAIGHT_OR_CURLY.test(t.text) && s.quoted[q]) {
          if (q + 1 < c && speakerPhrase(s, q + 1, c)) b = q;
          break;
        }
        if (isPredicate(s.tags[q]) && !s.quoted[q]) break;
      }
    }
    if (b < 2) continue;
    const frame = newFrame(c, s);
    let after = c + 1;
    if (b === c - 1 || (b === c - 2 && s.tokens[c - 1]!.text === ",")) {
      // Inverted: "…, said the official" — the speaker follows the cue.
      let j = c + 1;
      while (j < end && s.tokens[j]!.text !== ",") j++;
      const np = speakerPhrase(s, c + 1, j, true);
      if (!np) continue;
      frame.rule = "inverted-speaker";
      frame.speaker = np.speaker;
      frame.speakerText = np.text;
      after = j;
      // "…,” said the union's general secretary, Mick Lyons.": the name is the speaker, the description its appositive.
      let k = j + 1;
      while (k < end && s.tags[k] === "propn" && /^\p{Lu}/u.test(s.tokens[k]!.text)) k++;
      if (
        s.tokens[j]?.text === "," &&
        k - j - 1 >= 1 &&
        k - j - 1 <= 4 &&
        (k === end || /^[,.]$/.test(s.tokens[k]!.text)) &&
        /^(?:the|a|an|\p{Ll}+['’]s?)$/u.test(s.tokens[c + 1]!.lower) &&
        !/^\p{Lu}/u.test(s.tokens[j - 1]!.text)
      ) {
        frame.rule = "inverted-title-speaker";
        frame.appositives.push({ from: c + 1, to: j });
        frame.speaker = { from: j + 1, to: k };
        frame.speakerText = rangeText(s, frame.speaker);
        after = k;
      } else if (s.tokens[j]?.text === "," && /^(?:the|a|an)$/.test(s.tokens[j + 1]?.lower ?? "")) {
        // "…,” said Rep. Elijah Cummings, the top Democrat on the committee, in a statement.": the speaker's appositive.
        let k = j + 1;
        while (k < end && s.tokens[k]!.text !== ",") k++;
        if (isAppositive(s, j + 1, k)) {
          frame.appositives.push({ from: j + 1, to: k });
          after = k;
        }
      }
    } else {
      const np = speakerPhrase(s, b + 1, c, false, false);
      if (!np) continue;
      frame.speaker = np.speaker;
      frame.speakerText = np.text;
      frame.appositives = np.appositives;
    }
    // "… and demand from China cooled", "…, state officials said": a noun-like cue must end its clause to trail.
    if (NOUN_CUES.has(s.tokens[c]!.lower) && after < end && !/^[,"“”]$/.test(s.tokens[after]!.text)) continue;
    // "…, X disclosed them to the AP": a cue with an object of its own is an act, not a trailing frame.
    if (
      !LISTENER_CUES.has(frame.cueBase) &&
      /^(?:them|it|him|her|this|these|those)$/.test(s.tokens[after]?.lower ?? "")
    )
      continue;
    // "…,” Merkel told reporters after the meeting …": the listener, then a circumstance.
    let tailAt = after;
    if (LISTENER_CUES.has(frame.cueBase)) {
      // "told reporters", "told the RT America audience", "told some of the miners".
      while (
        tailAt < end &&
        tailAt - after < 8 &&
        (/^(?:det|word|propn|pron|num)$/.test(s.tags[tailAt] ?? "") || s.tokens[tailAt]!.lower === "of") &&
        !STRAIGHT_OR_CURLY.test(s.tokens[tailAt]!.text)
      )
        tailAt++;
      // "…,” X told Reuters.", "…,” X told a news conference.": a medium or an occasion is a channel.
      const listener = rangeText(s, { from: after, to: tailAt });
      const channel = isMediaName(listener) ? listener : utteranceChannel(listener);
      if (channel && !frame.via.includes(channel)) frame.via.push(channel);
    }
    // "In a meeting with the board, Trump said that …": a cue followed by its content leads, it does not trail.
    const tail = skipCueModifiers(s, tailAt, end, { ...frame, via: [] });
    const circumstance = s.tags[tail] === "sub";
    // "…, leaders found little unity on …": a cue with an object is an act, not a frame that trails.
    if (
      tail < end &&
      /^(?:det|word|propn|num|pron)$/.test(s.tags[tail] ?? "") &&
      !STRAIGHT_OR_CURLY.test(s.tokens[tail]!.text)
    )
      continue;
    if (
      tail < end &&
      !circumstance &&
      (s.tokens[tail]!.lower === "that" || (s.tokens[tail]!.text !== "," && looksLikeClause(s, tail, end)))
    )
      continue;
    let contentEnd = b;
    const markOrComma = (t: Token) => t.text === "," || STRAIGHT_OR_CURLY.test(t.text);
    while (contentEnd > 0 && markOrComma(s.tokens[contentEnd - 1]!) && !s.quoted[contentEnd - 1]) contentEnd--;
    // A comma inside the closing quotation ("…,” he said) belongs to the quote, not the content.
    while (contentEnd > 0 && markOrComma(s.tokens[contentEnd - 1]!)) contentEnd--;
    if (contentEnd < 2) continue;
    // "Five years later, the numbers tell a different story": what comes before a trailing frame is a statement,
    // unless the frame interrupts it ("The plan, Ruiz said, would cost $3 billion"); "Asked whether taxes would
    // rise, Ruiz said no" opens with a participle, not a statement.
    const openQuote = s.quoted[0] || STRAIGHT_OR_CURLY.test(s.tokens[0]!.text);
    const participle = s.tags[0] === "verb" && isPastForm(s.tokens[0]!.lower) && s.tags[1] !== "word";
    if (!openQuote && participle) continue;
    const statement = openQuote || hasVerb(s, 0, contentEnd);
    frame.content.push({ from: 0, to: contentEnd });
    // The tail after the cue: modifiers, then possibly more content.
    after = skipCueModifiers(s, after, end, frame);
    // "…, he said, in a statement.": a tail of modifiers only.
    if (s.tokens[after]?.text === "," && skipCueModifiers(s, after + 1, end, frame) >= end) after = end;
    if (after < end && s.tokens[after]!.text === ",") {
      const next = s.tokens[after + 1];
      const tailFrom = after + 1;
      // ", adding that …", ", saying …": a gerund that carries the report on.
      if (next && TAIL_GERUNDS.has(next.lower)) {
        let k = tailFrom + 1;
        if (s.tokens[k]?.lower === "that" || s.tokens[k]?.text === ":") k++;
        if (k < end) frame.more.push({ from: k, to: end });
      } else if (
        next &&
        (STRAIGHT_OR_CURLY.test(next.text) ||
          (/^(?:and|but)$/.test(next.lower) && STRAIGHT_OR_CURLY.test(s.tokens[tailFrom + 1]?.text ?? "")))
      ) {
        // "“My hope,” he said, “is that …”": the quotation goes on after the frame.
        frame.more.push({ from: STRAIGHT_OR_CURLY.test(next.text) ? tailFrom : tailFrom + 1, to: end });
      } else if (next && /^(?:while|whereas)$/.test(next.lower)) {
        frame.rest = { from: tailFrom + 1, to: end };
      } else if (next && /^(?:which|who|whose)$/.test(next.lower) && frame.speaker) {
        // "…,” said Tom Baker, a manager at Hill Capital, which owns Acme shares.": about the speaker, in our voice.
        frame.appositives.push({ from: tailFrom, to: end });
      } else if (next && next.lower === "with") {
        frame.more.push({ from: tailFrom, to: end });
      } else if (tailFrom < end) {
        const tail = { from: /^(?:and|but|as)$/.test(next?.lower ?? "") ? tailFrom + 1 : tailFrom, to: end };
        const own = findFrame(subSentence(s, tail));
        if (own?.speaker) frame.rest = tail;
        else if (!s.quoted[tailFrom] && hasVerb(s, tail.from, tail.to)) {
          // "Even if the venture fails, Mr. Morgan said, he has already …", "He has a model, he said, for how …":
          // the frame interrupts one statement; the words on both sides are the speaker's.
          frame.content[0] = { from: 0, to: end, skip: { from: contentEnd, to: tailFrom } };
          frame.rule = "interrupting-frame";
        }
      }
    }
    if (!statement && !frame.content[0]!.skip) continue;
    return frame;
  }
  return null;
}

/** "X said: …" / "X wrote on X:" with the content after the colon. */
function colonFrame(s: Sentence, end: number): Frame | null {
  // (A colon that ends the sentence introduces what follows it: a list, a block quotation.)
  for (let k = 1; k < end; k++) {
    if (s.tokens[k]!.text !== ":" || s.quoted[k]) continue;
    for (let c = k - 1; c > 0 && c >= k - 6; c--) {
      if (!isCueToken(s, c)) continue;
      // After an adverbial ("Asked on the Today programme whether …, Darren Jones said:"), the speaker follows
      // its last comma.
      const opener = s.tags[0] === "prep" || s.tags[0] === "sub" || s.tags[0] === "verb-ing" || s.tags[0] === "verb";
      const comma = opener ? s.tokens.slice(0, c).findLastIndex((t, i) => t.text === "," && !s.quoted[i]) : -1;
      const whole = speakerPhrase(s, 0, c);
      const np = whole ?? (comma > 0 ? speakerPhrase(s, comma + 1, c) : null);
      if (!np) return null;
      const frame = newFrame(c, s);
      if (!whole) frame.via.push(...adverbialChannels(s, comma + 1));
      frame.speaker = np.speaker;
      frame.speakerText = np.text;
      frame.appositives = np.appositives;
      skipCueModifiers(s, c + 1, k, frame);
      if (k + 1 < end) frame.content.push({ from: k + 1, to: end });
      return frame;
    }
    return null;
  }
  return null;
}

/** "Clinton mocked the complaint, saying anyone who …": the subject of the main clause says the content. */
function gerundFrame(s: Sentence, end: number): Frame | null {
  for (let g = 3; g < end - 1; g++) {
    if (s.tags[g] !== "verb-ing" || s.tokens[g - 1]!.text !== "," || !isCueToken(s, g)) continue;
    if (!GERUND_CUES.has(CUE_VERBS.get(s.tokens[g]!.lower) ?? "")) continue;
    // The subject: after any leading adverbial, up to the main clause's first verb.
    const lead = openingConjunction(s);
    let from = lead;
    if (s.tags[lead] === "prep" || s.tags[lead] === "sub") {
      const comma = s.tokens.findIndex((t, k) => k > lead && k < g - 1 && t.text === "," && !s.quoted[k]);
      if (comma < 0) return null;
      from = comma + 1;
    }
    let verb = from;
    while (verb < g - 1 && !isPredicate(s.tags[verb]) && !s.quoted[verb]) verb++;
    if (verb >= g - 1 || verb === from || s.quoted[verb]) return null;
    const np = speakerPhrase(s, from, verb);
    if (!np) return null;
    const frame = newFrame(g, s);
    frame.speaker = np.speaker;
    frame.speakerText = np.text;
    const at = contentStart(s, g, end, frame);
    if (at >= end || !looksLikeClause(s, at, end)) return null;
    frame.content.push({ from: at, to: end });
    frame.rest = { from: 0, to: g - 1 };
    return frame;
  }
  return null;
}

const CONTRACTED_VERB = /^(?:it|that|there|he|she|what|who|here|where)'s$|'(?:re|ve|ll|d|m)$/;
const hasVerb = (s: Sentence, a: number, b: number) =>
  s.tags.slice(a, b).some((t, j) => isPredicate(t) || CONTRACTED_VERB.test(s.tokens[a + j]!.lower));

/** Does the clause open with its own "X said …" (a speaker first, then a cue)? */
function opensWithFrame(s: Sentence, from: number, to: number): boolean {
  const sub = subSentence(s, { from, to });
  const frame = leadingFrame(sub, endOfSentence(sub));
  return !!frame?.speaker && frame.speaker.from === 0;
}

/**
 * Independent clauses that each carry their own frame are read as sentences of their own: "It's an unlikely
 * scenario; Clinton's team says …", "Tapper followed up, but Obama said he …", "… fireworks on Friday:
 * Republicans said they …". A list ("in Paris; in Rome; …") and "X said: …" stay whole.
 */
export function splitIndependentClauses(s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  let continues = false;
  const n = s.tokens.length;
  for (let k = 1; k < n - 3; k++) {
    const t = s.tokens[k]!.text;
    if (s.quoted[k] || (t !== ";" && t !== ":" && t !== ",")) continue;
    let next = k + 1;
    if (t === ",") {
      if (!/^(?:but|and|yet|while|whereas)$/.test(s.tokens[k + 1]!.lower)) continue;
      next = k + 2;
    }
    if (!hasVerb(s, from, k) || !hasVerb(s, next, n)) continue;
    if (t !== ";") {
      // A colon after a cue introduces that cue's content ("X said: …").
      if (
        t === ":" &&
        s.tokens.slice(Math.max(from, k - 6), k).some((_, j) => CUE_VERBS.has(s.tokens[k - 1 - j]?.lower ?? ""))
      )
        continue;
      if (!opensWithFrame(s, next, n)) continue;
    }
    out.push({ ...subSentence(s, { from, to: k + 1 }), continues });
    continues = t === ";";
    from = next;
  }
  if (!from) return [s];
  out.push({ ...subSentence(s, { from, to: n }), continues });
  return out;
}

/** 1 when the sentence opens with a conjunction ("But officials said …"), else 0: where its first clause starts. */
export function openingConjunction(s: Sentence): number {
  return /^(?:but|and|yet|so)$/.test(s.tokens[0]?.lower ?? "") ? 1 : 0;
}

/**
 * The frame rules, in the order they are tried: the first that recognises the sentence gives its frame. A rule
 * may name the variant it found more closely (frame.rule: "inverted-title-speaker", "interrupting-frame").
 */
export const FRAME_RULES: ReadonlyArray<{ name: string; find: (s: Sentence, end: number) => Frame | null }> = [
  // "According to X, …", "…, according to X."
  { name: "according-to-frame", find: accordingTo },
  // "X said: …", "Asked …, X said: …"
  { name: "colon-frame", find: colonFrame },
  // "X said (that) …", "On Friday, X told Reuters …", "X is warning …"
  { name: "leading-frame", find: leadingFrame },
  // "…, X said.", "“…,” he added.", "…, said the official.", with tails (", adding that …")
  { name: "trailing-frame", find: trailingFrame },
  // "X mocked the complaint, saying …": the main clause's subject says the content
  { name: "gerund-frame", find: gerundFrame },
];

/** Finds the attribution frame of a sentence, if it has one. */
export function findFrame(s: Sentence): Frame | null {
  const end = endOfSentence(s);
  if (end < 3) return null;
  for (const rule of FRAME_RULES) {
    const frame = rule.find(s, end);
    if (!frame) continue;
    frame.rule ||= rule.name;
    return withoutAnonymityRequest(s, frame, end);
  }
  return null;
}

/**
 * "…, two of the people said, asking not to be named because the talks are private.": the request says the
 * sources are unnamed; it and its reason are about the reporting, not part of what they said.
 */
function withoutAnonymityRequest(s: Sentence, frame: Frame, end: number): Frame {
  for (let g = 1; g < end - 3; g++) {
    if (s.tokens[g - 1]!.text !== "," || !/^(?:asking|requesting|speaking|declining)$/.test(s.tokens[g]!.lower))
      continue;
    const tail = s.tokens.slice(g + 1, g + 8).map((t) => t.lower);
    if (!tail.some((w) => /^(?:named|identified|anonymity|anonymously)$/.test(w))) continue;
    // (Before the cue, ", speaking on condition of anonymity, said", it is the speaker's appositive.)
    if (g < frame.cueAt) return frame;
    frame.anonymous = true;
    let phraseEnd = g;
    while (phraseEnd < end && s.tokens[phraseEnd]!.text !== ",") phraseEnd++;
    const cut = (r: Range): Range | null => {
      if (r.to <= g || r.from > phraseEnd) return r;
      if (r.from >= g && r.to <= phraseEnd + 1) return null;
      if (r.from < g && r.to <= phraseEnd + 1) return { ...r, to: g - 1 };
      if (r.from < g && !r.skip) return { ...r, skip: { from: g - 1, to: phraseEnd + 1 } };
      return r;
    };
    frame.content = frame.content.map(cut).filter((r): r is Range => r !== null);
    frame.more = frame.more.map(cut).filter((r): r is Range => r !== null);
    return frame;
  }
  return frame;
}
