// The seven sample articles: metadata as the gold files give it, and no gold noise string left in the body.
import { describe, expect, it } from "vitest";
import { contents, readSeed } from "./support.ts";

interface SeedExpectation {
  file: string;
  title: string;
  publishedAt: string;
  authors: string[];
  outlet: string | null;
  noise: string[];
}

const SEEDS: SeedExpectation[] = [
  {
    file: "up-2025-07-07-coalition-rome.txt",
    title: "Zelenskyy announces upcoming meeting of coalition of the willing in Rome",
    publishedAt: "2025-07-07T18:07:00",
    authors: ["Oleh Pavliuk", "Alona Mazurenko"],
    outlet: null,
    noise: ["Read also", "Getty Images", "Photo:", "save trust in Brussels", "All Sections"],
  },
  {
    file: "dev-01.txt",
    title: "Zelenskyy and Starmer align positions before Coalition of the Willing meeting in Rome",
    publishedAt: "2025-07-07T18:26:00",
    authors: [],
    outlet: "Obrii News Agency",
    noise: [
      "Photo: president.gov.ua",
      "Tags:",
      "Read more",
      "Elysee: Northwood",
      "Kyiv counts the damage",
      "Subscribe to Obrii",
      "Any use of materials",
    ],
  },
  {
    file: "dev-02.html",
    title: "Coalition of the willing meets in Rome as Starmer and Macron dial in from Northwood",
    publishedAt: "2025-07-10T11:48:00+02:00",
    authors: ["Giulia Marchetti"],
    outlet: "The Continental Post",
    noise: [
      "cookies",
      "Accept all",
      "Manage preferences",
      "Subscribe from",
      "Photo: Alessio Ferri",
      "reduce its dependence",
      "prepare for Rome talks",
      "more than video calls",
      "Terms of use",
      "Continental Post Media",
      "La Nuvola",
    ],
  },
  {
    file: "dev-03.md",
    title: "Bank of England cuts rates to 4% after first-ever second vote",
    publishedAt: "2025-08-07T13:05:00+01:00",
    authors: ["Priya Castellano"],
    outlet: "Albion Money Desk",
    noise: [
      "4 min read",
      "Image: Tom Rendell",
      "Read more",
      "Fixed or tracker",
      "Morning Money newsletter",
      "sign up here",
      "albionmoneydesk.co.uk",
      "faces reporters",
    ],
  },
  {
    file: "dev-04.json",
    title: "Judge rules Tarnview Homes misled Calder Meadows buyers over flood risk",
    publishedAt: "2025-09-16T17:05:00+01:00",
    authors: ["Daniel Whitcombe", "Aisha Rahman"],
    outlet: "Northern Courier",
    noise: [
      "Photo: Northern Courier",
      "READ MORE",
      "living out of boxes",
      "Homes on the Calder Meadows estate after the February 2024 flood",
    ],
  },
  {
    file: "dev-05.txt",
    title: "Coalition of the willing to meet next week on sidelines of UK-France summit, official says",
    publishedAt: "2025-07-04T13:14:00+01:00",
    authors: ["Anna Lindqvist"],
    outlet: "Newswire",
    noise: [
      "Updated 3 hours ago",
      "Newswire/Pool",
      "Editing by",
      "Our Standards",
      "Trust Principles",
      "Suggested Topics",
      "Europe Briefing",
      "arrive for a coalition",
      "Additional reporting",
    ],
  },
  {
    file: "dev-06.txt",
    title: 'Germany in "intensive talks" to buy Patriot systems for Ukraine after US pause',
    publishedAt: "2025-07-04T19:42:00",
    authors: ["Iryna Sokolenko", "Maksym Hordiienko"],
    outlet: null,
    noise: [
      "All Sections",
      "Photo: Getty Images",
      "Read also",
      "Air defence on credit",
      "plug Ukraine's Patriot shortage",
    ],
  },
];

describe("seed articles", () => {
  for (const seed of SEEDS) {
    describe(seed.file, () => {
      const doc = readSeed(seed.file);

      it("reads title, date, authors and outlet", () => {
        expect(doc.title).toBe(seed.title);
        expect(doc.publishedAt).toBe(seed.publishedAt);
        expect(doc.authors).toEqual(seed.authors);
        expect(doc.outlet).toBe(seed.outlet);
      });

      it("keeps every gold noise string out of the body", () => {
        for (const noise of seed.noise) expect(doc.text.toLowerCase()).not.toContain(noise.toLowerCase());
      });

      it("does not repeat the title or the byline in the body", () => {
        expect(doc.text.startsWith(seed.title)).toBe(false);
        for (const author of seed.authors) expect(contents(doc)[0]).not.toMatch(new RegExp(`^(?:By )?${author}`));
      });
    });
  }

  it("labels the scraped layout's Source, Details, Quote and Background parts", () => {
    const doc = readSeed("up-2025-07-07-coalition-rome.txt");
    const source = doc.blocks.find((b) => b.kind === "source")!;
    expect(source.label).toBe("Source");
    expect(doc.text.slice(source.start, source.contentStart)).toBe("Source: ");
    expect(doc.text.slice(source.contentStart, source.end)).toBe(
      "Zelenskyy on X (Twitter), as reported by European Pravda",
    );
    const details = doc.blocks.find((b) => b.label === "Details")!;
    expect(doc.text.slice(details.start, details.contentStart)).toBe("Details: ");
    const quote = doc.blocks.find((b) => b.label === "Quote")!;
    expect(doc.text.slice(quote.contentStart, quote.end)).toMatch(/^"We agreed/);
    const bullets = doc.blocks.filter((b) => b.kind === "list-item");
    expect(bullets).toHaveLength(2);
    for (const b of bullets) {
      expect(b.label).toBe("Background");
      expect(doc.text.slice(b.start, b.contentStart)).toBe("• ");
    }
  });

  it("reads the wire dateline as a credit with content after the dash", () => {
    const doc = readSeed("dev-05.txt");
    const first = doc.blocks[0]!;
    expect(first.credit).toBe("Newswire");
    expect(doc.text.slice(first.start, first.contentStart)).toBe("LONDON, July 4 (Newswire) - ");
    expect(doc.text.slice(first.contentStart, first.end)).toMatch(/^Members of the so-called coalition/);
  });

  it("reads the HTML pull quote with its cite outside the text, and the bold update lead-in as a label", () => {
    const doc = readSeed("dev-02.html");
    const quote = doc.blocks.find((b) => b.kind === "blockquote")!;
    expect(quote.cite).toBe("Keir Starmer, in a statement released by Downing Street");
    expect(doc.text).not.toContain("in a statement released by Downing Street");
    const update = doc.blocks.find((b) => b.label?.startsWith("Update"))!;
    expect(doc.text.slice(update.contentStart, update.end)).toMatch(/^After the call, Downing Street said/);
    expect(doc.url).toBe(
      "https://www.continentalpost.eu/europe/2025/07/10/coalition-willing-rome-starmer-macron-northwood",
    );
  });

  it("reads Markdown headings, the quotation and the key-points list", () => {
    const doc = readSeed("dev-03.md");
    const headings = doc.blocks.filter((b) => b.kind === "heading").map((b) => doc.text.slice(b.start, b.end));
    expect(headings).toEqual([
      "A committee split three ways",
      "Inflation seen climbing further",
      "What happens next",
      "Key points",
    ]);
    expect(doc.blocks.filter((b) => b.kind === "blockquote")).toHaveLength(1);
    expect(doc.blocks.filter((b) => b.kind === "list-item")).toHaveLength(3);
    expect(doc.text).not.toMatch(/\*\*|\]\(|^> /m);
  });
});
