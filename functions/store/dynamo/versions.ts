// The version history of a key, for the writers: when a key gets new content the article it held becomes the
// earlier version (archived, see archive in writes.ts) and both are recorded in the key's source partition; when
// the newer version is completed, the claim changes from its predecessor are written on its version item. Every
// write is a deterministic Put or Update by key, so a rerun after a crash writes the same items again.
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ClaimRecord } from "../../schemas/records.ts";
import type { ClaimRef, VersionChanges } from "../../schemas/versions.ts";
import { pairClaims } from "../../tracking/versions.ts";
import { type ArticleItemFields, claimRecordOf, type Item } from "../items.ts";
import { articlePk, CLAIM_PREFIX, sourcePk, VERSION_PREFIX, versionSk } from "../keys.ts";
import {
  ARCHIVED_CLAIM,
  MAX_CHANGE_TEXT,
  MAX_LISTED_CHANGES,
  MAX_VERSIONS,
  type VersionFields,
  versionItem,
} from "../version-items.ts";
import { ignoringConditionFailure, type StoreContext } from "./context.ts";
import { queryAll } from "./query.ts";

/** The claim changes from `earlier` to `later` (domain code: tracking/versions.ts), bounded for one item. */
export function changesBetween(earlier: readonly ClaimRecord[], later: readonly ClaimRecord[]): VersionChanges {
  const pairs = pairClaims(earlier, later, () => null);
  const ref = (c: ClaimRecord): ClaimRef => ({
    claimId: c.id,
    text: c.text.length > MAX_CHANGE_TEXT ? `${c.text.slice(0, MAX_CHANGE_TEXT - 1)}…` : c.text,
  });
  const listed = pairs.slice(0, MAX_LISTED_CHANGES);
  const count = (change: string) => pairs.filter((p) => p.change === change).length;
  return {
    added: listed.filter((p) => p.change === "added").map((p) => ref(p.after!)),
    removed: listed.filter((p) => p.change === "removed").map((p) => ref(p.before!)),
    changed: listed
      .filter((p) => p.change === "changed")
      .map((p) => ({ before: ref(p.before!), after: ref(p.after!) })),
    counts: { added: count("added"), removed: count("removed"), changed: count("changed") },
    complete: pairs.length <= MAX_LISTED_CHANGES,
  };
}

export interface VersionChain {
  /** The key's version items, oldest first. */
  read(sourceId: string): Promise<Item[]>;
  /**
   * Records `next` as the newest version of the key after `previous` (recorded as version 1 when the key had no
   * history). Returns the version items now beyond MAX_VERSIONS, oldest first, for the caller to remove.
   */
  append(
    sourceId: string,
    key: string,
    previous: ArticleItemFields | null,
    next: ArticleItemFields,
  ): Promise<{ beyond: Item[]; kept: Item[] }>;
  /**
   * Writes an article's outcome on its newest version item of the key, with the claim changes from its
   * predecessor when it has claims (null: it failed). Nothing when the key's history no longer lists it.
   */
  recordOutcome(
    chain: string,
    articleId: string,
    outcome: VersionFields["article"],
    claims: readonly ClaimRecord[] | null,
  ): Promise<void>;
  /** The stored claims of an article, earlier version or not, in reading order. */
  claimsOf(articleId: string): Promise<ClaimRecord[]>;
}

export const versionFieldsOf = (a: ArticleItemFields): VersionFields["article"] => ({
  status: a.status,
  claimCount: a.claimCount,
  receivedAt: a.receivedAt,
  publishedAt: a.metadata.publishedAt,
});

export function createVersionChain(ctx: StoreContext): VersionChain {
  const read = (sourceId: string) =>
    queryAll(ctx, {
      partition: sourcePk(sourceId),
      sortCondition: "begins_with(#sk, :v)",
      values: { ":v": VERSION_PREFIX },
      consistent: true,
    });
  const put = (fields: VersionFields) =>
    ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: versionItem(fields) }));

  const claimsOf = async (articleId: string) =>
    (
      await queryAll(ctx, {
        partition: articlePk(articleId),
        sortCondition: "begins_with(#sk, :c)",
        values: { ":c": CLAIM_PREFIX },
        consistent: true,
      })
    )
      .filter((i) => i.type === "claim" || i.type === ARCHIVED_CLAIM)
      .map(claimRecordOf);

  return {
    read,
    claimsOf,

    async append(sourceId, key, previous, next) {
      let items = await read(sourceId);
      let last = items.at(-1);
      if (!last && previous) {
        const first = { sourceId, key, version: 1, articleId: previous.id, previousId: null, nextId: null };
        await put({ ...first, article: versionFieldsOf(previous), changes: null });
        items = await read(sourceId);
        last = items.at(-1);
      }
      if (last?.articleId !== next.id) {
        const number = last ? Number(last.number) + 1 : 1;
        const previousId = last ? String(last.articleId) : null;
        // The link forward first: a rerun after a crash between the two finds the key's last version unchanged.
        if (last) {
          await ctx.doc.send(
            new UpdateCommand({
              TableName: ctx.tableName,
              Key: { pk: last.pk, sk: last.sk },
              UpdateExpression: "SET nextId = :n",
              ExpressionAttributeValues: { ":n": next.id },
            }),
          );
        }
        await put({
          sourceId,
          key,
          version: number,
          articleId: next.id,
          previousId,
          nextId: null,
          article: versionFieldsOf(next),
          changes: null,
        });
        items = await read(sourceId);
      }
      const cut = Math.max(0, items.length - MAX_VERSIONS);
      return { beyond: items.slice(0, cut), kept: items.slice(cut) };
    },

    async recordOutcome(chain, articleId, outcome, claims) {
      const mine = (await read(chain)).filter((i) => i.articleId === articleId).at(-1);
      if (!mine) return;
      const changes =
        claims && typeof mine.previousId === "string" ? changesBetween(await claimsOf(mine.previousId), claims) : null;
      await ignoringConditionFailure(
        ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: { pk: sourcePk(chain), sk: versionSk(Number(mine.number)) },
            UpdateExpression: "SET #status = :s, claimCount = :c, publishedAt = :p, changes = :ch",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":s": outcome.status,
              ":c": outcome.claimCount,
              ":p": outcome.publishedAt,
              ":ch": changes,
            },
          }),
        ),
      );
    },
  };
}
