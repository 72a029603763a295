// A tiny element builder: h("a", { href }, "text", child). Text is always set as text, never parsed as HTML,
// so article text and names cannot inject markup.

/** @param {string} tag @param {Record<string, unknown> | null} [attrs] @param {...(Node | string | null | false | undefined)} children */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(el.dataset, value);
    // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
    else if (name === "style" && typeof value === "object") {
      for (const [prop, v] of Object.entries(value)) el.style.setProperty(prop, v);
    } else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, skipping empty ones; strings become text nodes. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return parent;
}

/**
 * Replaces the page's content and, after a move within the app, focuses its heading so keyboard and screen-reader
 * users land there. The first page keeps the browser's own start (the skip link comes first).
 */
export function show(main, title, ...children) {
  const heading = h("h1", { tabindex: "-1" }, title);
  main.replaceChildren(heading, ...children.flat().filter(Boolean));
  document.title = `${title} · claimtrack`;
  if (document.body.dataset.ready) heading.focus();
}
