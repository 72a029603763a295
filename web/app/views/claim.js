// One claim as a card: what is claimed, who says it (speaker, cue, channels, reporting outlet), how certain,
// positive or negative, and when — with links to its speaker and, outside the article page, its article.
import { encode } from "../api.js";
import { h } from "../dom.js";
import { day, period } from "../format.js";

export const speakerHref = (name) => `#/speakers/${encode(name)}`;
export const articleHref = (id) => `#/articles/${id}`;

/** @param {object} claim a ClaimRecord @param {{ color?: string, withArticle?: boolean }} [options] */
export function claimCard(claim, options = {}) {
  const a = claim.attribution;
  const speaker = a.speaker
    ? h("a", { href: speakerHref(a.speaker), class: "speaker" }, a.speaker)
    : h("span", { class: "speaker" }, a.anonymous ? "unnamed source" : "the article itself");
  const facts = [
    ["Speaker", [speaker, a.speakerType && a.speakerType !== "person" ? ` (${a.speakerType})` : ""]],
    ["Cue", a.cue ? `“${a.cue}”` : "none"],
    ["Kind", a.kind ?? "statement"],
    a.via.length > 0 && ["Via", a.via.join(", ")],
    a.reportedBy && ["Reported by", a.reportedBy],
    ["Certainty", claim.certainty],
    ["Polarity", claim.polarity],
    ["Time", period(claim.time)],
  ].filter(Boolean);
  return h(
    "article",
    {
      class: "claim",
      id: `claim-${claim.id}`,
      "aria-labelledby": `claim-text-${claim.id}`,
      style: options.color ? { "--speaker": options.color } : null,
      dataset: { claim: claim.id, polarity: claim.polarity },
    },
    h("p", { class: "claim-text", id: `claim-text-${claim.id}` }, claim.text),
    h("dl", null, ...facts.flatMap(([term, value]) => [h("dt", null, term), h("dd", null, value)])),
    options.withArticle &&
      h(
        "p",
        { class: "claim-source" },
        h("a", { href: articleHref(claim.articleId) }, "Read in its article"),
        claim.publishedAt ? ` (published ${day(claim.publishedAt)})` : "",
      ),
  );
}
