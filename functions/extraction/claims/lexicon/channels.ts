// Channels a statement travels through ("on X", "on Telegram") and the media a speaker talks to ("told
// Reuters", "in an interview with the BBC").
import { composeRegExp } from "../../../shared/compose-regexp.ts";
import { alternatives, exactly } from "./build.ts";

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

const CHANNEL_PATTERNS = Object.entries(CHANNELS).map(([name, spellings]) => [exactly(spellings, "i"), name] as const);
const MEDIA_NAME = exactly(MEDIA, "i");
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
  const w = words.trim();
  for (const [re, name] of CHANNEL_PATTERNS) if (re.test(w)) return name;
  return null;
}
