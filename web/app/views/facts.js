// `#/facts?status=&entity=&speaker=`: the facts tracked across articles, most recently reported first, each with
// its statuses and how many outlets and independent sources carry it. `#/facts/{id}`: one fact — its members
// across outlets, the conflicts and updates that touch it, and a timeline from the first report to the last update.
import { get } from "../api.js";
import { h, show } from "../dom.js";
import { day } from "../format.js";
import { articleHref, speakerHref } from "./claim.js";
import { choice, field, filterForm, valuesOf } from "./form.js";
import { moreButton } from "./more.js";

const FILTERS = ["status", "entity", "speaker"];
const STATUSES = ["corroborated", "contested", "corrected", "retracted"];

export const factHref = (id) => `#/facts/${id}`;

export async function factsPage(main, params = new URLSearchParams()) {
  const query = valuesOf(params, FILTERS);
  const list = h("ol", { class: "facts" });
  const add = (items) => {
    for (const fact of items) list.append(factItem(fact));
  };
  const first = await get("/facts", { ...query, limit: 50 });
  show(
    main,
    "Facts",
    h("p", null, "Claims of different articles that assert the same thing, most recently reported first."),
    factFilters(query),
    list,
    moreButton(first, (cursor) => get("/facts", { ...query, limit: 50, cursor }), add),
  );
  add(first.items);
  if (first.items.length === 0) {
    const filtered = FILTERS.some((f) => query[f] !== "");
    list.append(h("li", null, filtered ? "No facts match these filters." : "No fact is reported twice yet."));
  }
}

function factItem(fact) {
  const c = fact.corroboration;
  return h(
    "li",
    { dataset: { fact: fact.id } },
    h("a", { href: factHref(fact.id) }, fact.text),
    h(
      "p",
      { class: "byline" },
      `${fact.memberCount} claims · ${plural(c.outlets.length, "outlet")} · ${plural(c.independentSources, "independent source")} · `,
      `${day(fact.firstReported)} – ${day(fact.lastReported)} `,
      ...statusBadges(fact.statuses),
    ),
  );
}

function factFilters(query) {
  return filterForm(
    "#/facts",
    { class: "filters", "aria-label": "Filter facts" },
    choice(query, "status", "Status", STATUSES),
    field(query, "entity", "Names", { type: "text", autocomplete: "off" }),
    field(query, "speaker", "Speaker", { type: "text", autocomplete: "off" }),
    h("p", null, h("button", { type: "submit" }, "Filter")),
  );
}

export async function factPage(main, id) {
  const fact = await get(`/facts/${id}`);
  const byId = new Map(fact.members.map((m) => [m.claimId, m]));
  const c = fact.corroboration;
  show(
    main,
    fact.text,
    h(
      "p",
      { class: "byline" },
      `Reported by ${plural(c.outlets.length, "outlet")} (${c.outlets.join(", ") || "none named"}), `,
      `${plural(c.independentSources, "independent source")} `,
      ...statusBadges(fact.statuses),
    ),
    h("h2", null, "Who reports it"),
    h("ul", { class: "members" }, ...fact.members.map(memberItem)),
    relations(
      "Conflicts",
      fact.conflicts.map((x) =>
        h("li", null, claimRef(byId, x.claims[0]), " ✕ ", claimRef(byId, x.claims[1]), ` — ${x.why}`),
      ),
    ),
    relations(
      "Updates",
      fact.updates.map((u) =>
        h(
          "li",
          { dataset: { kind: u.kind } },
          h("span", { class: "badge" }, u.kind),
          " ",
          claimRef(byId, u.from),
          " → ",
          claimRef(byId, u.to),
          ` — ${u.why}`,
        ),
      ),
    ),
    h("h2", null, "Timeline"),
    h(
      "ol",
      { class: "fact-timeline", "aria-label": "From the first report to the last update" },
      ...fact.timeline.map((t) =>
        h(
          "li",
          { dataset: { event: t.event } },
          h("time", { datetime: t.at }, day(t.at)),
          ` ${t.event === "update" ? `update (${t.kind})` : t.event.replace("-", " ")}: `,
          claimRef(byId, t.claimId),
        ),
      ),
    ),
  );
}

function memberItem(m) {
  const stance = [m.certainty !== "certain" && m.certainty, m.polarity === "negative" && "denied"].filter(Boolean);
  return h(
    "li",
    { dataset: { claim: m.claimId } },
    h("p", { class: "claim-text" }, m.text),
    h(
      "p",
      { class: "byline" },
      m.speaker ? h("a", { href: speakerHref(m.speaker) }, m.speaker) : "the article itself",
      stance.length > 0 ? ` (${stance.join(", ")})` : "",
      " in ",
      h("a", { href: articleHref(m.articleId) }, m.title ?? m.articleId),
      [m.outlet, m.reportedBy && `via ${m.reportedBy}`, day(m.reportedAt)]
        .filter(Boolean)
        .map((part) => ` · ${part}`)
        .join(""),
    ),
  );
}

/** A claim named by its words when it is a member, else by a link to its article. */
function claimRef(byId, claimId) {
  const m = byId.get(claimId);
  if (m) return h("q", null, m.text);
  return h("a", { href: articleHref(claimId.replace(/-c\d+$/, "")) }, `a claim of another article (${claimId})`);
}

function relations(title, items) {
  if (items.length === 0) return null;
  return [h("h2", null, title), h("ul", { class: "relations" }, ...items)];
}

function statusBadges(statuses) {
  return statuses.map((s) => h("span", { class: `badge fact-${s}` }, s));
}

const plural = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
