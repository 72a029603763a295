// `#/?status=&outlet=&key=`: the articles, newest first, with their status (and why, for a failed one) and claim
// counts, filtered as `GET /articles` allows: by status, by outlet, or the one article an uploaded file became.
import { get } from "../api.js";
import { h, show } from "../dom.js";
import { day } from "../format.js";
import { articleHref } from "./claim.js";
import { choice, field, filterForm, valuesOf } from "./form.js";
import { moreButton } from "./more.js";

const FILTERS = ["status", "outlet", "key"];

export async function articlesPage(main, params = new URLSearchParams()) {
  const query = valuesOf(params, FILTERS);
  const filtered = FILTERS.some((f) => query[f] !== "");
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
  const first = await get("/articles", { ...query, limit: 50 });
  show(
    main,
    "Articles",
    articleFilters(query),
    table,
    moreButton(first, (cursor) => get("/articles", { ...query, limit: 50, cursor }), addRows),
  );
  addRows(first.items);
  if (first.items.length === 0) {
    const none = filtered ? "No articles match these filters." : "No articles yet.";
    rows.append(h("tr", null, h("td", { colspan: 5 }, none)));
  }

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

function articleFilters(query) {
  return filterForm(
    "#/",
    { class: "filters", "aria-label": "Filter articles" },
    choice(query, "status", "Status", [
      ["PROCESSED", "processed"],
      ["PENDING", "pending"],
      ["FAILED", "failed"],
    ]),
    field(query, "outlet", "Outlet", { type: "text", autocomplete: "off" }),
    field(query, "key", "File name or S3 key", { type: "text", autocomplete: "off" }),
    h("p", null, h("button", { type: "submit" }, "Filter")),
  );
}
