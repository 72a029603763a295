// `#/search?speaker=&entity=&from=&to=&certainty=`: claims filtered as `GET /claims` allows today. The form's
// values live in the address, so a search can be bookmarked, shared and gone back to.
import { get } from "../api.js";
import { h, show } from "../dom.js";
import { claimCard } from "./claim.js";
import { moreButton } from "./more.js";

const FIELDS = ["speaker", "entity", "from", "to", "certainty"];

export async function searchPage(main, params) {
  const query = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""]));
  const form = searchForm(query);
  const asked = FIELDS.some((f) => query[f] !== "");
  if (!asked) {
    show(main, "Search claims", form);
    return;
  }
  const results = h("div", { class: "results" });
  const add = (items) => results.append(...items.map((claim) => claimCard(claim, { withArticle: true })));
  const first = await get("/claims", { ...query, limit: 50 });
  const summary = h(
    "p",
    { role: "status", class: "result-count" },
    first.items.length === 0 ? "No claims match." : `${first.items.length}${first.nextCursor ? "+" : ""} claims.`,
  );
  show(
    main,
    "Search claims",
    form,
    h("h2", null, "Results"),
    summary,
    results,
    moreButton(first, (cursor) => get("/claims", { ...query, limit: 50, cursor }), add),
  );
  add(first.items);
}

function searchForm(query) {
  const field = (name, label, attrs = {}) =>
    h(
      "p",
      null,
      h("label", { for: `q-${name}` }, label),
      h("input", { id: `q-${name}`, name, value: query[name], ...attrs }),
    );
  const certainty = h(
    "select",
    { id: "q-certainty", name: "certainty" },
    ...["", "certain", "probable", "possible"].map((c) =>
      h("option", { value: c, selected: c === query.certainty }, c || "any"),
    ),
  );
  return h(
    "form",
    {
      role: "search",
      class: "search",
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams([...data].filter(([, v]) => v !== ""));
        location.hash = `#/search?${params}`;
      },
    },
    field("speaker", "Speaker", { type: "text", autocomplete: "off" }),
    field("entity", "Names (person, place, organisation)", { type: "text", autocomplete: "off" }),
    field("from", "About a time from", { type: "date" }),
    field("to", "until", { type: "date" }),
    h("p", null, h("label", { for: "q-certainty" }, "Certainty"), certainty),
    h("p", null, h("button", { type: "submit" }, "Search")),
    h(
      "p",
      { class: "hint" },
      "Searching by words in a claim is not offered yet: filter by speaker, name, time and certainty.",
    ),
  );
}
