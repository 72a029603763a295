// Versions of an object's article: each content a key held is one version item in the key's source partition
// (`SOURCE#<source id>` / `VERSION#<number>`), with the claim changes from its predecessor, so the history of a
// key reads in one Query. An earlier version keeps its article and claims, but its claims leave every index
// (`claim-archived` items: the record alone), so lists of current claims, speakers and facts never show them.
import { ArticleVersion, type VersionChanges } from "../schemas/versions.ts";
import type { ArticleItemFields, Item } from "./items.ts";
import { sourcePk, versionSk } from "./keys.ts";

/** Versions kept per key: the newest ten. An older one is deleted (article, claims, text) when an 11th comes. */
export const MAX_VERSIONS = 10;
/** Changes listed per version (all are counted): keeps the item far below the 64 KB every item stays under. */
export const MAX_LISTED_CHANGES = 50;
export const MAX_CHANGE_TEXT = 500;

export const ARCHIVED_CLAIM = "claim-archived";

export interface VersionFields {
  sourceId: string;
  key: string;
  version: number;
  articleId: string;
  previousId: string | null;
  nextId: string | null;
  article: Pick<ArticleItemFields, "status" | "claimCount" | "receivedAt"> & { publishedAt: string | null };
  changes: VersionChanges | null;
}

/** `number`, not `version`: the article item's `version` counts its writes. */
export function versionItem(f: VersionFields): Item {
  return {
    pk: sourcePk(f.sourceId),
    sk: versionSk(f.version),
    type: "version",
    number: f.version,
    key: f.key,
    articleId: f.articleId,
    previousId: f.previousId,
    nextId: f.nextId,
    status: f.article.status,
    publishedAt: f.article.publishedAt,
    receivedAt: f.article.receivedAt,
    claimCount: f.article.claimCount,
    changes: f.changes,
  };
}

export function versionOf(item: Item): ArticleVersion {
  const parsed = ArticleVersion.safeParse({ ...item, id: item.articleId, version: item.number });
  if (!parsed.success) throw new Error(`stored version item does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

/** An article never replaced is its key's only version. */
export function onlyVersionOf(article: Item & { key: string }): ArticleVersion {
  return versionOf({
    ...article,
    number: 1,
    articleId: article.id,
    previousId: null,
    nextId: null,
    publishedAt: (article.metadata as { publishedAt?: string | null } | undefined)?.publishedAt ?? null,
    changes: null,
  });
}

/** An earlier version's claim: readable by id (same key as the claim), in no index and no count. */
export function archivedClaimItem(claim: Item): Item {
  return { pk: claim.pk, sk: claim.sk, type: ARCHIVED_CLAIM, record: claim.record };
}
