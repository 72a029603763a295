// Filter forms whose values live in the address: submitting one moves to `#/<page>?<the fields that are set>`,
// so a filtered list can be bookmarked, shared and gone back to, and the page renders from the address alone.
import { h } from "../dom.js";

/** The named fields' values in the address ("" when absent). */
export function valuesOf(params, names) {
  return Object.fromEntries(names.map((name) => [name, params.get(name) ?? ""]));
}

/** A labelled input. */
export function field(values, name, label, attrs = {}) {
  return h(
    "p",
    null,
    h("label", { for: `f-${name}` }, label),
    h("input", { id: `f-${name}`, name, value: values[name], ...attrs }),
  );
}

/** A labelled choice of `options` (value, or [value, label]); the empty value reads "any". */
export function choice(values, name, label, options) {
  const pairs = ["", ...options].map((o) => (Array.isArray(o) ? o : [o, o || "any"]));
  return h(
    "p",
    null,
    h("label", { for: `f-${name}` }, label),
    h(
      "select",
      { id: `f-${name}`, name },
      ...pairs.map(([value, text]) => h("option", { value, selected: value === values[name] }, text)),
    ),
  );
}

/** A form that, submitted, moves to `hashPath` with its non-empty fields as the query. */
export function filterForm(hashPath, attrs, ...children) {
  return h(
    "form",
    {
      ...attrs,
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams([...data].filter(([, v]) => v !== ""));
        location.hash = params.size > 0 ? `${hashPath}?${params}` : hashPath;
      },
    },
    ...children,
  );
}
