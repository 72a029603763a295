import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import { Tracking } from "../../functions/schemas/fact.ts";
import { track } from "../../functions/tracking/track.ts";

const article = (name: string, title: string, date: string, outlet: string, body: string) => ({
  file: name,
  extraction: extract({
    bytes: new TextEncoder().encode(JSON.stringify({ title, publishedAt: date, outlet, body })),
    fileName: name,
  }),
});

const first = article(
  "a.json",
  "Ferry runs aground off Kallvik",
  "2031-05-02T09:00:00Z",
  "Harbour Post",
  [
    "A passenger ferry ran aground off the island of Kallvik on Thursday, the coast guard said.",
    "The ferry Nordstjerna was carrying 212 passengers when it struck a sandbank near the harbour entrance.",
    "Seven people were injured, the coast guard said.",
    "The operator, Skerry Lines, said the vessel had passed its annual inspection in March.",
  ].join("\n\n"),
);
const second = article(
  "b.json",
  "Kallvik ferry grounding: passengers evacuated",
  "2031-05-02T15:00:00Z",
  "Island Radio",
  [
    "The Nordstjerna ferry, with 212 passengers on board, struck a sandbank near the harbour entrance of Kallvik.",
    "Nine people were injured, the regional hospital said.",
    "The vessel had passed its annual inspection in March, Skerry Lines said.",
    "Divers will examine the hull on Saturday.",
  ].join("\n\n"),
);

function factOf(result: Tracking, file: string, words: string): string | null {
  const claims = result.articles.find((a) => a.file === file)!.claims;
  const claim = claims.find((c) => c.text.includes(words));
  if (!claim) throw new Error(`no claim in ${file} with "${words}": ${claims.map((c) => c.text).join(" | ")}`);
  return claim.factId;
}

describe("track", () => {
  const result = track([first, second]);

  it("prints what the schema describes", () => {
    expect(() => Tracking.parse(result)).not.toThrow();
  });

  it("puts paraphrases of one proposition in one fact, explained by what they share", () => {
    const a = factOf(result, "a.json", "212 passengers");
    expect(a).not.toBeNull();
    expect(factOf(result, "b.json", "212 passengers")).toBe(a);
    const inspected = factOf(result, "b.json", "annual inspection");
    expect(inspected).toBe(factOf(result, "a.json", "annual inspection"));
    const linked = result.articles[1]!.claims.find((c) => c.text.includes("annual inspection"))!;
    expect(linked.link?.sharedWords).toEqual(expect.arrayContaining(["annual", "inspect"]));
  });

  it("keeps different figures for the same quantity apart", () => {
    const seven = factOf(result, "a.json", "Seven people");
    const nine = factOf(result, "b.json", "Nine people");
    expect(seven === null || seven !== nine).toBe(true);
  });

  it("finds the differing injury counts a conflict and a revised figure", () => {
    const id = (file: string, words: string) =>
      result.articles.find((a) => a.file === file)!.claims.find((c) => c.text.includes(words))!.id;
    const seven = id("a.json", "Seven people");
    const nine = id("b.json", "Nine people");
    expect(result.conflicts.map((c) => c.claims)).toContainEqual([seven, nine]);
    expect(result.updates).toContainEqual(expect.objectContaining({ from: seven, to: nine, kind: "revised-figure" }));
  });

  it("leaves unrelated claims alone", () => {
    expect(factOf(result, "b.json", "Divers")).toBeNull();
  });

  it("counts the outlets that corroborate a fact", () => {
    const id = factOf(result, "a.json", "212 passengers");
    const fact = result.facts.find((f) => f.id === id)!;
    expect(fact.corroboration.outlets.sort()).toEqual(["Harbour Post", "Island Radio"]);
    expect(fact.corroboration.independentSources).toBe(2);
  });
});
