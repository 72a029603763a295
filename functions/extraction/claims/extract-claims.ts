// From a read article to atomic, attributed claims: sentences → attribution frames → atomic clauses → claims
// with speaker, certainty, polarity, time, entities and verbatim evidence.
import type { Claim } from "../../schemas/claim.ts";
import { composeRegExp } from "../../shared/compose-regexp.ts";
import type { ArticleDocument, Block } from "../reading/document.ts";
import { readAppositives } from "./appositives.ts";
import { splitClauses } from "./clauses.ts";
import { findFrame, openingConjunction, splitIndependentClauses } from "./frames.ts";
import { CUE_VERBS, NEGATING_CUES, NOUN_CUES, WHOLE_CUES } from "./lexicon/cues.ts";
import { GROUP_NOUNS } from "./lexicon/speaker-nouns.ts";
import { isPastForm } from "./lexicon/verbs.ts";
import {
  ASIDES,
  type Clause,
  type Draft,
  type Frame,
  type Range,
  type Sentence,
  type Speaker,
  subSentence,
} from "./model.ts";
import { NameBook, runsOf } from "./names.ts";
import { isPredicate } from "./pos.ts";
import { ShortReferences } from "./references.ts";
import { renderDrafts } from "./render.ts";
import { findQuotes, makeSentence, type Span, splitSentences, tokenizeSpan } from "./segment.ts";
import { SpeakerBook } from "./speakers.ts";
import { toClaims } from "./to-claims.ts";
import { isCapitalized, type Token } from "./tokens.ts";

/** What the reading stage keeps while it reads the article's blocks in order; no other stage sees it. */
interface Context {
  text: string;
  /** The block being read. */
  block: Block | null;
  names: NameBook;
  speakers: SpeakerBook;
  drafts: Draft[];
  /** The speaker of the last attributed sentence, for quotations that continue it. */
  lastSpeaker: Speaker | null;
  /** Who "he" and "she" stood for when each sentence was read, before the names it mentions; and what a
   * sentence-initial "it" stands for: the subject of the sentence before, when that was a definite thing. */
  pronouns: WeakMap<Sentence, Record<"male" | "female" | "it", string | null>>;
  /** The unfinished clause a list is introduced with ("The deal includes:"), for the list's items. */
  leadIn: string | null;
  /** The speaker of the last frame of the paragraph before and the channel it named, for the next paragraph. */
  lastChannel: { speaker: string; via: string[] } | null;
}

const LABELS_WITH_SOURCE = new Set(["details", "quote", "quotes", "statement"]);

/**
 * The claim engine, stage by stage. The reader (../reading) gives the article's blocks; segment cuts each into
 * tokens and sentences and learns the names it uses; reading the blocks in order, each sentence's frame is found
 * (frames.ts), its content split into atomic clauses (clauses.ts) and its speaker and pronouns resolved against
 * what came before (speakers.ts, names.ts), giving drafts; render gives each draft its text and evidence
 * (render.ts); time and modality make the drafts claims (to-claims.ts).
 */
export function extractClaims(doc: ArticleDocument, articleId: string): Claim[] {
  const names = new NameBook();
  const blocks = segmentBlocks(doc, names);
  const drafts = draftClaims(doc, blocks, names);
  const rendered = renderDrafts(doc.text, new ShortReferences(doc.text), drafts);
  return toClaims(rendered, { text: doc.text, names, wire: wireCredit(doc) }, doc, articleId);
}

/** A block of the article with its interview turn, if any, and its tokens after the turn's label. */
interface SegmentedBlock {
  block: Block;
  turn: Turn | null;
  tokens: Token[];
}

/** Segment: every block's tokens; the names the title and the blocks use are learnt before any is read. */
function segmentBlocks(doc: ArticleDocument, names: NameBook): SegmentedBlock[] {
  const blocks = doc.blocks.map((b) => {
    const turn = turnOf(doc.text, b);
    return { block: b, turn, tokens: tokenizeSpan(doc.text, turn?.contentStart ?? b.contentStart, b.end) };
  });
  if (doc.title) names.observe(tokenizeSpan(doc.title, 0, doc.title.length));
  for (const { tokens } of blocks) names.observe(tokens);
  return blocks;
}

/** A wire service credited in a dateline ("LONDON (Reuters) -"), when it is not the outlet itself. */
function wireCredit(doc: ArticleDocument): string | null {
  const credit = doc.blocks.find((b) => b.credit)?.credit ?? null;
  return credit && credit.toLowerCase() !== (doc.outlet ?? "").toLowerCase() ? credit : null;
}

/**
 * Frames, clause splits and coreference, block by block in reading order (a pronoun resolves against the speakers
 * before it): the drafts of the article's claims.
 */
function draftClaims(doc: ArticleDocument, blocks: SegmentedBlock[], names: NameBook): Draft[] {
  const ctx: Context = {
    text: doc.text,
    block: null,
    names,
    speakers: new SpeakerBook(names),
    drafts: [],
    lastSpeaker: null,
    pronouns: new WeakMap(),
    leadIn: null,
    lastChannel: null,
  };
  const interviewee = blocks.some((b) => b.turn?.role === "answer")
    ? intervieweeOf(
        doc,
        names,
        blocks.map((b) => b.tokens),
      )
    : null;
  let lead: LeadIn | null = null;
  for (const { block, tokens, turn } of blocks) {
    if (block.kind !== "list-item") ctx.leadIn = null;
    if (block.kind === "heading" || turn?.role === "question") {
      lead = null;
      continue;
    }
    if (block.kind === "source") {
      ctx.speakers.parseSourceLine(doc.text.slice(block.contentStart, block.end));
      continue;
    }
    let voice: Speaker | null = null;
    if (turn?.role === "answer" && interviewee) voice = ctx.speakers.resolve(interviewee);
    else if (turn?.role === "named" && turn.name) {
      // "MAYOR ANA RUIZ:" introduces the full name a later "RUIZ:" stands for.
      const name = names.canonical(titleCase(turn.name));
      names.addPerson(name);
      voice = ctx.speakers.resolve(name);
    }
    let own = tokens;
    if (!turn && block.kind === "paragraph") {
      // "Lindholm: Measured against …", "Marc Tessier: “That was wrong.”": a paragraph labelled with the name of
      // a person the article names is that person's turn (the reader may have marked the label already).
      const label = block.label
        ? null
        : NAME_LABEL.exec(doc.text.slice(block.contentStart, Math.min(block.end, block.contentStart + 60)));
      const written = block.label ?? label?.[1];
      const name = written ? names.canonical(written) : null;
      if (name && !LABELS_WITH_SOURCE.has(name.toLowerCase()) && names.classify(name) === "person") {
        voice = ctx.speakers.resolve(name);
        if (label) {
          const after = block.contentStart + label[0].length;
          own = tokens.filter((t) => t.start >= after);
        }
      }
    }
    if (block.kind === "list-item") {
      ctx.leadIn = lead?.words ?? null;
      voice ??= lead?.speaker ?? null;
    }
    readBlock(ctx, block, own, voice);
    if (block.kind !== "list-item") lead = block.kind === "paragraph" ? listLeadIn(ctx, tokens) : null;
  }
  return ctx.drafts;
}

/** How a paragraph ending in a colon introduces the list below it. */
interface LeadIn {
  /** "The deal includes": words each item completes. */
  words: string | null;
  /** "The minister said:": who states each item. */
  speaker: Speaker | null;
}

function listLeadIn(ctx: Context, tokens: Token[]): LeadIn | null {
  if (tokens.at(-1)?.text !== ":") return null;
  const sentence = splitSentences(ctx.text, tokens).at(-1) ?? [];
  const words = sentence.slice(0, -1);
  if (words.length < 2 || words.some((t) => /^["“”«»]$/.test(t.text))) return null;
  const s = makeSentence(sentence, []);
  const frame = findFrame(s);
  if (frame?.speaker && !frame.content.length) {
    const speaker = ctx.speakers.resolve(speakerWords(s, frame));
    return speaker ? { words: null, speaker: ctx.speakers.withSourceChain(speaker) } : null;
  }
  const tags = s.tags.slice(0, -1);
  const last = words.at(-1)!;
  // Only an unfinished clause: "The deal includes:", "The money will go to:"; not "Key points:".
  const unfinished = tags.at(-1) === "verb" || tags.at(-1) === "prep" || last.lower === "to";
  if (!unfinished || !tags.some((t, k) => isPredicate(t) && k > 0)) return null;
  return { words: ctx.text.slice(words[0]!.start, last.end), speaker: null };
}

/** A turn of an interview or transcript: "Q: …" / "A: …" or a speaker label "WALLACE: …". */
interface Turn {
  role: "question" | "answer" | "named";
  name?: string;
  /** Where the turn's words start, after its label. */
  contentStart: number;
}

const QUESTION_LABEL = /^\s*(?:Q|Question)\s*[:.)]\s*/;
const ANSWER_LABEL = /^\s*(?:A|Answer)\s*[:.)]\s*/;
/** A name of one to three capitalised words and a colon opening a paragraph ("Lindholm: …"). */
const NAME_LABEL = /^\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})\s*:\s+/u;
const SPEAKER_LABEL = /^\s*((?:[A-Z][A-Z'’.-]{2,})(?:\s+[A-Z][A-Z'’.-]+){0,2})\s*:\s+/;

function turnOf(text: string, block: Block): Turn | null {
  const head = text.slice(block.contentStart, Math.min(block.end, block.contentStart + 60));
  const q = head.match(QUESTION_LABEL);
  if (q) return { role: "question", contentStart: block.contentStart + q[0].length };
  const a = head.match(ANSWER_LABEL);
  if (a) return { role: "answer", contentStart: block.contentStart + a[0].length };
  const n = head.match(SPEAKER_LABEL);
  if (n) return { role: "named", name: n[1]!, contentStart: block.contentStart + n[0].length };
  return null;
}

const titleCase = (name: string): string => name.toLowerCase().replace(/(^|[\s'’.-])\p{L}/gu, (m) => m.toUpperCase());

/** Who answers in a Q/A interview: the first person the title names, else the first person the text names. */
function intervieweeOf(doc: ArticleDocument, names: NameBook, blocks: Token[][]): string | null {
  const titleTokens = doc.title ? tokenizeSpan(doc.title, 0, doc.title.length) : [];
  const inTitle = names.entitiesIn(titleTokens, 0, titleTokens.length);
  const person = inTitle.find((e) => e.type === "person");
  if (person) return person.name;
  for (const tokens of blocks) {
    const first = names.entitiesIn(tokens, 0, tokens.length).find((e) => e.type === "person");
    if (first) return first.name;
  }
  return null;
}

function blockDefaultSpeaker(ctx: Context, block: Block): Speaker | null {
  if (block.cite) {
    let cite = block.cite.replace(/^[\s—–-]+/, "");
    // An embedded post's sign-off: "Maria Lopez (@SenLopez) April 10, 2025" — a name, a handle, a date.
    const handle = /(?<!\s)\s*\(@\w+\)/.exec(cite);
    if (handle) cite = cite.slice(0, handle.index);
    const [who, ...rest] = cite.split(/,\s*/);
    const speaker = ctx.speakers.resolve(who ?? cite);
    const channel = rest.join(", ");
    const channelCue = /\b(?:by|on|via|in|to)\s+(?=\S)/i.exec(channel);
    const via = handle ? "X (Twitter)" : channelCue && channel.slice(channelCue.index + channelCue[0].length);
    return speaker ? { ...speaker, via: via ? [...speaker.via, via.replace(/^the\s+/i, "")] : speaker.via } : null;
  }
  if (block.label && LABELS_WITH_SOURCE.has(block.label.toLowerCase())) return ctx.speakers.documentSource;
  return null;
}

function readBlock(ctx: Context, block: Block, tokens: Token[], voice: Speaker | null): void {
  ctx.block = block;
  const quotes = findQuotes(ctx.text, block.contentStart, block.end);
  const fallback = voice ?? blockDefaultSpeaker(ctx, block);
  const sentences = splitSentences(ctx.text, tokens)
    .map((ts) => makeSentence(ts, quotes))
    .flatMap(splitIndependentClauses);
  // First the frames, in reading order (pronouns resolve against earlier speakers), then quotations that
  // span several sentences take the speaker of the frame attached to any of them.
  let thing: string | null = null;
  const framed = sentences.map((s) => {
    ctx.speakers.nextSentence();
    const frame = s.tokens.at(-1)?.text === "?" ? null : findFrame(s);
    const words = frame?.speaker ? speakerWords(s, frame) : null;
    // In a speaker's turn of a transcript, "I" and "we" are that speaker ("We expect full service by Friday").
    const resolved = words ? (voice && /^(?:i|we)$/i.test(words) ? voice : ctx.speakers.resolve(words)) : null;
    const speaker = resolved ? ctx.speakers.withSourceChain(resolved) : null;
    if (speaker) ctx.lastSpeaker = speaker;
    ctx.pronouns.set(s, {
      male: ctx.speakers.peekPerson("male")?.name ?? null,
      female: ctx.speakers.peekPerson("female")?.name ?? null,
      it: thing,
    });
    noteNames(ctx, s);
    // (A frame that reports an act, "Acme reported a loss", keeps its subject as the sentence's thing.)
    if (s.tokens[0]?.lower !== "it") thing = frame && !frame.whole ? null : definiteSubject(ctx, s);
    return { s, frame, speaker };
  });
  // A speaker's later frames in the same paragraph that name no channel of their own were made through the
  // channel named first ("In an email, X said …. “…,” she wrote.").
  // So were the frames of the paragraph right after, when the same speaker spoke last ("In a post on X, Ruiz
  // said …" + "“…,” she wrote.").
  const channels = new Map<string, string[]>();
  if (ctx.lastChannel) channels.set(ctx.lastChannel.speaker, ctx.lastChannel.via);
  let last: { speaker: string; via: string[] } | null = ctx.lastChannel;
  for (const { frame, speaker } of framed) {
    if (!frame || !speaker) continue;
    const known = channels.get(speaker.name);
    if (frame.via.length) channels.set(speaker.name, frame.via);
    else if (known && !speaker.via.length) frame.via.push(...known);
    // (A channel carried over from the paragraph before goes no further.)
    last = { speaker: speaker.name, via: known && known === ctx.lastChannel?.via ? [] : frame.via };
  }
  ctx.lastChannel = last?.via.length && framed.some((f) => f.frame && f.speaker) ? last : null;
  const quoteSpeaker = new Map<Span, Voice>();
  for (const { s, frame, speaker } of framed) {
    if (!frame || !speaker) continue;
    // The quotation's speaker carries the channel named in its frame ("…,” Zelenskyy wrote on X).
    const voice = { speaker: { ...speaker, via: [...speaker.via, ...frame.via] }, cue: frame.cue };
    for (const q of quotesOf(s, quotes)) quoteSpeaker.set(q, voice);
  }
  let previous: Voice | null = null;
  // The voice of the sentence just read, for the clause after its semicolon.
  let justRead: Voice | null = null;
  for (const { s, frame, speaker } of framed) {
    const before = justRead;
    justRead = null;
    if (s.tokens.at(-1)?.text === "?") continue;
    if (frame && (speaker || !frame.speaker)) {
      emitFrame(ctx, s, frame, speaker);
      previous = speaker ? { speaker: { ...speaker, via: [...speaker.via, ...frame.via] }, cue: frame.cue } : null;
      justRead = previous;
      continue;
    }
    const credit = dashCredit(s);
    if (credit) {
      // "“We will rebuild every school.” — Governor Ana Ruiz".
      const who = ctx.speakers.resolve(
        s.tokens
          .slice(credit + 1)
          .map((t) => t.text)
          .join(" "),
      );
      if (who) {
        emitContent(ctx, s, { from: 0, to: credit }, who, null, who.via, true, null);
        previous = { speaker: who, cue: null };
        justRead = previous;
        continue;
      }
    }
    const inQuote = quotesOf(s, quotes)
      .map((q) => quoteSpeaker.get(q))
      .find(Boolean);
    // A quotation that follows an attributed one in the same paragraph continues it ("…,” Trump said. “…”).
    const quotedOnly = s.quoted.filter(Boolean).length >= s.tokens.length * 0.8;
    const lastVoice = ctx.lastSpeaker ? { speaker: ctx.lastSpeaker, cue: null } : null;
    const fallbackVoice = fallback ? { speaker: fallback, cue: null } : null;
    const forQuote = quotedOnly ? (inQuote ?? previous ?? fallbackVoice ?? lastVoice) : null;
    const voice = inQuote ?? forQuote ?? (s.continues ? before : null) ?? fallbackVoice;
    emitContent(
      ctx,
      s,
      { from: 0, to: s.tokens.length },
      voice?.speaker ?? null,
      null,
      voice?.speaker.via ?? [],
      true,
      voice?.cue ?? null,
    );
    if (voice) previous = voice;
    justRead = voice;
  }
}

const DUMMY_IT_VERBS =
  /^(?:seems?|seemed|appears?|appeared|remains?|remained|takes?|took|matters?|mattered|happens?|happened|looks?|looked|means?|meant|follows?|followed|turns?|turned|makes?|made)$/;

/** "The project includes …": a short definite subject a following "It …" can stand for. */
function definiteSubject(ctx: Context, s: Sentence): string | null {
  const from = openingConjunction(s);
  if (s.quoted[from]) return null;
  // "Acme Corp reported a loss. It also cut 500 jobs.": an organisation named as the subject.
  const run = runsOf(s).find((r) => r.from === from);
  if (run && isPredicate(s.tags[run.to]) && ctx.names.classify(run.text) === "organization") return run.text;
  if (s.tokens[from]?.lower !== "the") return null;
  let to = from + 1;
  while (to < s.tokens.length && to - from <= 6 && /^(?:word|propn)$/.test(s.tags[to] ?? "")) to++;
  if (to - from < 2 || !isPredicate(s.tags[to])) return null;
  // Plural subjects ("The talks") are "they", not "it".
  if (/[^s]s$/.test(s.tokens[to - 1]!.lower) && !/ss$/.test(s.tokens[to - 1]!.lower)) return null;
  return s.tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(" ");
}

/** The dash before a closing credit ("“…” — Governor Ana Ruiz"), when the rest of the sentence is a quotation. */
function dashCredit(s: Sentence): number | null {
  const d = s.tokens.findLastIndex((t) => /^[—–-]$/.test(t.text));
  if (d < 2 || s.tokens.length - d - 1 > 8 || s.tokens.length - d - 1 < 1) return null;
  if (!s.quoted[d - 1] || !s.tokens.slice(d + 1).every((t, k) => isCapitalized(t) || s.tags[d + 1 + k] === "punct"))
    return null;
  return d;
}

/** Who a stretch of text is attributed to, and the cue word that attributed it. */
interface Voice {
  speaker: Speaker;
  cue: string | null;
}

/** The speaker's words; a name in apposition wins over a description ("The mayor of X, Ana Ruiz, said"). */
function speakerWords(s: Sentence, frame: Frame): string {
  for (const a of frame.appositives) {
    const words = s.tokens.slice(a.from, a.to);
    if (words.length >= 2 && words.length <= 4 && words.every((t) => /^\p{Lu}/u.test(t.text)))
      return words.map((t) => t.text).join(" ");
  }
  return frame.speakerText;
}

function quotesOf(s: Sentence, quotes: Span[]): Span[] {
  const first = s.tokens[0];
  const last = s.tokens.at(-1);
  if (!first || !last) return [];
  return quotes.filter((q) => q.start < last.end && q.end > first.start);
}

const initialCaseless = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;
const GROUP_SUBJECT = composeRegExp(
  `^(?:(?:${["the", "some", "many", "most", "other", "several"].map(initialCaseless).join("|")})\\s+)?(?:[\\p{L}-]+\\s+){0,2}?` +
    `(?:${GROUP_NOUNS.map(initialCaseless).join("|")})(?:\\s+(?:at|from|of|in)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*(?:\\s+of)?\\s*)+)?`,
  "u",
);

function noteNames(ctx: Context, s: Sentence): void {
  const head = ctx.text.slice(s.tokens[0]?.start ?? 0, s.tokens[Math.min(s.tokens.length, 12) - 1]?.end ?? 0);
  const group = head.replace(/^(?:and|but|yet|so|still|now|meanwhile|however),?\s+/i, "").match(GROUP_SUBJECT);
  if (group) ctx.speakers.noteGroup(group[0].trim());
  const parenthesised = s.tokens.some((t) => t.text === "(")
    ? [...ctx.text.slice(s.tokens[0]!.start, s.tokens.at(-1)!.end).matchAll(/\(([^()]{1,40})\)/g)].map((m) => m[1]!)
    : [];
  // The last person named in a sentence is who a later "he" or "she" most likely means.
  for (const e of ctx.names.entitiesOfRuns(runsOf(s), 0, s.tokens.length)) {
    if (e.type === "person") ctx.speakers.notePerson(e.name);
    // (Not the exchange and ticker in "Northwind Logistics Inc. (NYSE: NWL)".)
    else if (e.type === "organization" && !parenthesised.some((p) => p.includes(e.name)))
      ctx.speakers.noteOrganization(e.name);
  }
}

function emitFrame(ctx: Context, s: Sentence, frame: Frame, speaker: Speaker | null): void {
  const via = [...(speaker?.via ?? []), ...frame.via];
  // "Officials, who spoke on condition of anonymity because …, said": the appositive says who they are not.
  const unnamed = frame.appositives.some((a) =>
    s.tokens.slice(a.from, a.to).some((t) => t.lower === "anonymity" || t.lower === "anonymously"),
  );
  const withFrame = speaker ? { ...speaker, anonymous: speaker.anonymous || frame.anonymous || unnamed } : null;
  frame.content.forEach((r, k) => {
    emitContent(ctx, s, r, withFrame, frame, via, k === 0);
  });
  for (const r of frame.more) emitContent(ctx, s, r, withFrame, frame, via, false);
  // Appositives of the speaker are the article's own statements ("Tarnview, which built the estate …,").
  for (const clause of readAppositives(s, frame)) pushDraft(ctx, s, clause, null, null, null, [], false);
  if (frame.rest) {
    const sub = subSentence(s, frame.rest);
    const inner = findFrame(sub);
    const resolved = inner?.speaker ? ctx.speakers.resolve(inner.speakerText) : null;
    const innerSpeaker = resolved ? ctx.speakers.withSourceChain(resolved) : null;
    if (inner && innerSpeaker) emitFrame(ctx, sub, inner, innerSpeaker);
    else emitContent(ctx, sub, { from: 0, to: sub.tokens.length }, null, null, []);
  }
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

function emitContent(
  ctx: Context,
  s: Sentence,
  r: Range,
  speaker: Speaker | null,
  frame: Frame | null,
  via: string[],
  first = true,
  inheritedCue: string | null = null,
): void {
  const clauses = splitClauses(s, r);
  clauses.forEach((whole, k) => {
    // In our own voice, a report inside a circumstance or a relative clause has its own speaker: "…, shortly
    // after Trump said he believes …", "… from listeners who said they had misgivings …".
    const cut = !speaker && !frame && !s.quoted[whole.idx[0]!] ? emitEmbeddedReport(ctx, s, whole) : null;
    const clause = cut === null ? whole : { ...whole, idx: whole.idx.slice(0, cut) };
    // "… and said the Kremlin had answered …": a coordinated cue reports more content from the same speaker.
    const head = s.tokens[clause.idx[0]!];
    if (
      clause.kind === "coordinate" &&
      head &&
      CUE_VERBS.has(head.lower) &&
      s.tags[clause.idx[0]!] === "verb" &&
      clause.idx.length > 3 &&
      // "… and demand from China cooled", "… and state officials praised …": nouns, not a second cue.
      !(NOUN_CUES.has(head.lower) && !/^(?:that|:|"|“)$/.test(s.tokens[clause.idx[1]!]?.lower ?? "")) &&
      coordinatedReport(s, clause.idx)
    ) {
      let from = 1;
      while (
        from < clause.idx.length &&
        /^(?:that|them|him|her|us|reporters|:|,)$/.test(s.tokens[clause.idx[from]!]!.lower)
      )
        from++;
      const who = speaker ?? (clause.prefix ? ctx.speakers.resolve(clause.prefix) : null);
      const cueBase = CUE_VERBS.get(head.lower) ?? null;
      const act = cueBase !== null && WHOLE_CUES.has(cueBase);
      pushDraft(
        ctx,
        s,
        // Its subject is the speaker: "X said the plan was late and called for an audit" → "X called for an audit".
        act
          ? { ...clause, prefix: who?.name ?? clause.prefix }
          : { ...clause, idx: clause.idx.slice(from), prefix: "", kind: "main" },
        who,
        head.text,
        cueBase,
        who?.via ?? via,
        true,
      );
      // "Schrems welcomed the fine but said it was too small": a person's "it" is the thing just named.
      const draft = ctx.drafts.at(-1)!;
      if (!act && who?.type === "person" && s.tokens[draft.clause.idx[0]!]?.lower === "it" && k > 0)
        draft.referent = definiteObject(s, clauses[k - 1]!) ?? draft.referent;
      return;
    }
    // "X said A, while B …" and "X says the program, run by the department, has …": outside a quotation, the
    // contrast and the background lifted out of the content are the reporter's own additions.
    const lifted = clause.kind === "relative" || clause.kind === "appositive";
    // So is a circumstance added to an act ("X promised to repair the roads, after residents complained").
    const circumstance =
      !!frame?.whole && !!clause.opener && /^(?:after|before|since|when|as|because|once|until)$/.test(clause.opener);
    const reporters =
      !!frame &&
      (clause.opener === "while" || clause.opener === "whereas" || lifted || circumstance) &&
      !s.quoted[clause.idx[0]!];
    if (reporters) {
      pushDraft(ctx, s, clause, null, null, null, [], false);
      return;
    }
    pushDraft(ctx, s, clause, speaker, frame ? frame.cue : inheritedCue, frame?.cueBase ?? null, via, first && k === 0);
  });
}

/** The definite object a clause ends on, without its article ("welcomed the fine" → "fine"), if it has one. */
function definiteObject(s: Sentence, clause: Clause): string | null {
  const idx = clause.idx.filter((i) => !/^[,.;:!?]$/.test(s.tokens[i]!.text));
  const verb = idx.findIndex((i) => s.tags[i] === "verb");
  if (verb < 0 || s.tokens[idx[verb + 1]!]?.lower !== "the") return null;
  const rest = idx.slice(verb + 2);
  if (rest.length < 1 || rest.length > 4 || rest.some((i) => !/^(?:word|propn)$/.test(s.tags[i] ?? ""))) return null;
  return rest.map((i) => s.tokens[i]!.text).join(" ");
}

/**
 * Whether a coordinated cue verb reports something: an act ("… and called for an audit"), or a statement — a clause
 * with a verb of its own, or words after "that", a colon or a quotation mark. "… and adds 12 police officers" is
 * a plain predicate whose verb can also be a cue.
 */
function coordinatedReport(s: Sentence, idx: number[]): boolean {
  const base = CUE_VERBS.get(s.tokens[idx[0]!]!.lower);
  if (base !== undefined && WHOLE_CUES.has(base)) return true;
  if (/^(?:that|:|"|“)$/.test(s.tokens[idx[1]!]?.lower ?? "")) return true;
  return idx.slice(1).some((i) => /^(?:verb|aux|modal)$/.test(s.tags[i] ?? "") || s.quoted[i]);
}

const CIRCUMSTANCE = /^(?:after|before|when|as|because|since|while|although|though|until|once|where)$/;

/**
 * Emits the report a clause holds in a subordinate or relative clause, and returns where the clause's own
 * statement ends (the circumstance or relative is cut off it), or null when there is none.
 */
function emitEmbeddedReport(ctx: Context, s: Sentence, clause: Clause): number | null {
  const idx = clause.idx;
  for (let k = 2; k < idx.length - 3; k++) {
    const i = idx[k]!;
    // Only a contiguous stretch to the clause's end can be read as a sentence of its own.
    if (s.quoted[i] || idx.at(-1)! - i !== idx.length - 1 - k) continue;
    const w = s.tokens[i]!.lower;
    let sub: Sentence | null = null;
    if (CIRCUMSTANCE.test(w) && s.tags[i] === "sub") {
      sub = subSentence(s, { from: i + 1, to: idx.at(-1)! + 1 });
    } else if (w === "who" && s.tags[i - 1] === "word" && CUE_VERBS.has(s.tokens[i + 1]!.lower)) {
      // "listeners who said …" → "listeners said …": the antecedent is the speaker.
      let a = i - 1;
      while (a > idx[0]! && /^(?:word|propn)$/.test(s.tags[a - 1] ?? "")) a--;
      const keep = [...range(a, i), ...range(i + 1, idx.at(-1)! + 1)];
      sub = {
        tokens: keep.map((x) => s.tokens[x]!),
        tags: keep.map((x) => s.tags[x]!),
        quoted: keep.map((x) => s.quoted[x]!),
      };
    }
    if (!sub) continue;
    const frame = findFrame(sub);
    if (frame?.speaker?.from !== 0 || frame.whole || !frame.content.length) continue;
    const resolved = ctx.speakers.resolve(speakerWords(sub, frame));
    if (!resolved) continue;
    emitFrame(ctx, sub, frame, ctx.speakers.withSourceChain(resolved));
    // The statement ends before the circumstance ("…, shortly after") or keeps its noun ("calls from listeners").
    let cut = k;
    while (cut > 1 && (s.tags[idx[cut - 1]!] === "adv" || s.tokens[idx[cut - 1]!]!.text === ",")) cut--;
    return cut;
  }
  return null;
}

function pushDraft(
  ctx: Context,
  s: Sentence,
  clause: Clause,
  speaker: Speaker | null,
  cue: string | null,
  cueBase: string | null,
  via: string[],
  firstOfFrame: boolean,
): void {
  // "- a 4.5% pay rise backdated to April;" under "The deal includes:" → "The deal includes a 4.5% pay rise …".
  if (ctx.leadIn && !clause.prefix && s.tokens[clause.idx[0]!]!.start === ctx.block!.contentStart)
    clause = { ...clause, prefix: ctx.leadIn, verbInPrefix: true };
  ctx.drafts.push({
    block: ctx.block!,
    referent: pronounReferent(ctx, s, clause, speaker),
    sentence: s,
    clause,
    speaker,
    cue,
    cueBase,
    // ("The state disputes that figure": a claim that holds its cue states the act, and is not negated by it.)
    negatedByCue:
      firstOfFrame && !!cueBase && NEGATING_CUES.has(cueBase) && !clause.idx.some((i) => s.tokens[i]!.text === cue),
    // A remark or a lifted relative clause is not what the cue hedges ("expects it to peak …, above the 3.7% high").
    hedgedByCue: !ASIDES.has(clause.kind),
    via,
  });
}

/** Who a clause-initial he/she/they stands for: the speaker when the clause is theirs, else the latest person. */
function pronounReferent(ctx: Context, s: Sentence, clause: Clause, speaker: Speaker | null): string | null {
  // A subject carried over to a split-off predicate may itself be a pronoun ("they oppose …, citing …").
  const carried = /^(?:he|she|they)$/i.test(clause.prefix) ? clause.prefix.toLowerCase() : null;
  if (clause.prefix && !carried) return null;
  const first = clause.idx.map((i) => s.tokens[i]!).find((t) => /^[\p{L}]/u.test(t.text));
  const p = carried ?? first?.lower;
  // "China said it was opposed", "The company said it would cut jobs": "it" is the organisation speaking.
  if (p === "it") {
    // Only in reported speech (a quotation keeps its own "it") and only for a name known to be an organisation.
    if (speaker) {
      // (A single unknown name that speaks is a body more often than a person: people are named in full first.)
      const org = ctx.names.classify(speaker.name) !== "person";
      if (!speaker.anonymous && speaker.type === "organization" && org && !s.quoted[clause.idx[0]!])
        return speaker.name;
    }
    if (s.quoted[clause.idx[0]!]) return null;
    // "The project includes … It is funded by …": the thing the sentence before was about (in the same voice) —
    // unless "it" is a dummy subject ("It is unclear whether …", "It seems …", "It was the first time …").
    // Past "will be", "has", "could": a passive ("is funded", "will be lifted") or a lexical verb ("cost") follows.
    let k = 1;
    let be = false;
    while (k < clause.idx.length && /^(?:aux|modal|adv)$/.test(s.tags[clause.idx[k]!] ?? "")) {
      be ||= /^(?:is|was|be|been|being)$/.test(s.tokens[clause.idx[k]!]!.lower);
      k++;
    }
    const v = clause.idx[k];
    if (v === undefined || s.tags[v] !== "verb") return null;
    const w = s.tokens[v]!.lower;
    const fits = be ? isPastForm(w) : !DUMMY_IT_VERBS.test(w);
    return fits ? (ctx.pronouns.get(s)?.it ?? null) : null;
  }
  if (p !== "he" && p !== "she" && p !== "they") return null;
  if (speaker) {
    if ((p === "he" || p === "she") && speaker.type === "person" && !speaker.anonymous) return speaker.name;
    // "Several residents said they plan to sue": outside a quotation, "they" is the group that speaks.
    // (So is a plural organisation: "Unions say they will push …".)
    const plural = speaker.type === "group" || (speaker.type === "organization" && /^\p{L}+[^s]s$/u.test(speaker.name));
    if (p === "they" && plural && !s.quoted[clause.idx[0]!])
      return speaker.name[0]!.toUpperCase() + speaker.name.slice(1);
  }
  if (p === "they") return null;
  const gender = p === "he" ? "male" : "female";
  // "Obama said he …": a bare name speaking is a person even when nothing else says so.
  if (
    speaker &&
    speaker.type !== "group" &&
    /^\p{Lu}[\p{Ll}'’-]+$/u.test(speaker.name) &&
    ctx.names.classify(speaker.name) === "other"
  )
    return speaker.name;
  // "Although Scott lacks …, officials say he has …": a person named earlier in the same sentence.
  const at = clause.idx[0]!;
  const before = ctx.names
    .entitiesOfRuns(runsOf(s), 0, at)
    .filter((e) => e.type === "person" && (ctx.names.genderOf(e.name) ?? gender) === gender);
  if (before.length) return before.at(-1)!.name;
  const atReading = ctx.pronouns.get(s);
  return atReading ? atReading[gender] : (ctx.speakers.peekPerson(gender)?.name ?? null);
}
