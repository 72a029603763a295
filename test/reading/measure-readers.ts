// Reader speed, outside the test suite (no timing assertions there): `node test/reading/measure-readers.ts`.
// Prints seed throughput, linkedom parse time on dev-02.html and on a 1 MB page, 1 MB reads per format, and
// how Mozilla Readability compares with the reader's own DOM walk on the HTML samples.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readArticle } from "../../functions/extraction/reading/read-article.ts";

const root = join(import.meta.dirname, "../..");
const seedNames = [
  "up-2025-07-07-coalition-rome.txt",
  "dev-01.txt",
  "dev-02.html",
  "dev-03.md",
  "dev-04.json",
  "dev-05.txt",
  "dev-06.txt",
];
const seeds = seedNames.map((name) => ({ name, bytes: readFileSync(join(root, "seeds", name)) }));

function timeIt(fn: () => void, minMs = 1000): number {
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

// Warm up first, so the figures are the steady state a running Lambda sees.
timeIt(() => {
  for (const s of seeds) readArticle({ bytes: s.bytes, fileName: s.name });
}, 1000);
const perSeed = timeIt(() => {
  for (const s of seeds) readArticle({ bytes: s.bytes, fileName: s.name });
}, 2000);
console.log(`seeds: ${((seeds.length * 1000) / perSeed).toFixed(0)} articles/s read (all 7 formats mixed)`);

const page = readFileSync(join(root, "seeds/dev-02.html"), "utf8");
console.log(`linkedom parse dev-02.html (${page.length} chars): ${timeIt(() => parseHTML(page)).toFixed(2)} ms`);

const paragraphs = [...page.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).join("\n");
const bigPage = page.replace("</article>", `${paragraphs.repeat(Math.ceil(1_000_000 / paragraphs.length))}</article>`);
console.log(
  `linkedom parse 1 MB page (${bigPage.length} chars): ${timeIt(() => parseHTML(bigPage), 3000).toFixed(0)} ms`,
);

const mb = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  console.log(`read 1 MB ${name}: ${timeIt(() => readArticle({ bytes, fileName: name }), 3000).toFixed(0)} ms`);
};
mb("page.html", bigPage);
const plain = readFileSync(join(root, "seeds/dev-05.txt"), "utf8");
mb("article.txt", plain.repeat(Math.ceil(1_000_000 / plain.length)));
const md = readFileSync(join(root, "seeds/dev-03.md"), "utf8");
mb(
  "article.md",
  md +
    md
      .split("---")
      .slice(2)
      .join("---")
      .repeat(Math.ceil(1_000_000 / md.length)),
);

// Readability on the same pages: what it keeps that the reader drops, and its cost.
for (const name of ["seeds/dev-02.html", "test/fixtures/reading/other-page.html"]) {
  const html = readFileSync(join(root, name), "utf8");
  const ours = readArticle({ bytes: new TextEncoder().encode(html), fileName: "x.html" }).text;
  const readabilityMs = timeIt(() => new Readability(parseHTML(html).document).parse(), 500);
  const result = new Readability(parseHTML(html).document).parse();
  const theirs = (result?.textContent ?? "").replace(/\s+/g, " ").trim();
  const oursMs = timeIt(() => readArticle({ bytes: new TextEncoder().encode(html), fileName: "x.html" }), 500);
  console.log(
    `${name}: readability ${readabilityMs.toFixed(2)} ms, ${theirs.length} chars; own walk (whole read) ${oursMs.toFixed(2)} ms, ${ours.length} chars`,
  );
  for (const probe of ["Photo:", "By ", "Related", "Sign up", "Contact", "cookies", "Storm season", "Updated"]) {
    if (theirs.includes(probe) && !ours.includes(probe))
      console.log(`  readability keeps "${probe}", the reader drops it`);
  }
}
