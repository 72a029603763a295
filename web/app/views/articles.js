// `#/`: the articles, newest first, with their status (and why, for a failed one) and claim counts.
import { get } from "../api.js";
import { h, show } from "../dom.js";
import { day } from "../format.js";
import { articleHref } from "./claim.js";
import { moreButton } from "./more.js";

export async function articlesPage(main) {
  const rows = h("tbody");
  const table = h(
    "table",
    { class: "articles" },
    h("caption", { class: "visually-hidden" }, "Articles, newest first"),
    h(
      "thead",
      null,
      h("tr", null, ...["Title", "Outlet", "Published", "Status", "Claims"].map((t) => h("th", { scope: "col" }, t))),
    ),
    rows,
  );
  const first = await get("/articles", { limit: 50 });
  show(
    main,
    "Articles",
    table,
    moreButton(first, (cursor) => get("/articles", { limit: 50, cursor }), addRows),
  );
  addRows(first.items);
  if (first.items.length === 0) rows.append(h("tr", null, h("td", { colspan: 5 }, "No articles yet.")));

  function addRows(items) {
    for (const article of items) rows.append(articleRow(article));
  }
}

function articleRow(article) {
  const m = article.metadata;
  const title = m.title ?? `Untitled article ${article.id}`;
  const status = h("span", { class: `badge status-${article.status.toLowerCase()}` }, article.status.toLowerCase());
  return h(
    "tr",
    { dataset: { article: article.id } },
    h("td", null, h("a", { href: articleHref(article.id) }, title)),
    h("td", null, m.outlet ?? ""),
    h("td", null, m.publishedAt ? h("time", { datetime: m.publishedAt }, day(m.publishedAt)) : ""),
    h("td", null, status, article.failureReason ? h("span", { class: "reason" }, ` ${article.failureReason}`) : null),
    h("td", { class: "number" }, String(article.claimCount)),
  );
}
