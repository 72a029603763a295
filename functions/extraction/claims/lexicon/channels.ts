// Channels a statement travels through ("on X", "on Telegram") and the media a speaker talks to ("told
// Reuters", "in an interview with the BBC").
import { composeRegExp } from "../../../shared/compose-regexp.ts";
import { alternatives, exactly, exactlyOneGroupOf } from "./build.ts";

/** Each platform's name as a claim shows it, with the ways articles write it. */
export const CHANNELS: Readonly<Record<string, readonly string[]>> = {
  "X (Twitter)": ["x", "twitter", "x (twitter)", "x (formerly twitter)"],
  Telegram: ["telegram"],
  Facebook: ["facebook"],
  Instagram: ["instagram"],
  "Truth Social": ["truth social"],
  YouTube: ["youtube"],
  TikTok: ["tiktok"],
  Bluesky: ["bluesky"],
  Threads: ["threads"],
  LinkedIn: ["linkedin"],
};

/** News organisations and words for the press: a listener or a channel, never the speaker's content. */
export const MEDIA = [
  "reuters",
  "ap",
  "afp",
  "bloomberg",
  "bbc",
  "cnn",
  "the associated press",
  "associated press",
  "agence france-presse",
  "dpa",
  "tass",
  "interfax",
  "ria novosti",
  "politico",
  "axios",
  "the times",
  "the guardian",
  "financial times",
  "the new york times",
  "the washington post",
  "the wall street journal",
  "sky news",
  "nbc",
  "cbs",
  "abc",
  "fox news",
  "al jazeera",
  "european pravda",
  "ukrainska pravda",
  "der spiegel",
  "le monde",
  "reporters",
  "journalists",
  "the media",
  "the press",
] as const;

/** Broadcasters whose name opens a programme's or station's ("BBC Radio 4", "CNN's State of the Union"). */
export const BROADCASTERS = [
  "BBC",
  "CNN",
  "NBC",
  "CBS",
  "ABC",
  "NPR",
  "ITV",
  "MSNBC",
  "CNBC",
  "PBS",
  "C-SPAN",
] as const;
/** Brands that name a station only with more after them ("Fox News", "Sky Sports"). */
export const BROADCASTER_BRANDS = ["Fox", "Sky", "Al Jazeera"] as const;

const CHANNEL_NAMES = Object.keys(CHANNELS);
/** One group per channel, in the order of CHANNELS: the first group that matches names the channel. */
const CHANNEL = composeRegExp(exactlyOneGroupOf(Object.values(CHANNELS)), "i");
const MEDIA_NAME = composeRegExp(exactly(MEDIA), "i");
const BROADCASTER_PREFIX = composeRegExp(
  `^(?:${alternatives(BROADCASTERS)})\\b|^(?:${alternatives(BROADCASTER_BRANDS)})\\s+\\p{Lu}`,
  "u",
);

export function isMediaName(s: string): boolean {
  const t = s.trim();
  return MEDIA_NAME.test(t) || BROADCASTER_PREFIX.test(t);
}

/** The channel named by a prepositional phrase ("on X", "on Telegram"), canonicalised. */
export function channelOf(words: string): string | null {
  const m = CHANNEL.exec(words.trim());
  const group = m ? m.findIndex((g, k) => k > 0 && g !== undefined) : -1;
  return group > 0 ? CHANNEL_NAMES[group - 1]! : null;
}

/** Kinds of utterance a statement is made in ("in a statement", "at a news conference", "told a briefing"). */
export const UTTERANCE_CHANNELS = [
  "statement",
  "news conference",
  "press conference",
  "news briefing",
  "press briefing",
  "briefing",
  "interview",
  "email",
  "e-mail",
  "letter",
  "speech",
  "press release",
  "news release",
  "memo",
  "phone call",
  "call",
  "radio address",
  "televised address",
  "address",
  "video",
  "blog post",
  "op-ed",
  "podcast",
  "filing",
  "testimony",
] as const;

/** Words that say how an utterance was delivered: "an emailed statement", "a phone interview". */
export const UTTERANCE_MODIFIERS = [
  "emailed",
  "e-mailed",
  "written",
  "joint",
  "brief",
  "short",
  "separate",
  "later",
  "earlier",
  "new",
  "video",
  "recorded",
  "televised",
  "television",
  "tv",
  "radio",
  "phone",
  "telephone",
  "exclusive",
  "open",
  "regulatory",
  "stock exchange",
] as const;

// recheck: applied to a phrase of at most eight tokens (skipCueModifiers, adverbialChannels, listeners).
const UTTERANCE_CHANNEL = composeRegExp(
  `^(?:(?:the|a|an|its|his|her|their|our|one)\\s+)?((?:(?:${alternatives(UTTERANCE_MODIFIERS)})\\s+)*(?:${alternatives(UTTERANCE_CHANNELS)}))(?![\\p{L}-])`,
  "iu",
);

/**
 * The kind of utterance a phrase names, with how it was delivered ("an emailed statement late Tuesday" →
 * "emailed statement", "a news conference in Toronto" → "news conference"); null when it names none.
 */
export function utteranceChannel(phrase: string): string | null {
  const m = UTTERANCE_CHANNEL.exec(phrase.trim());
  return m ? m[1]!.toLowerCase() : null;
}
