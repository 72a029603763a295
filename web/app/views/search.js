// `#/search?q=&speaker=&entity=&outlet=&polarity=&kind=&from=&to=&certainty=`: claims found by the filters of
// `GET /claims`, or, with words, by `GET /claims/search` (SQL over the claims export), which narrows by speaker,
// kind and time only. The form's values live in the address, so a search can be bookmarked, shared and gone back to.
import { get } from "../api.js";
import { h, show } from "../dom.js";
import { claimCard } from "./claim.js";
import { choice, field, filterForm, valuesOf } from "./form.js";
import { moreButton } from "./more.js";

const FILTERS = ["speaker", "entity", "outlet", "polarity", "kind", "from", "to", "certainty"];
/** What `GET /claims/search` narrows words by; the other filters are the table's. */
const WITH_WORDS = ["speaker", "kind", "from", "to"];
/** A search still running answers 202 with a token; polled this often, at most this many times. */
const POLL_MS = 1000;
const POLLS = 30;

export async function searchPage(main, params) {
  const query = valuesOf(params, ["q", ...FILTERS]);
  const form = searchForm(query);
  if (!["q", ...FILTERS].some((f) => query[f] !== "")) {
    show(main, "Search claims", form);
    return;
  }
  const results = h("div", { class: "results" });
  const add = (items) => results.append(...items.map((claim) => claimCard(claim, { withArticle: true })));
  const { first, next, leftOut } = query.q ? await byWords(query) : await byFilters(query);
  const count =
    first.items.length === 0 ? "No claims match." : `${first.items.length}${first.nextCursor ? "+" : ""} claims.`;
  show(
    main,
    "Search claims",
    form,
    h("h2", null, "Results"),
    leftOut.length > 0
      ? h(
          "p",
          { class: "notice" },
          `Words are searched with speaker, kind and time only: ${leftOut.join(", ")} left out.`,
        )
      : null,
    h("p", { role: "status", class: "result-count" }, count),
    results,
    next ? moreButton(first, next, add) : null,
  );
  add(first.items);
}

async function byFilters(query) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query[f]]));
  const first = await get("/claims", { ...filters, limit: 50 });
  return { first, next: (cursor) => get("/claims", { ...filters, limit: 50, cursor }), leftOut: [] };
}

async function byWords(query) {
  const narrowing = Object.fromEntries(WITH_WORDS.map((f) => [f, query[f]]));
  let answer = await get("/claims/search", { q: query.q, ...narrowing, limit: 200 });
  for (let i = 0; answer.token && i < POLLS; i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    answer = await get("/claims/search", { token: answer.token, limit: 200 });
  }
  if (answer.token) throw new Error("The word search is still running; try again in a minute.");
  const leftOut = FILTERS.filter((f) => !WITH_WORDS.includes(f) && query[f] !== "");
  return { first: answer, next: null, leftOut };
}

function searchForm(query) {
  const text = { type: "text", autocomplete: "off" };
  return filterForm(
    "#/search",
    { role: "search", class: "search" },
    field(query, "q", "Words in the claim", { type: "search", autocomplete: "off" }),
    field(query, "speaker", "Speaker", text),
    field(query, "entity", "Names (person, place, organisation)", text),
    field(query, "outlet", "Outlet", text),
    choice(query, "polarity", "Polarity", ["positive", "negative"]),
    choice(query, "kind", "Kind", [
      ["statement", "statement (said, wrote)"],
      ["belief", "belief (believes, expects)"],
      ["intention", "intention (plans, vows)"],
      ["evaluation", "evaluation (praised, criticised)"],
    ]),
    field(query, "from", "About a time from", { type: "date" }),
    field(query, "to", "until", { type: "date" }),
    choice(query, "certainty", "Certainty", ["certain", "probable", "possible"]),
    h("p", null, h("button", { type: "submit" }, "Search")),
    h(
      "p",
      { class: "hint" },
      'Words must all occur in the claim; put a phrase in double quotes ("in May"). With words, only speaker, ' +
        "kind and time narrow the search.",
    ),
  );
}
