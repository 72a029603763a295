// Speaker keys: which spellings are one speaker, and what a surname alone means among the speakers who share it.
import { describe, expect, it } from "vitest";
import { keysMeant, nameWords, speakerKey, surnameOf } from "../../functions/store/speaker-names.ts";

describe("speakerKey", () => {
  it.each([
    ["Radosław Sikorski", "Radoslaw Sikorski"],
    ["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
    ["Volodymyr Zelenskyy", "VOLODYMYR ZELENSKY"],
    ["Zelenskyy", "Zelensky"],
    ["Zoë Ångström", "zoe angstrom"],
    ["Jean-Noël Barrot", "Jean Noel Barrot"],
    ["J.D. Vance", "JD Vance"],
    ["Martin O’Malley", "Martin O'Malley"],
    ["Lars Løkke Rasmussen", "Lars Lokke Rasmussen"],
    ["Keir  STARMER", "Keir Starmer"],
  ])("%s and %s are one speaker", (a, b) => {
    expect(speakerKey(a)).toBe(speakerKey(b));
  });

  it.each([
    ["Boris Johnson", "Lyndon Johnson"],
    ["Macron", "Emmanuel Macron"],
    ["Ana", "Anna"],
  ])("%s and %s are two", (a, b) => {
    expect(speakerKey(a)).not.toBe(speakerKey(b));
  });

  it("keeps names of no letters as they are, and very long names within DynamoDB's key limits", () => {
    expect(speakerKey("人民日报")).toBe("人民日报");
    expect(speakerKey("!!!")).toBe("!!!");
    const long = speakerKey("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/~[0-9a-f]{16}$/);
  });

  it("splits names into the words a prefix search matches", () => {
    expect(nameWords("Ursula von der Leyen")).toEqual(["ursula", "von", "der", "leyen"]);
  });
});

describe("surnames", () => {
  it("is the last word that is not a suffix", () => {
    expect(surnameOf(speakerKey("Martin Luther King Jr."))).toBe("king");
    expect(surnameOf(speakerKey("Macron"))).toBe("macron");
    expect(surnameOf(speakerKey("Ursula von der Leyen"))).toBe("leyen");
  });

  it("joins a surname alone and its one full name, both ways", () => {
    const group = ["emmanuel macron", "macron"];
    expect(keysMeant("macron", group)).toEqual(["emmanuel macron", "macron"]);
    expect(keysMeant("emmanuel macron", group)).toEqual(["emmanuel macron", "macron"]);
    // Nobody quoted under the surname alone: it still finds the full name.
    expect(keysMeant("macron", ["emmanuel macron"])).toEqual(["emmanuel macron"]);
  });

  it("leaves an ambiguous surname meaning only itself", () => {
    const group = ["boris johnson", "johnson", "lyndon johnson"];
    expect(keysMeant("johnson", group)).toEqual(["johnson"]);
    expect(keysMeant("boris johnson", group)).toEqual(["boris johnson"]);
    expect(keysMeant("johnson", ["boris johnson", "lyndon johnson"])).toEqual([]);
  });

  it("finds nobody under a name nobody is quoted under", () => {
    expect(keysMeant("brigitte macron", ["emmanuel macron", "macron"])).toEqual([]);
    expect(keysMeant("smith", [])).toEqual([]);
  });
});
