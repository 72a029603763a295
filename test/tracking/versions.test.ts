import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import { track } from "../../functions/tracking/track.ts";

const version = (name: string, date: string, paragraphs: string[]) => ({
  file: name,
  extraction: extract({
    bytes: new TextEncoder().encode(
      JSON.stringify({
        title: "Storm cuts power to coastal towns",
        publishedAt: date,
        outlet: "Coast Courier",
        body: paragraphs.join("\n\n"),
      }),
    ),
    fileName: name,
  }),
});

const common = [
  "A winter storm cut power to thousands of homes along the coast on Sunday, the grid operator said.",
  "Wind gusts reached 130 km an hour at the Skarn lighthouse, the weather service said.",
  "Schools in Lindholm and Torvik will stay closed on Monday, the council said.",
  "Crews are working through the night to restore the lines, the grid operator said.",
];

describe("versions", () => {
  const v1 = version("v1.json", "2031-01-12T08:00:00Z", [...common, "About 18,000 homes were without power."]);
  const v2 = version("v2.json", "2031-01-12T14:00:00Z", [
    ...common,
    "About 26,000 homes were without power.",
    "A ferry service to Torvik was cancelled, the operator said.",
  ]);
  const other = version("other.json", "2031-01-12T15:00:00Z", ["A new library opened in Torvik on Saturday."]);
  const result = track([v1, v2, other]);

  it("sees an article with the same outlet, headline and mostly the same text as a new version", () => {
    expect(result.versions).toHaveLength(1);
    expect(result.versions[0]).toMatchObject({
      articleId: v2.extraction.article.id,
      previousId: v1.extraction.article.id,
    });
  });

  it("lists the claims added and changed, and keeps the unchanged ones out", () => {
    const changes = result.versions[0]!.changes;
    expect(changes).toContainEqual(expect.objectContaining({ change: "added", after: expect.stringMatching(/ferry/) }));
    expect(changes).toContainEqual(
      expect.objectContaining({
        change: "changed",
        before: expect.stringMatching(/18,000/),
        after: expect.stringMatching(/26,000/),
      }),
    );
    expect(changes.some((c) => c.after?.includes("130 km"))).toBe(false);
  });
});
