// `#/articles/{id}`: the article's text with every claim's evidence highlighted in its speaker's colour, and
// beside it each claim with its attribution, certainty, polarity and time. Selecting a highlight brings its claim
// into view; each claim's "Show in text" brings its evidence into view, and "Other reports" lists the fact it
// shares with other articles, the claims it conflicts with and the updates that touch it.
import { ApiProblem, get, getAll } from "../api.js";
import { speakerColors } from "../colors.js";
import { h, show } from "../dom.js";
import { day } from "../format.js";
import { articleHref, claimCard, speakerHref } from "./claim.js";
import { factHref } from "./facts.js";
import { highlightedText } from "./highlight.js";

export async function articlePage(main, id) {
  const [article, claims, text] = await Promise.all([
    get(`/articles/${id}`),
    getAll(`/articles/${id}/claims`),
    get(`/articles/${id}/text`).then(
      (body) => body.text,
      (err) => (err instanceof ApiProblem && err.status === 404 ? err : Promise.reject(err)),
    ),
  ]);
  const colorOf = speakerColors();
  // Colours in reading order, so the first speaker quoted always gets the first colour.
  for (const claim of claims) colorOf(claim.attribution.speaker);
  const m = article.metadata;

  const body =
    typeof text === "string"
      ? highlightedText(text, claims, colorOf)
      : h("p", { class: "notice" }, `The text cannot be shown: ${text.message}.`);
  body.addEventListener("click", (event) => {
    const mark = event.target.closest?.("mark[data-claims]");
    if (mark) focusClaim(main, mark.dataset.claims.split(" ")[0]);
  });

  const cards = claims.map((claim) => {
    const card = claimCard(claim, { color: colorOf(claim.attribution.speaker) });
    card.append(
      h(
        "button",
        { type: "button", class: "show-evidence", onclick: () => focusEvidence(main, claim.id) },
        "Show in text",
      ),
      h(
        "button",
        { type: "button", class: "show-related", onclick: (e) => showRelated(e.currentTarget, claim.id) },
        "Other reports",
      ),
    );
    return card;
  });

  show(
    main,
    m.title ?? `Article ${article.id}`,
    h(
      "p",
      { class: "byline" },
      [m.outlet, m.authors.join(", "), m.publishedAt && day(m.publishedAt)].filter(Boolean).join(" · "),
      " · ",
      h("span", { class: `badge status-${article.status.toLowerCase()}` }, article.status.toLowerCase()),
      article.failureReason ? ` ${article.failureReason}` : "",
    ),
    legend(claims, colorOf),
    h(
      "div",
      { class: "reading" },
      h("section", { "aria-label": "Article text", class: "text-column" }, body),
      h(
        "aside",
        { "aria-labelledby": "claims-heading", class: "claims-column" },
        h("h2", { id: "claims-heading" }, `${claims.length} claim${claims.length === 1 ? "" : "s"}`),
        ...cards,
      ),
    ),
  );
}

/** The speakers of the article, each with its colour and how many claims are theirs. */
function legend(claims, colorOf) {
  const counts = new Map();
  for (const { attribution } of claims) counts.set(attribution.speaker, (counts.get(attribution.speaker) ?? 0) + 1);
  if (counts.size === 0) return null;
  return h(
    "ul",
    { class: "legend", "aria-label": "Speakers in this article" },
    ...[...counts].map(([speaker, n]) =>
      h(
        "li",
        { style: { "--speaker": colorOf(speaker) } },
        speaker ? h("a", { href: speakerHref(speaker) }, speaker) : "the article itself",
        ` (${n})`,
      ),
    ),
  );
}

function focusClaim(main, claimId) {
  const card = main.querySelector(`[data-claim="${claimId}"]`);
  card?.setAttribute("tabindex", "-1");
  card?.focus();
  card?.scrollIntoView({ block: "nearest" });
}

function focusEvidence(main, claimId) {
  const marks = main.querySelectorAll(`mark[data-claims~="${claimId}"]`);
  for (const mark of main.querySelectorAll("mark.current")) mark.classList.remove("current");
  for (const mark of marks) mark.classList.add("current");
  const first = marks[0];
  if (!first) return;
  first.setAttribute("tabindex", "-1");
  first.focus();
  first.scrollIntoView({ block: "center" });
}

/** Replaces the button with what `GET /claims/{id}/related` says: the claim's fact, conflicts and updates. */
async function showRelated(button, claimId) {
  button.disabled = true;
  const related = await get(`/claims/${claimId}/related`);
  const other = (id) => h("a", { href: articleHref(id.replace(/-c\d+$/, "")) }, "another article");
  const items = [
    related.factId &&
      h(
        "li",
        null,
        h("a", { href: factHref(related.factId) }, "The same fact"),
        ` in ${related.sameFact.length} other report${related.sameFact.length === 1 ? "" : "s"}`,
        ` (${[...new Set(related.sameFact.map((m) => m.outlet).filter(Boolean))].join(", ")})`,
      ),
    ...related.conflicts.map((c) =>
      h("li", null, "Conflicts with ", other(c.claims.find((id) => id !== claimId)), `: ${c.why}`),
    ),
    ...related.updates.map((u) =>
      h(
        "li",
        null,
        `${u.kind} `,
        u.to === claimId ? "of a claim in " : "in ",
        other(u.to === claimId ? u.from : u.to),
        `: ${u.why}`,
      ),
    ),
  ].filter(Boolean);
  button.replaceWith(
    h(
      "ul",
      { class: "related", "aria-label": "Other reports" },
      ...(items.length > 0 ? items : [h("li", null, "No other article reports this yet.")]),
    ),
  );
}
