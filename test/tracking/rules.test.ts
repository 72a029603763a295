// Spec tests of tracking's rules, one `describe` per rule, each on sentences written for it.
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import type { Claim } from "../../functions/schemas/claim.ts";
import { type ClaimFeatures, featuresOf } from "../../functions/tracking/features.ts";
import { FactIndex } from "../../functions/tracking/link.ts";
import { quantities } from "../../functions/tracking/numbers.ts";
import { differingQuantity } from "../../functions/tracking/same-quantity.ts";
import { oppositeStance, similarity, TermStats } from "../../functions/tracking/similarity.ts";
import { track } from "../../functions/tracking/track.ts";
import { claim } from "./claims.ts";

const f = (text: string, more: Partial<Claim> = {}): ClaimFeatures => featuresOf(claim("c", text, more), "a", 0);

describe("rule: negation is read from the wording and the cue, not from a rejected figure", () => {
  it("a denial cue over a positive wording negates the claim", () => {
    expect(f("the ferry operator had received a warning", { polarity: "negative" }).negated).toBe(true);
  });

  it("a negation in the wording negates the claim, whatever the extractor read", () => {
    expect(f("the council had no warning whatsoever").negated).toBe(true);
  });

  it("a rejected figure does not negate the claim", () => {
    expect(f("nine crew were rescued, not eleven", { polarity: "negative" }).negated).toBe(false);
    expect(f("the levy is 4 per cent rather than 6 per cent").negated).toBe(false);
  });

  it("denied X and not-X assert the same; X and not-X are opposite", () => {
    const denied = f("the mill had received an offer", { polarity: "negative" });
    const not = f("the mill had not received any offer", { polarity: "negative" });
    const plain = f("the mill had received an offer");
    expect(oppositeStance(denied, not)).toBe(false);
    expect(oppositeStance(plain, not)).toBe(true);
  });
});

describe("rule: a claim is looked up by its entities, figures and rarest words", () => {
  it("finds a restatement that shares only common words with it", () => {
    // Every word of the restatement occurs in many stored claims: none is rare, yet the rarest still block.
    const index = new FactIndex();
    const words = ["coordinated", "joint", "harbour", "efforts"];
    for (let i = 0; i < 60; i++) {
      const text = `the ${words[i % 4]} plan went on in round ${i}`;
      index.addArticle([featuresOf(claim(`bg${i}-c0`, text), `bg${i}`, i)]);
    }
    index.addArticle([featuresOf(claim("x-c0", "They coordinated joint harbour efforts"), "x", 70)]);
    const probe = featuresOf(claim("y-c0", "We coordinated our joint harbour efforts"), "y", 71);
    expect(index.candidates(probe).map((c) => c.claimId)).toContain("x-c0");
  });
});

describe("rule: a word near two figures says what the nearer one measures", () => {
  it("pairs the injured count with the injured count, not with the dead", () => {
    const stats = new TermStats();
    const earlier = featuresOf(claim("e", "the storm killed at least two people and injured 9"), "a", 0);
    const later = featuresOf(claim("l", "15 people were injured"), "b", 1);
    for (const x of [earlier, later]) stats.add(x.terms);
    const pair = differingQuantity(earlier, later, stats);
    expect([pair?.earlier.value, pair?.later.value]).toEqual([9, 15]);
  });
});

describe("rule: one figure, measured alike, stands in for shared words", () => {
  const reasonOf = (a: string, b: string) => {
    const stats = new TermStats();
    const x = featuresOf(claim("x", a), "a", 0);
    const y = featuresOf(claim("y", b), "b", 1);
    for (const z of [x, y]) stats.add(z.terms);
    return similarity(x, y, stats);
  };
  it("names the figure and the word beside it that both state", () => {
    const r = reasonOf(
      "Pension funds holding roughly 31 percent of Orlan's shares have pledged to accept the offer",
      "The bidder has the backing of investors holding about 31% of the shares.",
    );
    expect(r.measure).toBe("31 percent hold");
  });
  it("a small count or a year beside the same word is not telling", () => {
    expect(reasonOf("the ferry carried 12 passengers", "the bus carried 12 passengers").measure).toBe(null);
    expect(reasonOf("the mill opened in 1998", "the school opened in 1998").measure).toBe(null);
  });
});

describe("rule: a change and a level are other quantities", () => {
  const pairOf = (a: string, b: string) => {
    const stats = new TermStats();
    const earlier = featuresOf(claim("e", a), "a", 0);
    const later = featuresOf(claim("l", b), "b", 1);
    for (const x of [earlier, later]) stats.add(x.terms);
    return differingQuantity(earlier, later, stats);
  };
  it("reads a figure right after a verb of change as a change", () => {
    expect(quantities("Orlan Foods shares jumped as much as 12%").map((q) => q.change)).toEqual([true]);
    expect(quantities("exports rose by $40 million").map((q) => q.change)).toEqual([true]);
    expect(quantities("the toll rose to 14").map((q) => q.change)).toEqual([false]);
    expect(quantities("funds holding 30% of the shares").map((q) => q.change)).toEqual([false]);
  });
  it("a jump in the shares and a holding of the shares do not conflict", () => {
    expect(pairOf("Orlan Foods shares jumped as much as 12%", "Investors holding 30% of the shares back the bid")).toBe(
      null,
    );
  });
  it("two jumps of the shares still differ", () => {
    expect(pairOf("Orlan Foods shares jumped 12%", "Orlan Foods shares jumped 19%")?.later.value).toBe(19);
  });
});

describe("rule: what a figure measures is read within its own clause", () => {
  it("does not take the words before a comma as what the figure measures", () => {
    const [q] = quantities("Set against where the shares stood in May, a 25% premium looks rich");
    expect(q?.before).toEqual([]);
    expect(q?.context.map(([, d]) => d)).toEqual([0, 1, 2]);
  });
  it("keeps a thousands separator inside a figure", () => {
    expect(quantities("the plant, with 1,900 workers, closed")[0]?.value).toBe(1900);
  });
});

describe("rule: amounts of other periods are other quantities, a tally of other days is revised", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(
        JSON.stringify({ title: "Dunmore Mills", publishedAt: date, outlet: name, body }),
      ),
      fileName: `${name}.json`,
    }),
  });
  it("two closing prices on two dates do not conflict", () => {
    const result = track([
      at(
        "a",
        "2031-05-03T18:00:00Z",
        "Dunmore Mills shares closed at €11.20 on 3 May, the exchange said. The mill employs 400 weavers, the union said.",
      ),
      at(
        "b",
        "2031-06-09T18:00:00Z",
        "Dunmore Mills shares closed at €15.10 on 9 June, the exchange said. A new loom hall opened, the company said.",
      ),
    ]);
    expect(result.articles.every((a) => a.claims.length > 0)).toBe(true);
    expect(result.conflicts).toEqual([]);
  });
});

describe("rule: a later claim that rejects an earlier figure restates that quantity", () => {
  it("pairs “9, not 7 as first reported” with the earlier 7, whatever else is near", () => {
    const stats = new TermStats();
    const earlier = featuresOf(claim("e", "seven miners were trapped underground"), "a", 0);
    const later = featuresOf(claim("l", "9 miners were trapped, not seven as first reported"), "b", 1);
    for (const x of [earlier, later]) stats.add(x.terms);
    const pair = differingQuantity(earlier, later, stats);
    expect([pair?.earlier.value, pair?.later.value]).toEqual([7, 9]);
    expect(pair?.shared).toContain("not seven");
  });
});

describe("rule: a confirmation states an outcome, not another expectation", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(JSON.stringify({ title: "Ferry line", publishedAt: date, outlet: name, body })),
      fileName: `${name}.json`,
    }),
  });
  const confirmations = (later: string) =>
    track([
      at(
        "a",
        "2031-03-01T08:00:00Z",
        "The Oskar ferry line could resume sailings to Harnö in April, the operator said.",
      ),
      at("b", "2031-04-02T08:00:00Z", later),
    ]).updates.filter((u) => u.kind === "confirmation");

  it("an expectation repeated is no confirmation", () => {
    expect(
      confirmations("The Oskar ferry line is expected to resume sailings to Harnö in April, the operator said."),
    ).toEqual([]);
  });

  it("the outcome reported confirms it", () => {
    expect(confirmations("The Oskar ferry line resumed sailings to Harnö on Monday, the operator said.")).toHaveLength(
      1,
    );
  });
});

describe("rule: a plan dated apart, or dropped by its own source, is rescheduled", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(JSON.stringify({ title: "Harbour", publishedAt: date, outlet: name, body })),
      fileName: `${name}.json`,
    }),
  });
  const kinds = (first: string, second: string) =>
    track([at("a", "2031-03-01T08:00:00Z", first), at("b", "2031-03-10T08:00:00Z", second)]).updates.map((u) => u.kind);

  it("another year for the same plan", () => {
    expect(
      kinds(
        "The new container terminal at Vellmar is expected to open in the second half of 2032, the port authority said.",
        "The new container terminal at Vellmar is now expected to open in the first half of 2033, the port authority said.",
      ),
    ).toEqual(["rescheduled"]);
  });

  it("the same speaker takes back a dated plan", () => {
    expect(
      kinds(
        "Mayor Ilse Brandt said the Kessel bridge will reopen by 14 April. Divers inspected the piers, police said.",
        "Mayor Ilse Brandt said the Kessel bridge will no longer reopen by 14 April. A ferry runs, the council said.",
      ),
    ).toEqual(["rescheduled"]);
  });
});

describe("rule: a word number is a whole word", () => {
  it.each(["the fourth quarter", "steel tendons", "they often met", "a tenfold rise", "a phase-two review"])(
    "no figure in “%s”",
    (text) => {
      expect(quantities(text)).toEqual([]);
    },
  );

  it("still reads “ten people”", () => {
    expect(quantities("ten people").map((q) => q.value)).toEqual([10]);
  });
});

describe("rule: what a figure measures is read from its own phrase", () => {
  const context = (text: string, figure: string) =>
    quantities(text)
      .find((q) => q.text === figure)
      ?.context.map(([l]) => l);

  it("reads past a decimal point and an aside in brackets", () => {
    expect(
      context("The levy raises EUR 3.5 billion (about $3.9 billion), including the port fees.", "3.5 billion"),
    ).toContain("fee");
  });

  it("stops at an “and” that opens the next figure's phrase", () => {
    const text = "The council lifted the harbour budget to €40m and the total cost of the works to €95m.";
    expect(context(text, "€40m")).not.toContain("cost");
    expect(context(text, "€95m")).toContain("cost");
  });

  it("keeps both ends of a range together", () => {
    expect(context("Analysts see a bid somewhere between €12 and €13.50.", "€13.50")).toContain("somewher");
  });
});

describe("rule: a date is a claim's own only when its words state it", () => {
  const time = { text: "February 10, 2031", start: "2031-02-10", end: "2031-02-10" };
  it("a date taken from the dateline is neither stated nor explicit", () => {
    expect(f("Halden Group will offer EUR 8.50 in cash for each share", { time }).time).toMatchObject({
      stated: false,
      explicit: false,
    });
  });
  it("a date in the claim's words is both", () => {
    expect(f("On February 10, 2031 Halden Group offered EUR 8.50 a share", { time }).time).toMatchObject({
      stated: true,
      explicit: true,
    });
  });
});

describe("rule: only an earlier bound is revised by a later figure that meets it", () => {
  const at = (name: string, date: string, body: string) => ({
    file: name,
    extraction: extract({
      bytes: new TextEncoder().encode(JSON.stringify({ title: "Pier works", publishedAt: date, outlet: name, body })),
      fileName: `${name}.json`,
    }),
  });
  const relations = (first: string, second: string) => {
    const r = track([at("a", "2031-03-01T08:00:00Z", first), at("b", "2031-03-10T08:00:00Z", second)]);
    return { updates: r.updates.map((u) => u.kind), conflicts: r.conflicts.length };
  };
  it("“at least six” then “nine” is a revised figure", () => {
    expect(
      relations(
        "The pier collapse at Osterby injured at least six people, the harbour police said. The ferry to Lund was cancelled, the operator said. Three cranes stood idle, the union said.",
        "Nine people were injured in the pier collapse at Osterby, the harbour police said. Divers searched the basin, the coastguard said. The fish market stayed shut, its owner said.",
      ).updates,
    ).toContain("revised-figure");
  });
  it("“$8.2 million” then “more than $5 million” is neither a revision nor a conflict", () => {
    expect(
      relations(
        "The repair of the Osterby pier will cost $8.2 million, the harbour board said. The ferry to Lund was cancelled, the operator said. Three cranes stood idle, the union said.",
        "Any repair of the Osterby pier costing more than $5 million needs the council's approval, the harbour board said. Divers searched the basin, the coastguard said. The fish market stayed shut, its owner said.",
      ),
    ).toEqual({ updates: [], conflicts: 0 });
  });
});

describe("rule: one noun with other modifiers names other quantities", () => {
  it("a target price and a closing price differ; two reports of a closing price do not", () => {
    const stats = new TermStats();
    const closing = featuresOf(claim("e", "The stock's closing share price of €9.40 was a record"), "a", 0);
    const target = featuresOf(claim("l", "Analysts set a target price of €14"), "b", 1);
    const again = featuresOf(claim("m", "The closing share price of €11.20 was a record"), "c", 2);
    for (const x of [closing, target, again]) stats.add(x.terms);
    expect(differingQuantity(closing, target, stats)).toBeNull();
    expect(differingQuantity(closing, again, stats)?.later.value).toBe(11.2);
  });
});

describe("rule: a shared count says nothing when the two figures count different things", () => {
  const judged = (x: string, y: string) => {
    const stats = new TermStats();
    const a = featuresOf(claim("a-c0", x), "a", 0);
    const b = featuresOf(claim("b-c0", y), "b", 1);
    for (const g of [a, b]) stats.add(g.terms);
    return similarity(a, b, stats);
  };

  it("does not share the figure of three ferries and three inspectors", () => {
    const r = judged("three ferries sailed from the harbour at dawn", "three inspectors visited the harbour");
    expect(r.sharedNumbers).toEqual([]);
  });

  it("shares the figure of three ferries said twice", () => {
    const r = judged("three ferries sailed from the harbour at dawn", "three ferries left the harbour");
    expect(r.sharedNumbers).toEqual([":3"]);
  });

  it("shares a count whose noun one of the claims leaves unsaid", () => {
    const r = judged("the crash killed three", "three passengers were killed in the crash");
    expect(r.sharedNumbers).toEqual([":3"]);
  });
});
