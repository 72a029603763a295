// Key strings of the single table: every pk/sk/gsi value is built here and nowhere else, so docs/store.md's
// access-pattern table and the code cannot drift apart. Pure functions, nothing from AWS.
import { createHash } from "node:crypto";
import type { ObjectSource } from "../schemas/records.ts";

// --- the article partition: ARTICLE#<id> holds the article, its sources, claims and index items ----------------
// Sort keys starting with "#" sort before all others, so `begins_with(sk, "#")` reads the article with its sources.
export const articlePk = (articleId: string): string => `ARTICLE#${articleId}`;
export const ARTICLE_SK = "#ARTICLE";
export const SOURCE_LISTING_PREFIX = "#SOURCE#";
export const sourceListingSk = (sourceId: string): string => `${SOURCE_LISTING_PREFIX}${sourceId}`;
export const CLAIM_PREFIX = "CLAIM#";
export const claimSk = (ordinal: number): string => `${CLAIM_PREFIX}${pad(ordinal, 6)}`;
export const ENTITY_PREFIX = "ENTITY#";
export const entityIndexSk = (ordinal: number, entityKey: string): string =>
  `${ENTITY_PREFIX}${pad(ordinal, 6)}#${entityKey}`;
export const TIME_PREFIX = "TIME#";
export const timeIndexSk = (ordinal: number): string => `${TIME_PREFIX}${pad(ordinal, 6)}`;
/** Marks that the article contributes to one speaker's counts, so its removal finds it (see speaker-counts.ts). */
export const CONTRIBUTION_PREFIX = "SPEAKER#";
export const contributionSk = (speakerKey: string): string => `${CONTRIBUTION_PREFIX}${speakerKey}`;

/** The article's claims as tracking keeps them (packed at article grain), their facts and their relations. */
export const TRACK_SK = "TRACK";
/** One item per blocking key of a tracked article (entity, figure or speaker key); indexed in gsi2. */
export const TRACK_KEY_PREFIX = "TRACKKEY#";
export const trackKeySk = (key: string): string => `${TRACK_KEY_PREFIX}${key}`;

// --- other partitions -------------------------------------------------------------------------------------------
/** Which article a source object currently holds. S3 keys can be 1024 bytes, so the key is hashed. */
export const sourcePk = (sourceId: string): string => `SOURCE#${sourceId}`;
export const SOURCE_SK = "#SOURCE";
/** A speaker's partition: the aggregate counts and one contribution item per article quoting the speaker. */
export const speakerPk = (speakerKey: string): string => `SPEAKER#${speakerKey}`;
export const SPEAKER_SK = "#SPEAKER";
/** In a source's partition: the versions of the object, one item per content it held (see version-items.ts). */
export const VERSION_PREFIX = "VERSION#";
export const versionSk = (version: number): string => `${VERSION_PREFIX}${pad(version, 6)}`;
export const SPEAKER_ARTICLE_PREFIX = "ARTICLE#";
export const speakerArticleSk = (articleId: string): string => `${SPEAKER_ARTICLE_PREFIX}${articleId}`;

// --- index partitions -------------------------------------------------------------------------------------------
export const ARTICLES_FEED = "ARTICLES"; // gsi1: articles, newest first
export const CLAIMS_FEED = "CLAIMS"; // gsi1: claims, newest article first, reading order within an article
export const CLAIM_TIME_FEED = "CLAIMTIME"; // gsi1: claims by the time they are about
/** gsi2: claims by the surname of their speaker's key, so a surname alone and its full name share a partition. */
export const speakerClaimsPk = (surname: string): string => `SPEAKER#${surname}`;
export const entityClaimsPk = (entityKey: string): string => `ENTITY#${entityKey}`; // gsi2
export const certaintyClaimsPk = (certainty: string): string => `CERTAINTY#${certainty}`; // gsi3
export const SPEAKER_RANKING = "SPEAKERS"; // gsi3: speakers by claim count
export const SPEAKER_NAMES = "SPEAKERNAMES"; // gsi1: speakers by key (prefix of the first name word)
export const SPEAKER_SURNAMES = "SPEAKERSURNAMES"; // gsi2: speakers by surname, then key
export const speakerSurnameSk = (surname: string, speakerKey: string): string => `${surname}#${speakerKey}`;

/** A fact's partition: its members, the links that hold them, what the API shows of each member. */
export const factPk = (factId: string): string => `FACT#${factId}`;
export const FACT_SK = "#FACT";
export const FACTS_FEED = "FACTS"; // gsi1: facts, most recently reported first
/** gsi2: tracked articles by blocking key, newest first; the sort key starts with the feed time (its month). */
export const trackKeyPk = (key: string): string => `TRACKKEY#${key}`;
export const trackKeyIndexSk = (sortTime: string, articleId: string): string => `${sortTime}#${articleId}`;
export const factFeedSk = (sortTime: string, factId: string): string => `${sortTime}#${factId}`;

/** A stable id for an S3 object: 128 bits of sha256 over bucket and key. */
export function sourceIdOf(source: ObjectSource): string {
  return createHash("sha256").update(`${source.bucket}\n${source.key}`).digest("hex").slice(0, 32);
}

/**
 * The lookup key of a person's or entity's name: case, accents' composed forms and spacing do not matter.
 * Very long names (extraction accidents) are cut and suffixed with a hash so keys stay within DynamoDB's limits.
 */
export function nameKey(name: string): string {
  const key = name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  if (key.length <= 200) return key;
  return `${key.slice(0, 160)}~${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

/**
 * A sortable UTC instant for a publication time, which the extractor gives as a date, a local time or a time
 * with an offset. Dates and local times are read as UTC: good enough to order a feed, never shown to anyone.
 * Unreadable or missing times fall back to `fallback` (the time the article was received).
 */
export function sortableTime(publishedAt: string | null, fallback: string): string {
  if (!publishedAt) return fallback;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt)
    ? `${publishedAt}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(publishedAt)
      ? `${publishedAt}Z`
      : publishedAt;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return fallback;
  const iso = new Date(ms).toISOString();
  // Years before 0 or after 9999 give "+012345-..." forms that do not sort as strings.
  return /^\d{4}-/.test(iso) ? iso : fallback;
}

/** Feed order for claims: newest article first and, inside an article, reading order (ordinal inverted). */
export const claimFeedSk = (sortTime: string, articleId: string, ordinal: number): string =>
  `${sortTime}#${articleId}#${pad(999_999 - ordinal, 6)}`;

/** Time-index order: by the start, then the end, of the time a claim is about; reading order breaks ties. */
export const claimTimeSk = (start: string, end: string, articleId: string, ordinal: number): string =>
  `${start}#${end}#${articleId}#${pad(ordinal, 6)}`;

export const articleFeedSk = (sortTime: string, articleId: string): string => `${sortTime}#${articleId}`;

/**
 * Speakers ranked by claim count, read in ascending order: the count is subtracted from 10^10 and zero-padded, so
 * the most quoted come first and speakers with equal counts follow in name order.
 */
export const speakerRankSk = (claimCount: number, speakerKey: string): string =>
  `${pad(9_999_999_999 - claimCount, 10)}#${speakerKey}`;

/**
 * Claim ids are `<articleId>-c<ordinal, at least 4 digits>` (the extractor's stable ids): the id alone locates
 * the claim, so `GET /claims/{id}` is one GetItem.
 */
export function parseClaimId(claimId: string): { articleId: string; ordinal: number } | null {
  const m = /^(.+)-c(\d{4,6})$/.exec(claimId);
  if (!m) return null;
  return { articleId: m[1]!, ordinal: Number(m[2]) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
