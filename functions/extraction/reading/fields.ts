// Article metadata from loosely named fields, as JSON articles and Markdown front matter spell them
// ({title|headline, publishedAt|date|datePublished, authors|author|byline, outlet|source|publisher, url|link}).
import { authorList } from "./bylines.ts";
import { normalizeDate } from "./dates.ts";
import type { ArticleMetadata } from "./document.ts";

export type FieldMap = Record<string, unknown>;

const TITLE = ["title", "headline", "webTitle", "heading", "name"];
const DATE = [
  "publishedAt",
  "published_at",
  "published",
  "datePublished",
  "date_published",
  "publicationDate",
  "publication_date",
  "pubDate",
  "webPublicationDate",
  "firstPublicationDate",
  "date",
  "firstPublished",
  "created_at",
  "createdAt",
  "dateCreated",
  "time",
  "timestamp",
];
const AUTHORS = ["authors", "author", "byline", "creator", "creators", "writers", "writer", "by"];
const OUTLET = [
  "outlet",
  "source",
  "publisher",
  "publication",
  "site",
  "siteName",
  "site_name",
  "provider",
  "newspaper",
  "brand",
];
const URL_KEYS = ["url", "link", "canonicalUrl", "canonical_url", "canonical", "permalink", "webUrl", "web_url", "uri"];

/** The first present field among `names`, compared without case. */
export function field(fields: FieldMap, names: readonly string[]): unknown {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(fields)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  for (const name of names) {
    const v = lower.get(name.toLowerCase());
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || null;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") {
    const o = value as FieldMap;
    return text(o.rendered ?? o.name ?? o.title ?? o.url ?? o.href);
  }
  return null;
}

/** Dates some exports give in UTC beside a local one without a zone (WordPress "date" and "date_gmt"). */
const UTC_DATE = ["date_gmt", "dateGmt", "published_gmt", "publishedAtUtc", "published_utc"];

export function metadataFromFields(fields: FieldMap): Partial<ArticleMetadata> {
  const meta: Partial<ArticleMetadata> = {};
  // WordPress REST posts keep the names and the site under the SEO plugin's head ("yoast_head_json").
  const seo = field(fields, ["yoast_head_json"]);
  const extra: FieldMap = seo && typeof seo === "object" ? (seo as FieldMap) : {};
  const title = text(field(fields, TITLE));
  if (title) meta.title = title;
  let date = normalizeDate(field(fields, DATE));
  const utc = normalizeDate(field(fields, UTC_DATE));
  if (utc && /T\d{2}:\d{2}(?::\d{2})?$/.test(utc) && (!date || /T\d{2}:\d{2}(?::\d{2})?$/.test(date))) date = `${utc}Z`;
  if (date) meta.publishedAt = date;
  let authors = authorList(field(fields, AUTHORS));
  if (authors.length === 0) authors = authorList(field(extra, AUTHORS));
  if (authors.length > 0) meta.authors = authors;
  const outlet = text(field(fields, OUTLET)) ?? text(field(extra, ["og_site_name", ...OUTLET]));
  if (outlet) meta.outlet = outlet;
  const url = text(field(fields, URL_KEYS));
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  return meta;
}
