// Page metadata, most trustworthy first: JSON-LD (NewsArticle), Open Graph and article:* meta tags, other
// common meta names, then the <title> element and the canonical link.
import { authorList } from "./bylines.ts";
import { normalizeDate } from "./dates.ts";
import type { ArticleMetadata } from "./document.ts";
import { type DomDocument, restoreText } from "./dom.ts";
import { stripSiteSuffix } from "./outlet.ts";

type Json = Record<string, unknown>;

const ARTICLE_TYPE =
  /^(?:\w*NewsArticle|Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SocialMediaPosting)$/;

function str(value: unknown): string | null {
  if (typeof value === "string") return restoreText(value).trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === "object") {
    const o = value as Json;
    return str(o.name ?? o["@id"] ?? o.url);
  }
  return null;
}

function typesOf(node: Json): string[] {
  const t = node["@type"];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : typeof t === "string" ? [t] : [];
}

/** Every object in the page's JSON-LD blocks, @graph members included. */
function jsonLdNodes(document: DomDocument): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || !value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const node = value as Json;
    nodes.push(node);
    if (node["@graph"]) visit(node["@graph"], depth + 1);
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is the page's bug; the other sources still work.
    }
  }
  return nodes;
}

/** Meta tags by lower-cased name, property or itemprop; the first occurrence wins. */
function metaTags(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = document.querySelectorAll("meta");
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const key = (
      meta.getAttribute("property") ??
      meta.getAttribute("name") ??
      meta.getAttribute("itemprop")
    )?.toLowerCase();
    const content = restoreText(meta.getAttribute("content") ?? "").trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function first(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return null;
}

const DATE_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "date",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "dcterms.issued",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
  "og:published_time",
];
const AUTHOR_KEYS = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
const SITE_KEYS = ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"];

export interface HtmlMetadata extends Partial<ArticleMetadata> {
  /** The site's name as the page gives it, for stripping it from titles. */
  siteName: string | null;
}

/** Longer than any " | Site Name" suffix; bounds the work on a hostile title. */
const MAX_SITE_SUFFIX = 200;

/** "Council approves budget - Valley Gazette" over a page headed "Council approves budget": "Valley Gazette". */
function siteAfterHeadline(title: string, heading: string): string | null {
  if (!title.toLowerCase().startsWith(heading.toLowerCase()) || title.length > heading.length + MAX_SITE_SUFFIX)
    return null;
  // recheck: run on at most MAX_SITE_SUFFIX characters.
  const rest = title.slice(heading.length).match(/^\s+(?:\||–|—|-|::|·|»)\s+(.{2,60})$/);
  return rest?.[1]?.trim() ?? null;
}

export function htmlMetadata(document: DomDocument): HtmlMetadata {
  const meta = metaTags(document);
  const nodes = jsonLdNodes(document);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? {};
  const publisher = article.publisher ?? article.sourceOrganization;

  let siteName = str(publisher) ?? first(meta, SITE_KEYS);
  if (siteName?.startsWith("@")) siteName = null;
  const rawTitle =
    str(article.headline) ??
    first(meta, ["og:title", "twitter:title", "headline", "title", "dc.title"]) ??
    (restoreText(document.querySelector("title")?.textContent ?? "").trim() || null);
  // The page's own headline tells where the title ends and the site's name begins ("Budget passes - Valley Gazette").
  const heading = restoreText(document.querySelector("h1, h2")?.textContent ?? "").trim();
  const headlineSite = rawTitle && heading ? siteAfterHeadline(rawTitle, heading) : null;
  const title = rawTitle ? stripSiteSuffix(rawTitle, [siteName, headlineSite]) : null;

  const publishedAt =
    normalizeDate(article.datePublished) ??
    normalizeDate(first(meta, DATE_KEYS)) ??
    normalizeDate(article.dateCreated) ??
    normalizeDate(document.querySelector('[itemprop="datePublished"]')?.getAttribute("datetime") ?? null);

  let authors = authorList(article.author ?? article.creator);
  if (authors.length === 0) authors = authorList(first(meta, AUTHOR_KEYS));
  if (authors.length === 0) {
    const links = document.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"]');
    const names: string[] = [];
    for (let i = 0; i < links.length && i < 10; i++) names.push(links[i]!.textContent ?? "");
    authors = authorList(names);
  }

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || null;
  const url = canonical ?? first(meta, ["og:url", "twitter:url"]) ?? str(article.url) ?? str(article.mainEntityOfPage);

  // The title's " | Site" suffix names the outlet when nothing else does.
  let outlet = siteName;
  if (!outlet && rawTitle && title && rawTitle !== title) {
    outlet =
      rawTitle
        .slice(title.length)
        .replace(/^\s*(?:\||–|—|-|::|·|»)\s*/, "")
        .trim() || null;
  }
  return {
    title,
    publishedAt,
    authors,
    outlet,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    siteName,
  };
}
