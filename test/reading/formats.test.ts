// Each format in other styles than the seeds: wire and AP copy, another HTML layout, JSON aliases, Markdown lists.
import { describe, expect, it } from "vitest";
import { contents, readFixture, readText } from "./support.ts";

describe("plain-text wire stories", () => {
  it("reads a Reuters-style story: byline, zoned date, dateline credit, no credits or standards line", () => {
    const doc = readFixture("wire-reuters.txt");
    expect(doc.title).toBe("Dutch port operator to cut 400 jobs as shipping volumes slide");
    expect(doc.authors).toEqual(["Marta Kowalczyk"]);
    expect(doc.publishedAt).toBe("2025-07-04T09:02:00+02:00");
    expect(doc.outlet).toBe("Reuters");
    expect(doc.blocks[0]!.credit).toBe("Reuters");
    expect(contents(doc)[0]).toMatch(/^The operator of Europe's largest/);
    expect(doc.text).not.toMatch(/Business|Updated|Reporting by|Editing by|Trust Principles/);
  });

  it("reads an AP-style story: capitalised byline, ET time, ads, share prompts and copyright dropped", () => {
    const doc = readFixture("ap-story.txt");
    expect(doc.authors).toEqual(["Zeke Miller", "Josh Boak"]);
    expect(doc.publishedAt).toBe("2025-09-26T12:03:00-04:00");
    expect(doc.blocks[0]!.credit).toBe("AP");
    expect(contents(doc)[0]).toMatch(/^The Senate voted 68-31/);
    expect(doc.text).not.toMatch(/Advertisement|Share this|contributed to this report|Copyright|All rights/);
    expect(contents(doc)).toHaveLength(3);
  });

  it("finds a title that ends in a period when it stands above the story", () => {
    const doc = readText(
      "Council approves new budget.\n\nThe city council approved a budget of 40 million euros on Monday after a long debate.\n\nThe vote was 21 to 9.\n",
    );
    expect(doc.title).toBe("Council approves new budget.");
    expect(contents(doc)[0]).toMatch(/^The city council approved/);
  });

  it("joins hard-wrapped lines into paragraphs but keeps the lines as they are", () => {
    const wrapped = [
      "Harbour pilots end strike after deal",
      "",
      "Harbour pilots in the northern port ended a three-day strike on Monday after",
      "the port authority agreed to hire twelve more pilots and to review the rota",
      "that unions said had left crews exhausted, a spokesperson said on Monday.",
      "",
      "Ships had queued outside the harbour since Friday, and shipping agents said",
      "the backlog would take most of the week to clear, according to estimates",
      "published by the port authority late on Monday evening in a statement.",
      "",
    ].join("\n");
    const doc = readText(wrapped);
    expect(doc.blocks).toHaveLength(2);
    expect(doc.text.split("\n\n")[0]!.split("\n")).toHaveLength(3);
  });

  it("drops a link list under a 'Read more:' heading and keeps the prose after it", () => {
    const doc = readText(
      "Title of the story here\n\nFirst paragraph of the story, which says something.\n\nRead more:\nOne linked headline\nAnother linked headline\n\nLast paragraph of the story, which also says something.\n",
    );
    expect(doc.text).not.toMatch(/Read more|linked headline/);
    expect(contents(doc)).toHaveLength(2);
  });

  it("reads a 'Title: / Author: / Date: / Source:' field header as metadata", () => {
    const doc = readText(
      "Title: Ferry service suspended after engine fault\nAuthor: Nina Volkova\nDate: 2025-03-14 08:20\nSource: Harbour Gazette\nURL: https://harbour.example/ferry\n\nThe island ferry was taken out of service on Friday after an engine fault, the operator said.\n",
    );
    expect(doc).toMatchObject({
      title: "Ferry service suspended after engine fault",
      authors: ["Nina Volkova"],
      publishedAt: "2025-03-14T08:20:00",
      outlet: "Harbour Gazette",
      url: "https://harbour.example/ferry",
    });
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });

  it("finds a byline and date below a standfirst, in a layout without blank lines", () => {
    const doc = readText(
      [
        "Germany",
        "Germany to buy air defence systems for its neighbour, says chancellor",
        "Talks are under way with Washington over two batteries",
        "Kate Connolly in Berlin",
        "Fri 4 Jul 2025 14.32 BST",
        "Share",
        "Germany is in talks to buy two air defence systems, the chancellor has said.",
      ].join("\n"),
    );
    expect(doc.title).toBe("Germany to buy air defence systems for its neighbour, says chancellor");
    expect(doc.authors).toEqual(["Kate Connolly"]);
    expect(doc.publishedAt).toBe("2025-07-04T14:32:00+01:00");
    expect(contents(doc)).toEqual([
      "Talks are under way with Washington over two batteries",
      "Germany is in talks to buy two air defence systems, the chancellor has said.",
    ]);
  });

  it("drops relative times and share buttons around a name-only byline", () => {
    const doc = readText(
      "Kyiv hit by largest drone attack\n\n2 hours ago\n\nShare\n\nSave\n\nJane Doe\nBBC News, Kyiv\n\nRussia launched its largest drone attack of the war overnight, officials said.\n",
    );
    expect(doc.authors).toEqual(["Jane Doe"]);
    expect(contents(doc)).toEqual(["Russia launched its largest drone attack of the war overnight, officials said."]);
  });

  it("makes live-blog time stamps headings, not paragraphs", () => {
    const doc = readText("Live: the vote as it happened\n\n2:45 p.m.\n\nThe chamber voted to adopt the bill.\n");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["heading", "paragraph"]);
  });
});

describe("HTML pages", () => {
  it("reads a page without <article>: JSON-LD @graph metadata, itemprop body, furniture dropped", () => {
    const doc = readFixture("other-page.html");
    expect(doc.format).toBe("html");
    expect(doc.title).toBe("Flood barrier opens early as storm nears");
    expect(doc.publishedAt).toBe("2025-10-02T08:15:00+01:00");
    expect(doc.authors).toEqual(["Tom Okafor"]);
    expect(doc.outlet).toBe("Riverside Daily");
    expect(doc.text).not.toMatch(
      /cookies|Share on|Tweet|Advertisement|Sign up|Storm season|Quayside shops|newsroom|©|By Tom Okafor|Home/,
    );
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds).toEqual(["paragraph", "paragraph", "heading", "list-item", "list-item", "blockquote"]);
    const tweet = doc.blocks[5]!;
    expect(tweet.cite).toBe("Riverside Council (@RiversideCouncil) October 2, 2025");
    expect(doc.text.slice(tweet.start, tweet.end)).toBe("The barrier is closed. Stay safe, everyone.");
  });

  it("strips the site name from <title> and takes the outlet from it when nothing else names one", () => {
    const doc = readText(
      "<html><head><title>Mayor resigns over budget row | Town Crier</title></head><body><p>The mayor resigned on Monday after the council rejected her budget for a second time.</p></body></html>",
      "page.html",
    );
    expect(doc.title).toBe("Mayor resigns over budget row");
    expect(doc.outlet).toBe("Town Crier");
  });

  it("takes authors from a byline element and the date from <time> when the head has neither", () => {
    const doc = readText(
      '<html><body><main><h1>Bridge closes for repairs</h1><p class="byline">By Ada Brennan and Luis Ortega</p><time datetime="2025-03-03T09:30:00+00:00">3 March</time><p>The old bridge closed on Monday for six months of repairs, the council said.</p></main></body></html>',
      "page.html",
    );
    expect(doc.title).toBe("Bridge closes for repairs");
    expect(doc.authors).toEqual(["Ada Brennan", "Luis Ortega"]);
    expect(doc.publishedAt).toBe("2025-03-03T09:30:00+00:00");
    expect(doc.text).toBe("The old bridge closed on Monday for six months of repairs, the council said.");
  });

  it("reads the date written in a dateline element when nothing is machine-readable", () => {
    const doc = readText(
      '<html><body><article><h1>Ferry strike ends</h1><div class="story-date">Updated: 14 March 2025, 08:20 GMT</div><p>The ferry strike ended on Friday after staff accepted a new offer, the union said.</p></article></body></html>',
      "page.html",
    );
    expect(doc.publishedAt).toBe("2025-03-14T08:20:00+00:00");
    expect(doc.text).toBe("The ferry strike ended on Friday after staff accepted a new offer, the union said.");
  });

  it("reads a blog post: <br><br> paragraphs, the site after the headline, 'Posted on … by' authors", () => {
    const doc = readText(
      '<html><head><title>Council approves budget - Valley Gazette</title></head><body><div class="post">' +
        '<h2 class="title">Council approves budget</h2><div class="meta">Posted on March 4, 2025 by Karen Olsen</div>' +
        '<div class="entry">The council approved a $12 million budget on Monday night.<br><br>Mayor Tom Reed said the budget would fund two fire stations.<br><br><b>Related:</b> <a href="/x">Council meeting schedule</a></div>' +
        "</div></body></html>",
      "post.html",
    );
    expect(doc.title).toBe("Council approves budget");
    expect(doc.outlet).toBe("Valley Gazette");
    expect(doc.authors).toEqual(["Karen Olsen"]);
    expect(contents(doc)).toEqual([
      "The council approved a $12 million budget on Monday night.",
      "Mayor Tom Reed said the budget would fund two fire stations.",
    ]);
  });

  it("drops a pull quote that repeats words printed in the article, in any markup", () => {
    const html = readText(
      [
        "<html><body><article><h1>Ferry fares frozen</h1>",
        "<p>“We will not ask islanders to pay more this winter,” the minister said on Monday.</p>",
        "<blockquote>We will not ask islanders to pay more this winter</blockquote>",
        "<p>Fares have risen 12% since 2023.</p></article></body></html>",
      ].join(""),
      "a.html",
    );
    expect(contents(html)).toHaveLength(2);
    const md = readText(
      "# Ferry fares frozen\n\nFares have risen 12% since 2023, the operator said.\n\n> Fares have risen 12% since 2023\n\nThe minister spoke on Monday.\n",
      "a.md",
    );
    expect(contents(md)).toEqual([
      "Fares have risen 12% since 2023, the operator said.",
      "The minister spoke on Monday.",
    ]);
  });

  it("takes a live blog's bold entry times for labels, in HTML and Markdown", () => {
    const html = readText(
      "<html><body><article><h1>Storm live</h1><p><strong>11:42</strong> — The Met Office extended its warning.</p><p><b>10:50 GMT</b> – Trains were cancelled.</p></article></body></html>",
      "a.html",
    );
    expect(contents(html)).toEqual(["The Met Office extended its warning.", "Trains were cancelled."]);
    expect(html.blocks.map((b) => b.label)).toEqual(["11:42", "10:50 GMT"]);
    const md = readText("# Storm live\n\n**11:42** — The Met Office extended its warning.\n", "a.md");
    expect(contents(md)).toEqual(["The Met Office extended its warning."]);
  });

  it("reads a page served as .txt as HTML", () => {
    const doc = readText(
      "<!DOCTYPE html><html><body><p>The port reopened on Tuesday after the storm.</p></body></html>",
    );
    expect(doc.format).toBe("html");
  });
});

describe("a wire dateline without a year", () => {
  const story = "LISBON, March 3 (Atlantic Wire) - The harbour authority said on Tuesday that the quay would reopen.";

  it("takes the year from when the file was received", () => {
    expect(readText(story, "a.txt", { receivedAt: "2027-03-04T09:00:00Z" }).publishedAt).toBe("2027-03-03");
  });

  it("takes the year before when the date would fall after it was received", () => {
    const late = "OSLO, Dec. 30 (Nordwire) - The ministry said the rules would change in the new year.";
    expect(readText(late, "a.txt", { receivedAt: "2027-01-02T10:00:00Z" }).publishedAt).toBe("2026-12-30");
  });

  it("stays without a date when nothing tells the year", () => {
    expect(readText(story, "a.txt").publishedAt).toBeNull();
  });

  it("prefers a year the text gives over the time received", () => {
    const dated = `${story}\n\nCopyright 2024 Atlantic Wire.`;
    expect(readText(dated, "a.txt", { receivedAt: "2027-03-04T09:00:00Z" }).publishedAt).toBe("2024-03-03");
  });
});

describe("JSON articles", () => {
  it("accepts aliases: headline, datePublished (RFC 2822), byline, source object, link, content array", () => {
    const doc = readFixture("aliases.json");
    expect(doc.title).toBe("Rail strike called off after last-minute pay deal");
    expect(doc.publishedAt).toBe("2025-10-14T18:40:00+01:00");
    expect(doc.authors).toEqual(["Imogen Hart", "Ravi Sethi"]);
    expect(doc.outlet).toBe("Midlands Ledger");
    expect(doc.url).toBe("https://midlandsledger.example/news/rail-strike-called-off");
    expect(doc.text).not.toMatch(/Photo:|Read more|rail fares/);
    expect(doc.blocks).toHaveLength(2);
  });

  it("reads an HTML body inside JSON with the HTML rules", () => {
    const doc = readText(
      JSON.stringify({
        title: "Museum reopens",
        body: "<p>The museum reopened on Saturday after a two-year refurbishment.</p><figure><figcaption>The new hall. Photo: Staff</figcaption></figure><p>Entry is free until May.</p>",
      }),
      "a.json",
    );
    expect(contents(doc)).toEqual([
      "The museum reopened on Saturday after a two-year refurbishment.",
      "Entry is free until May.",
    ]);
  });

  it("reads a WordPress-style export: rendered title and content", () => {
    const doc = readText(
      JSON.stringify({
        date: "2025-04-02T10:00:00",
        link: "https://blog.example/p/1",
        title: { rendered: "Library extends opening hours" },
        content: { rendered: "<p>The city library will open until 9 p.m. from May, the council said.</p>" },
      }),
      "post.json",
    );
    expect(doc.title).toBe("Library extends opening hours");
    expect(doc.publishedAt).toBe("2025-04-02T10:00:00");
    expect(doc.text).toBe("The city library will open until 9 p.m. from May, the council said.");
  });

  it("reads a WordPress REST post: the UTC date_gmt, the author and site from yoast_head_json", () => {
    const doc = readText(
      JSON.stringify({
        date: "2025-05-02T11:00:00",
        date_gmt: "2025-05-02T10:00:00",
        author: 3,
        title: { rendered: "Ferry strike called off" },
        content: { rendered: "<p>A planned ferry strike has been called off, operator Seaways said.</p>" },
        yoast_head_json: { og_site_name: "Harbour News", author: "Kim Lee" },
      }),
      "post.json",
    );
    expect(doc.publishedAt).toBe("2025-05-02T10:00:00Z");
    expect(doc.authors).toEqual(["Kim Lee"]);
    expect(doc.outlet).toBe("Harbour News");
  });

  it("unwraps an {article: {...}} export", () => {
    const doc = readText(
      JSON.stringify({ article: { headline: "Wrapped", text: "The story text is here, in full." } }),
      "a.json",
    );
    expect(doc.title).toBe("Wrapped");
    expect(doc.text).toBe("The story text is here, in full.");
  });

  it("finds a content API's body at any depth, with the metadata around it", () => {
    const doc = readText(
      JSON.stringify({
        response: {
          status: "ok",
          content: {
            webTitle: "Ferry service resumes",
            webPublicationDate: "2026-03-02T08:00:00Z",
            webUrl: "https://islands.example/ferry",
            fields: { byline: "Ana Ruiz", standfirst: "<p>Short.</p>", body: "<p>The ferry sailed at dawn.</p>" },
          },
        },
      }),
      "item.json",
    );
    expect(doc.title).toBe("Ferry service resumes");
    expect(doc.publishedAt).toBe("2026-03-02T08:00:00Z");
    expect(doc.authors).toEqual(["Ana Ruiz"]);
    expect(doc.url).toBe("https://islands.example/ferry");
    expect(doc.text).toBe("The ferry sailed at dawn.");
  });

  it("reads a wire API's body_nitf inside its item", () => {
    const doc = readText(
      JSON.stringify({ data: { item: { headline: "Port strike ends", body_nitf: "<p>Dock workers returned.</p>" } } }),
      "wire.json",
    );
    expect(doc.title).toBe("Port strike ends");
    expect(doc.text).toBe("Dock workers returned.");
  });
});

describe("Markdown articles", () => {
  it("reads an authors: list, a setext title, a quotation with its attribution and a numbered list", () => {
    const doc = readFixture("authors-list.md");
    expect(doc.format).toBe("markdown");
    expect(doc.title).toBe("Wind farm approved off the Suffolk coast");
    expect(doc.publishedAt).toBe("2025-06-12");
    expect(doc.authors).toEqual(["Clara Nwosu", "Peter Lindholm"]);
    expect(doc.outlet).toBe("Coastal Energy Review");
    expect(doc.url).toBe("https://coastalenergy.example/wind-farm-approved");
    const quote = doc.blocks.find((b) => b.kind === "blockquote")!;
    expect(quote.cite).toBe("Amir Qureshi, project director");
    expect(doc.text.slice(quote.start, quote.end)).toBe("We expect the first power in 2030.");
    expect(doc.blocks.filter((b) => b.kind === "list-item")).toHaveLength(2);
    expect(doc.text).not.toMatch(/not prose|Follow us|Turbines|=====|!\[/);
    expect(doc.text.startsWith("Wind farm approved")).toBe(false);
  });

  it("takes the title from the first H1 when there is no front matter", () => {
    const doc = readText(
      "# Heatwave warning issued\n\nForecasters issued an amber heat warning for Wednesday.\n",
      "a.md",
    );
    expect(doc.title).toBe("Heatwave warning issued");
    expect(doc.text).toBe("Forecasters issued an amber heat warning for Wednesday.");
  });

  it("turns links into their text and drops images", () => {
    const doc = readText(
      "---\ntitle: T\n---\nThe [central bank](https://example.com/cb) held rates ![chart](c.png) at **4%** on _Thursday_.\n",
      "a.md",
    );
    expect(doc.text).toBe("The central bank held rates at 4% on Thursday.");
  });
});

describe("caller metadata", () => {
  it("fills only what the text lacks", () => {
    const doc = readText(
      "Short headline for a story\n\nThe body of the story says that something happened today.\n",
      "a.txt",
      {
        metadata: {
          title: "Ignored",
          outlet: "Supplied Outlet",
          url: "https://example.com/s",
          authors: ["Given Name"],
        },
      },
    );
    expect(doc.title).toBe("Short headline for a story");
    expect(doc.outlet).toBe("Supplied Outlet");
    expect(doc.url).toBe("https://example.com/s");
    expect(doc.authors).toEqual(["Given Name"]);
  });

  it("keeps a sentence-like first paragraph in the body when the upload supplies the title", () => {
    const doc = readText(
      "The council approved the new budget on Monday.\n\nIt will take effect in April, officials said.\n",
      "a.txt",
      { metadata: { title: "Council approves budget" } },
    );
    expect(doc.title).toBe("Council approves budget");
    expect(doc.text).toContain("The council approved the new budget on Monday.");
  });

  it("lets contentType choose the reader", () => {
    const md = "# Heading\n\nText of the article in Markdown with a [link](https://x.example).\n";
    expect(readText(md, "upload", { contentType: "text/markdown; charset=utf-8" }).format).toBe("markdown");
    expect(readText(md, "upload", { contentType: "text/plain" }).format).toBe("text");
  });
});
