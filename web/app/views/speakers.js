// `#/speakers`: everyone quoted, most quoted first. `#/speakers/{name}`: one speaker's claims over time, grouped
// by the month they are about (or, for claims without a time, the month their article was published).
import { get, getAll } from "../api.js";
import { h, show } from "../dom.js";
import { claimDate } from "../format.js";
import { claimCard, speakerHref } from "./claim.js";
import { moreButton } from "./more.js";

export async function speakersPage(main) {
  const list = h("ol", { class: "speakers" });
  const add = (items) => {
    for (const s of items) {
      list.append(
        h(
          "li",
          null,
          h("a", { href: speakerHref(s.name) }, s.name),
          ` — ${s.claimCount} claim${s.claimCount === 1 ? "" : "s"} in ${s.articleCount} article${s.articleCount === 1 ? "" : "s"}`,
        ),
      );
    }
  };
  const first = await get("/speakers", { limit: 100 });
  show(
    main,
    "Speakers",
    list,
    moreButton(first, (cursor) => get("/speakers", { limit: 100, cursor }), add),
  );
  add(first.items);
  if (first.items.length === 0) list.append(h("li", null, "Nobody is quoted yet."));
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export async function speakerPage(main, name) {
  const claims = await getAll(`/speakers/${encodeURIComponent(name)}/claims`);
  const dated = claims.map((claim) => ({ claim, date: claimDate(claim) }));
  dated.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.claim.id.localeCompare(b.claim.id));
  const months = new Map();
  for (const { claim, date } of dated) {
    const month = date ? MONTH.format(Date.parse(`${date.slice(0, 7)}-01T00:00:00Z`)) : "Undated";
    if (!months.has(month)) months.set(month, []);
    months.get(month).push(claim);
  }
  const speaker = claims[0]?.attribution.speaker ?? name;
  show(
    main,
    speaker,
    h("p", null, `${claims.length} claim${claims.length === 1 ? "" : "s"}, earliest first.`),
    h(
      "ol",
      { class: "timeline", "aria-label": `${speaker}'s claims over time` },
      ...[...months].map(([month, items]) =>
        h("li", null, h("h2", null, month), ...items.map((claim) => claimCard(claim, { withArticle: true }))),
      ),
    ),
  );
}
