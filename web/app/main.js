// The app's router: the address's hash names the page (`#/?…`, `#/articles/{id}`, `#/speakers`,
// `#/speakers/{name}`, `#/search?…`, `#/facts?…`, `#/facts/{id}`) and its filters, so any static host serves it
// from one index.html and every page can be bookmarked. Each page renders into <main>; a failure shows the API's own sentence.
import { config } from "./api.js";
import { signOut } from "./auth.js";
import { h, show } from "./dom.js";
import { articlePage } from "./views/article.js";
import { articlesPage } from "./views/articles.js";
import { factPage, factsPage } from "./views/facts.js";
import { searchPage } from "./views/search.js";
import { speakerPage, speakersPage } from "./views/speakers.js";

const main = document.getElementById("main");

const routes = [
  [/^\/?$/, (_m, params) => articlesPage(main, params)],
  [/^\/articles\/([0-9a-f]{20})$/, (m) => articlePage(main, m[1])],
  [/^\/speakers$/, () => speakersPage(main)],
  [/^\/speakers\/(.+)$/, (m) => speakerPage(main, decodeURIComponent(m[1]))],
  [/^\/search$/, (_m, params) => searchPage(main, params)],
  [/^\/facts$/, (_m, params) => factsPage(main, params)],
  [/^\/facts\/(fact-[0-9a-f]{20}-c\d{4,6})$/, (m) => factPage(main, m[1])],
];

async function render() {
  const [path, search = ""] = location.hash.replace(/^#/, "").split("?");
  markCurrentNav(path);
  main.setAttribute("aria-busy", "true");
  try {
    for (const [pattern, page] of routes) {
      const match = pattern.exec(path);
      if (match) return await page(match, new URLSearchParams(search));
    }
    show(main, "Not found", h("p", null, "There is no page here. "), h("a", { href: "#/" }, "See all articles"));
  } catch (err) {
    show(main, "Something went wrong", h("p", { role: "alert", class: "problem" }, String(err.message ?? err)));
  } finally {
    main.removeAttribute("aria-busy");
    // The first page is on screen with its handlers: the app is interactive (the browser test measures this).
    if (!document.body.dataset.ready) performance.mark("claimtrack:interactive");
    document.body.dataset.ready = "true";
  }
}

function markCurrentNav(path) {
  const section = `#/${path.split("/")[1] ?? ""}`;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === (section === "#/articles" ? "#/" : section))
      link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

// The API's documentation lives with the API, which is another origin when deployed (config.json says where).
// Deployed, people are signed in and can sign out; locally there is no sign-in, so no button.
config.then(({ apiUrl, auth }) => {
  if (apiUrl) document.querySelector("[data-api-docs]").href = `${apiUrl}/docs`;
  if (auth) {
    const button = document.querySelector("[data-sign-out]");
    button.hidden = false;
    button.addEventListener("click", () => signOut(auth));
  }
});

// The skip link must not change the hash (that is the router's): it moves focus instead.
document.querySelector("[data-skip]").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});

addEventListener("hashchange", render);
render();
