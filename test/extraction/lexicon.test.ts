// The lexicon's lookups built from its word lists (functions/extraction/claims/lexicon/).
import { describe, expect, it } from "vitest";
import { channelOf, isMediaName } from "../../functions/extraction/claims/lexicon/channels.ts";

describe("channels and media", () => {
  it.each([
    ["Twitter", "X (Twitter)"],
    ["x (formerly Twitter)", "X (Twitter)"],
    [" TELEGRAM ", "Telegram"],
    ["Truth Social", "Truth Social"],
    ["Threads", "Threads"],
    ["LinkedIn", "LinkedIn"],
    ["Telegram channel", null],
    ["the radio", null],
  ])("reads %j as the channel %j", (words, channel) => {
    expect(channelOf(words)).toBe(channel);
  });

  it.each([
    ["Reuters", true],
    ["the Associated Press", true],
    ["BBC Radio 4", true],
    ["Fox News", true],
    ["C-SPAN", true],
    ["Fox", false],
    ["the council", false],
  ])("takes %j for a medium: %j", (name, medium) => {
    expect(isMediaName(name)).toBe(medium);
  });
});
