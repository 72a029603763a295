import { describe, expect, it } from "vitest";
import { keysOfName, nameKey } from "../../functions/tracking/names.ts";
import { agree, quantities } from "../../functions/tracking/numbers.ts";
import { lemmas } from "../../functions/tracking/words.ts";

describe("quantities", () => {
  it.each([
    ["the port handled 4,200 containers", 4200, ""],
    ["a €3.5bn loan", 3.5e9, "eur"],
    ["a loan of 3,500 million euros", 3.5e9, "eur"],
    ["EUR 9.75 a share", 9.75, "eur/share"],
    ["a 25-year lease", 300, "month"],
    ["within two years", 24, "month"],
    ["within 24 months", 24, "month"],
    ["a 120-metre tower", 120, "m"],
    ["about 2 km of track", 2000, "m"],
    ["turnout reached 61 per cent", 61, "percent"],
    ["at least seven sailors", 7, ""],
    ["at 11:15 p.m.", 23 * 60 + 15, "clock"],
    ["founded in 1998", 1998, "year"],
    ["the ferry sails on 9 March", 309, "date"],
    ["the ferry sails on March 9", 309, "date"],
    ["the fair runs on 10-11 June", 611, "date"],
  ])("%s → %d %s", (text, value, unit) => {
    const q = quantities(text);
    expect(q.map((x) => [x.value, x.unit])).toContainEqual([value, unit]);
  });

  it("marks the figures a text rejects or changes from as not asserted", () => {
    const rejected = quantities("nine were hurt, not eleven as first reported");
    expect(rejected.map((q) => [q.value, q.negated])).toEqual([
      [9, false],
      [11, true],
    ]);
    const moved = quantities("the fare went up to €4.10 from €3.80");
    expect(moved.find((q) => q.value === 3.8)?.negated).toBe(true);
    expect(moved.find((q) => q.value === 4.1)?.negated).toBe(false);
  });

  it("reads the day of a date as a date, never as a count", () => {
    expect(quantities("on 12 May, 12 people were hurt").map((q) => q.unit)).toEqual(["date", ""]);
    expect(quantities("5 may be lost").map((q) => q.unit)).toEqual([""]);
  });

  it("reads a price per share said a few words after the figure", () => {
    expect(quantities("holders get USD 31.50 in cash for each share")[0]?.unit).toBe("usd/share");
  });

  it("ignores a word number inside a compound", () => {
    expect(quantities("a two-storey house")).toEqual([]);
  });

  it("lets an approximation or a lower bound agree with a close or higher figure", () => {
    const [about] = quantities("about 300 homes");
    const [exact] = quantities("296 homes");
    const [other] = quantities("250 homes");
    const [atLeast] = quantities("at least five boats");
    const [seven] = quantities("seven boats");
    expect(agree(about!, exact!)).toBe(true);
    expect(agree(about!, other!)).toBe(false);
    expect(agree(atLeast!, seven!)).toBe(true);
    expect(agree(exact!, other!)).toBe(false);
  });
});

describe("name keys", () => {
  it("folds transliteration variants onto one key", () => {
    expect(nameKey("Shevchenkiy")).toBe(nameKey("Shevchenky"));
    expect(nameKey("Chaikovsky")).toBe(nameKey("Tchaikovskiy".slice(1)));
    expect(nameKey("Khodorenko")).toBe(nameKey("Hodorenko"));
  });

  it("lets a name in the plural meet its singular, and keeps the s of a name that ends in one", () => {
    expect(nameKey("Gripens")).toBe(nameKey("Gripen"));
    expect(nameKey("Stingers")).toBe(nameKey("Stinger"));
    expect(nameKey("Ross")).not.toBe(nameKey("Ro"));
    expect(nameKey("Claus")).toBe("claus");
  });

  it("lets a surname alone meet the full name", () => {
    expect(keysOfName("Ingrid Valtonen")).toContain(nameKey("Valtonen"));
  });
});

describe("lemmas", () => {
  it("meets inflections and drops function words", () => {
    expect(lemmas("The inspectors inspected the pier")).toEqual(lemmas("an inspector inspects a pier"));
    expect(lemmas("three were killed")).toEqual(lemmas("three died"));
  });
});

describe("news synonyms and nominalisations", () => {
  it.each([
    ["got", "received"],
    ["obtains", "receives"],
    ["reached", "arrived"],
    ["factories", "plant"],
    ["facility", "plants"],
    ["pledged", "promised"],
    ["vows", "promise"],
    ["appointed", "hired"],
  ])("folds %j and %j onto one lemma", (a, b) => {
    expect(lemmas(a)).toEqual(lemmas(b));
  });

  it.each([
    ["the crew maintains the ferry", "maintenance of the ferry"],
    ["rockets struck the depot", "a rocket attack on the depot"],
    ["the mayor conveyed sympathy", "the mayor expressed sympathy"],
    ["the council is responsible", "responsibility stays with the council"],
  ])("folds %j and %j onto the same lemmas", (a, b) => {
    const shared = lemmas(a).filter((l) => lemmas(b).includes(l));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });
});
