// The general rules the readers are built from, each on layouts beyond the seeds.
import { describe, expect, it } from "vitest";
import { noiseReason } from "../../functions/extraction/reading/boilerplate.ts";
import { parseByline } from "../../functions/extraction/reading/bylines.ts";
import { matchDateline } from "../../functions/extraction/reading/dateline.ts";
import { findDate, normalizeDate } from "../../functions/extraction/reading/dates.ts";
import { chooseFormat, sniffFormat } from "../../functions/extraction/reading/detect-format.ts";
import { matchLabel } from "../../functions/extraction/reading/labels.ts";
import { copyrightHolder, stripSiteSuffix } from "../../functions/extraction/reading/outlet.ts";

describe("dates", () => {
  const cases: Array<[string, string | null]> = [
    [" date 2025-07-07 All Sections", "2025-07-07"],
    ["Monday, 7 July 2025, 18:07", "2025-07-07T18:07:00"],
    ["18:26 07.07.2025", "2025-07-07T18:26:00"],
    ["July 4, 2025 1:14 PM GMT+1 Updated 3 hours ago", "2025-07-04T13:14:00+01:00"],
    ["10 July 2025, 11:48 CEST", "2025-07-10T11:48:00+02:00"],
    ["2025-07-10T11:48:00+02:00", "2025-07-10T11:48:00+02:00"],
    ["2025-07-10T09:48:00Z", "2025-07-10T09:48:00Z"],
    ["Tue, 16 Sep 2025 17:05:00 +0100", "2025-09-16T17:05:00+01:00"],
    ["Sept. 12, 2016", "2016-09-12"],
    ["Updated 12:03 p.m. ET, Fri July 4, 2025", "2025-07-04T12:03:00-04:00"],
    ["Jan. 15, 2025 10:00 a.m. ET", "2025-01-15T10:00:00-05:00"],
    ["Published 4 July 2025 at 9am BST", "2025-07-04T09:00:00+01:00"],
    ["4th of July 2025", "2025-07-04"],
    ["Jul 4, 2025 · 2:32 PM EDT", "2025-07-04T14:32:00-04:00"],
    ["Fri 4 Jul 2025 14.32 BST", "2025-07-04T14:32:00+01:00"],
    ["31.12.2024", "2024-12-31"],
    ["12/31/2024", "2024-12-31"],
    ["30 February 2025", null],
    ["25:61 07.07.2025", "2025-07-07"],
    ["no date at all", null],
  ];
  for (const [text, iso] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => expect(findDate(text)?.iso ?? null).toBe(iso));
  }

  it("normalises structured values: ISO kept, epoch seconds and milliseconds in UTC", () => {
    expect(normalizeDate("2025-08-07T13:05:00+01:00")).toBe("2025-08-07T13:05:00+01:00");
    expect(normalizeDate(1_752_000_000)).toBe("2025-07-08T18:40:00Z");
    expect(normalizeDate(1_752_000_000_000)).toBe("2025-07-08T18:40:00Z");
    expect(normalizeDate("soon")).toBeNull();
  });
});

describe("bylines", () => {
  it("reads names glued to a weekday", () => {
    const b = parseByline("Oleh Pavliuk, Alona MazurenkoMonday, 7 July 2025, 18:07", false)!;
    expect(b.authors).toEqual(["Oleh Pavliuk", "Alona Mazurenko"]);
    expect(b.date?.iso).toBe("2025-07-07T18:07:00");
  });

  it("reads 'By' bylines with places, wires and separators", () => {
    expect(parseByline("By Giulia Marchetti in Rome", true)?.authors).toEqual(["Giulia Marchetti"]);
    expect(parseByline("By ZEKE MILLER and JOSH BOAK, Associated Press", true)).toEqual({
      authors: ["Zeke Miller", "Josh Boak"],
      credit: "Associated Press",
    });
    const sep = parseByline("By Jane Doe | July 4, 2025, 10:00 ET", true)!;
    expect(sep.authors).toEqual(["Jane Doe"]);
    expect(sep.date?.iso).toBe("2025-07-04T10:00:00-04:00");
    expect(parseByline("Written by Ursula von der Leyen", true)?.authors).toEqual(["Ursula von der Leyen"]);
    expect(parseByline("By JOHN DOE Associated Press", true)).toEqual({
      authors: ["John Doe"],
      credit: "Associated Press",
    });
    expect(parseByline("Jane Doe | Reuters", false)).toEqual({ authors: ["Jane Doe"], credit: "Reuters" });
    expect(parseByline("By Political reporter Sam Hughes", true)?.authors).toEqual(["Sam Hughes"]);
    expect(parseByline("By Senior Business Correspondent Ana Lima", true)?.authors).toEqual(["Ana Lima"]);
    expect(parseByline("By Sam Hughes, Political reporter", true)?.authors).toEqual(["Sam Hughes"]);
  });

  it("does not take outlets, sections or sentences for names", () => {
    expect(parseByline("Northern Courier", false)).toBeNull();
    expect(parseByline("Obrii News Agency", false)).toBeNull();
    expect(parseByline("The spokesperson said one of the options", false)).toBeNull();
    expect(parseByline("Anna Lindqvist", true)).toBeNull();
    // A wire dateline before a lede is no byline, whatever number follows the dash.
    expect(
      parseByline("NEW YORK (Reuters) - Shares of Acme Corp fell 12% on Monday after a profit warning.", false),
    ).toBeNull();
  });
});

describe("date lines", () => {
  it("takes the author named after a plain-text date line", async () => {
    const { readText } = await import("./support.ts");
    const doc = readText(
      "Council approves budget\n\nPosted on March 4, 2025 by Karen Olsen\n\nThe council approved the budget.\n",
    );
    expect(doc.publishedAt).toBe("2025-03-04");
    expect(doc.authors).toEqual(["Karen Olsen"]);
  });
});

describe("wire datelines", () => {
  it("reads place, date and credit", () => {
    expect(matchDateline("LONDON, July 4 (Reuters) - Members of the coalition")).toMatchObject({
      place: "LONDON",
      credit: "Reuters",
      monthDay: { month: 7, day: 4 },
    });
    expect(matchDateline("WASHINGTON (AP) — The Senate voted")).toMatchObject({ place: "WASHINGTON", credit: "AP" });
    expect(matchDateline("KYIV, Ukraine (AFP) – Russia launched")).toMatchObject({ place: "KYIV", credit: "AFP" });
    expect(matchDateline("BRUSSELS - European leaders gathered")).toMatchObject({ place: "BRUSSELS" });
    const t = "HEMPSTEAD, N.Y. ― If it worked";
    expect(t.slice(matchDateline(t)!.contentOffset)).toBe("If it worked");
  });

  it("leaves ordinary sentences alone", () => {
    expect(matchDateline("NATO - the alliance - said on Monday")).toBeNull();
    expect(matchDateline("The minister - who was absent - said")).toBeNull();
    expect(matchDateline("A - B testing continues")).toBeNull();
  });
});

describe("page furniture", () => {
  const noise = [
    "Photo: president.gov.ua",
    "Volodymyr Zelenskyy. Photo: AFP via Getty Images",
    "[Photo: Leaders arrive in Kyiv, May 10, 2025. Newswire/Pool]",
    "Protesters gather outside parliament. (AP Photo/Evan Vucci)",
    "Image credit: Jane Smith",
    "Read also: Air defence on credit",
    "READ MORE: Calder Meadows families 'living out of boxes'",
    "Related: How the vote works",
    "Tags: #Zelenskyy #Starmer",
    "Suggested Topics: Europe · Ukraine",
    "Subscribe to Obrii on Telegram",
    "Sign up for the Europe Briefing newsletter here.",
    "Follow us on Twitter",
    "Share this article",
    "Advertisement",
    "© 2025 Obrii News Agency. Any use of materials requires a hyperlink",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "(Reporting by Anna Lindqvist; Editing by Mark Halloran)",
    "Additional reporting by Paul Deschamps in Paris",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Associated Press writer Lisa Mascaro contributed to this report.",
    "Editor's note: This story has been updated.",
    "This article was amended on 5 July 2025 to correct a name.",
    "Contact the author: jane@example.com",
    "https://example.com/story",
    "5 min read",
    "Updated 3 hours ago",
    "We use cookies to improve your experience. Accept all",
    "Share · Tweet · Email",
    "By Anna Lindqvist",
    "* * *",
    "Credit...Doug Mills/The New York Times",
    "Supported by",
    "[Editor's note: An earlier version misspelled a name.]",
    "— Associated Press",
  ];
  for (const line of noise) it(`drops ${JSON.stringify(line)}`, () => expect(noiseReason(line)).not.toBeNull());

  const prose = [
    "Germany is negotiating to acquire Patriot air defence systems in the United States.",
    "The latest Reuters/Ipsos opinion poll released Friday shows Clinton ahead.",
    "Getty Images declined to comment on the licensing dispute, a spokesperson said on Monday, adding that talks continued.",
    "Contact between the two armies resumed on Monday.",
    "Subscribers to the service will pay 5 euros more from July, the company said.",
    "Related tensions flared again in the east of the country overnight.",
    "Follow-up talks are planned for next week in Geneva.",
    "The photo agency said it had withdrawn the picture after complaints.",
    "Copyright lawyers said the ruling could affect thousands of cases.",
    "Reporters were told the minister had resigned.",
  ];
  for (const line of prose) it(`keeps ${JSON.stringify(line)}`, () => expect(noiseReason(line)).toBeNull());
});

describe("labels", () => {
  it("knows paragraph labels and source lines", () => {
    expect(matchLabel("Details: According to the spokesperson")).toMatchObject({ label: "Details", contentOffset: 9 });
    expect(matchLabel('QUOTE: "There are ways"')).toMatchObject({ label: "Quote" });
    expect(matchLabel("Background:")).toMatchObject({ label: "Background", labelOnly: true });
    expect(matchLabel("Source: Zelenskyy on X")).toMatchObject({ label: "Source", isSource: true });
    expect(matchLabel("Zelenskyy said: we will win")).toBeNull();
  });
});

describe("outlets", () => {
  it("reads copyright holders and strips title suffixes", () => {
    expect(copyrightHolder("© 2025 Obrii News Agency. Any use of materials")).toBe("Obrii News Agency");
    expect(copyrightHolder("Copyright © 2020-2025 Riverside Daily Ltd. All rights reserved")).toBe("Riverside Daily");
    expect(stripSiteSuffix("Coalition meets in Rome | The Continental Post", ["The Continental Post"])).toBe(
      "Coalition meets in Rome",
    );
    expect(stripSiteSuffix("Rates cut - what it means for you - Money Desk", [null])).toBe(
      "Rates cut - what it means for you",
    );
    expect(stripSiteSuffix("Macron - the man and the myth", [null])).toBe("Macron - the man and the myth");
  });
});

describe("format detection", () => {
  it("sniffs content when the name says nothing", () => {
    expect(sniffFormat("<!DOCTYPE html><html></html>")).toBe("html");
    expect(sniffFormat('{"title": "x", "body": "y"}')).toBe("json");
    expect(sniffFormat("---\ntitle: x\n---\nBody")).toBe("markdown");
    expect(sniffFormat("## Heading\n\nText")).toBe("markdown");
    expect(sniffFormat("{ not json } and prose")).toBe("text");
    expect(sniffFormat("Just a plain article.\n\nWith paragraphs.")).toBe("text");
  });

  it("prefers the content type, then the extension", () => {
    expect(chooseFormat("plain", "a.md", "text/html").format).toBe("html");
    expect(chooseFormat("# x", "a.txt", undefined).format).toBe("text");
    expect(chooseFormat("# x", "upload.bin", "application/octet-stream").format).toBe("markdown");
    expect(chooseFormat("<html><body></body></html>", "a.txt", undefined).format).toBe("html");
  });
});
