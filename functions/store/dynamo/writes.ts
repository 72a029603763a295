// The write side, for the ingest pipeline and the API. No transactions (an article's claims outnumber what one
// holds, and dynalite has none): deterministic keys, conditional writes and an order of steps in which a crash
// anywhere leaves a state that the same call, run again, completes. Writers of one article may run at the same
// time as its deletion: the deletion fence (deletion-fence.ts) decides which of them wins, and a writer that finds
// its article deleted removes what it wrote itself.
import { createHash } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Extraction } from "../../schemas/article.ts";
import type { ArticleRecord } from "../../schemas/records.ts";
import { mapLimit } from "../../shared/map-limit.ts";
import type { ArticleReader, ArticleWriter, PendingArticle } from "../claim-store.ts";
import { ArticleNotFoundError, InvalidRecordError, SourceSupersededError } from "../errors.ts";
import {
  type ArticleItemFields,
  articleFieldsOf,
  articleItem,
  articleRecordOf,
  assertItemFits,
  claimItems,
  emptyMetadata,
  eventOrder,
  type Item,
  isClaimPart,
  sourceItem,
  sourceListingItem,
} from "../items.ts";
import {
  ARTICLE_SK,
  ARTICLES_FEED,
  articleFeedSk,
  articlePk,
  nameKey,
  parseClaimId,
  SOURCE_LISTING_PREFIX,
  SOURCE_SK,
  sortableTime,
  sourceIdOf,
  sourceListingSk,
  sourcePk,
} from "../keys.ts";
import { ARCHIVED_CLAIM, archivedClaimItem } from "../version-items.ts";
import { deleteAll, putAll } from "./batch.ts";
import { ignoringConditionFailure, isConditionFailure, type StoreContext } from "./context.ts";
import { articleOutsideFence, FENCE_ATTRIBUTE, liftFence, readArticleItem, setFence } from "./deletion-fence.ts";
import { queryAll } from "./query.ts";
import {
  isMarker,
  markerOf,
  reconcileContributions,
  removeContribution,
  wantedContributions,
} from "./speaker-counts.ts";
import { createTracker } from "./tracking.ts";
import { createVersionChain } from "./versions.ts";

/** A failure reason is shown to people: one paragraph, not a stack trace. */
const MAX_REASON_CHARS = 1000;
/** Claim ordinals are zero-padded to six digits in sort keys. */
const MAX_CLAIMS = 1_000_000;

export function createWriter(ctx: StoreContext, reader: ArticleReader): ArticleWriter {
  const nowIso = () => ctx.now().toISOString();
  // Facts across articles (tracking.ts): linked before an article becomes PROCESSED, unlinked before it goes.
  const tracker = createTracker(ctx);
  // The history of each key (versions.ts): an article replaced under its key stays as the earlier version.
  const versions = createVersionChain(ctx);

  /**
   * The article a writer may work on; throws ArticleNotFoundError (after removing leftovers) when it is gone.
   * `speakers`: those the writer has written contributions for.
   */
  const articleToWrite = async (articleId: string, speakers: Iterable<string> = []): Promise<ArticleItemFields> => {
    const item = await articleOutsideFence(ctx, articleId);
    if (item) return articleFieldsOf(item);
    await removeLeftovers(articleId, speakers);
    throw new ArticleNotFoundError(articleId);
  };

  const mustGetArticle = async (articleId: string): Promise<ArticleRecord> => {
    const article = await reader.getArticle(articleId);
    if (!article) throw new ArticleNotFoundError(articleId);
    return article;
  };

  /**
   * Removes the article's claims, index items and speaker contributions (in that order of safety): those the
   * partition's markers name, and those of `speakers` too.
   */
  const clearClaims = async (articleId: string, partition: Item[], speakers: Iterable<string> = []) => {
    const markers = partition.filter(isMarker).map(markerOf);
    const named = new Set(markers.map((m) => m.speakerKey));
    await reconcileContributions(ctx, articleId, markers, new Map());
    const unmarked = [...speakers].filter((key) => !named.has(key));
    await mapLimit(unmarked, ctx.concurrency, (key) => removeContribution(ctx, articleId, key));
    await deleteAll(ctx, partition.filter(isClaimPart));
  };

  /**
   * A writer whose article was deleted while it wrote may have written claims and contributions after the
   * deleter read the partition: it removes them itself (the deleter removed everything it had read). The
   * speakers it wrote for are removed even without a marker: the deleter may have removed the marker between
   * the writer's marker and its contribution.
   */
  const removeLeftovers = async (articleId: string, speakers: Iterable<string> = []) => {
    const partition = await readPartition(articleId);
    if (partition.some((i) => i.sk === ARTICLE_SK)) return;
    await tracker.untrack(articleId);
    await clearClaims(articleId, partition, speakers);
  };

  /** Sets the article's outcome, unless it was deleted meanwhile (then removes what was written for it). */
  const finishArticle = async (
    articleId: string,
    set: Record<string, unknown>,
    remove: string[] = [],
    speakers: Iterable<string> = [],
  ) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":one": 1 };
    const assignments = Object.entries(set).map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:v${i}`] = value;
      return `#a${i} = :v${i}`;
    });
    const removals = remove.map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    names["#fence"] = FENCE_ATTRIBUTE;
    for (;;) {
      try {
        await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: { pk: articlePk(articleId), sk: ARTICLE_SK },
            UpdateExpression: `SET ${assignments.join(", ")} ADD version :one${removals.length ? ` REMOVE ${removals.join(", ")}` : ""}`,
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#fence)",
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
      // Being deleted: once the deleter gives up (a source is left), finish; once it is gone, clean up.
      await articleToWrite(articleId, speakers);
    }
  };

  /**
   * Forgets which article an object holds — unless it holds another one by now, or a later event recorded it:
   * that mapping is not ours.
   */
  const deleteSourceMapping = (sourceId: string, articleId: string, order: string | null = null) =>
    ignoringConditionFailure(
      ctx.doc.send(
        new DeleteCommand({
          TableName: ctx.tableName,
          Key: { pk: sourcePk(sourceId), sk: SOURCE_SK },
          ConditionExpression: `articleId = :id${order ? " AND (attribute_not_exists(sequencer) OR sequencer <= :seq)" : ""}`,
          ExpressionAttributeValues: { ":id": articleId, ...(order ? { ":seq": order } : {}) },
        }),
      ),
    );

  const findMappedArticle = async (sourceId: string): Promise<string | null> => {
    const res = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: { pk: sourcePk(sourceId), sk: SOURCE_SK },
        ConsistentRead: true,
      }),
    );
    return res.Item ? String(res.Item.articleId) : null;
  };

  /**
   * Detaches a source from an article; deletes the article when it has no source left — or, with `archiveAs`,
   * keeps it as the earlier version of the key. True when the article was deleted.
   */
  const detachSource = async (articleId: string, sourceId: string, archiveAs?: Archive): Promise<boolean> => {
    await ctx.doc.send(
      new DeleteCommand({ TableName: ctx.tableName, Key: { pk: articlePk(articleId), sk: sourceListingSk(sourceId) } }),
    );
    return (await releaseUnheld(articleId, archiveAs)) === "deleted";
  };

  /**
   * Unless a source still holds the article: deletes it, or archives it (`archiveAs`). The fence goes up before
   * the check for other sources: a source attached before it is seen here, one attached after it waits.
   */
  const releaseUnheld = async (articleId: string, archiveAs?: Archive): Promise<"held" | "archived" | "deleted"> => {
    const fence = await setFence(ctx, articleId);
    const rest = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": articlePk(articleId), ":prefix": SOURCE_LISTING_PREFIX },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    if ((rest.Items ?? []).length > 0) {
      if (fence) await liftFence(ctx, articleId, fence);
      return "held";
    }
    if (archiveAs && fence) {
      await archive(articleId, archiveAs);
      await liftFence(ctx, articleId, fence);
      return "archived";
    }
    await removeArticle(articleId);
    return "deleted";
  };

  /**
   * With the fence up: the article stays, readable by id, as an earlier version. Its claims leave their facts,
   * the speaker counts and every index (each claim item becomes a `claim-archived` item holding the record
   * alone); the article item leaves the articles feed and names the version that replaced it. Each step is a
   * write by key from what the partition holds, so a rerun redoes what is left.
   */
  const archive = async (articleId: string, as: Archive): Promise<void> => {
    const partition = await readPartition(articleId);
    await tracker.untrack(articleId);
    await reconcileContributions(ctx, articleId, partition.filter(isMarker).map(markerOf), new Map());
    await putAll(ctx, partition.filter((i) => i.type === "claim").map(archivedClaimItem));
    await deleteAll(
      ctx,
      partition.filter((i) => isClaimPart(i) && i.type !== "claim" && i.type !== ARCHIVED_CLAIM),
    );
    await ignoringConditionFailure(
      ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: articlePk(articleId), sk: ARTICLE_SK },
          UpdateExpression: "SET supersededBy = :by, chain = :chain REMOVE gsi1pk, gsi1sk, extractionHash",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":by": as.by, ":chain": as.chain },
        }),
      ),
    );
  };

  /** An earlier version whose content came back (under its key or another): current again, in the feed. */
  const restoreArchived = (item: Item) =>
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: item.pk, sk: ARTICLE_SK },
        UpdateExpression: "SET gsi1pk = :feed, gsi1sk = :sk REMOVE supersededBy, extractionHash",
        ExpressionAttributeValues: {
          ":feed": ARTICLES_FEED,
          ":sk": articleFeedSk(String(item.sortTime), String(item.id)),
        },
      }),
    );

  const setChain = (articleId: string, chain: string) =>
    ignoringConditionFailure(
      ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: articlePk(articleId), sk: ARTICLE_SK },
          UpdateExpression: "SET chain = :chain",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":chain": chain },
        }),
      ),
    );

  /**
   * Versions beyond MAX_VERSIONS: their articles go (unless a key holds them, or a kept version is the same
   * article), then their version items; the oldest kept version has no previous one any more. Returns the ids
   * of the articles deleted, whose texts the caller deletes.
   */
  const removeVersions = async (gone: Item[], kept: Item[]): Promise<string[]> => {
    const keep = new Set(kept.map((v) => String(v.articleId)));
    const removed: string[] = [];
    for (const id of new Set(gone.map((v) => String(v.articleId)))) {
      if (!keep.has(id) && (await releaseUnheld(id)) === "deleted") removed.push(id);
    }
    await deleteAll(ctx, gone);
    const oldest = kept[0];
    // Its predecessor is gone whenever it is not the first version (checked on every run: a rerun finds it).
    if (oldest && Number(oldest.number) > 1 && oldest.previousId !== null) {
      await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: oldest.pk, sk: oldest.sk },
          UpdateExpression: "SET previousId = :none",
          ExpressionAttributeValues: { ":none": null },
        }),
      );
    }
    return removed;
  };

  const readPartition = (articleId: string) => queryAll(ctx, { partition: articlePk(articleId), consistent: true });

  /**
   * With the fence up. Order: speaker counts first (they need the contribution markers), then claims, then the
   * source mappings, and the article item last — a crash half-way leaves the article visible (and fenced) and
   * the rerun finds everything.
   */
  const removeArticle = async (articleId: string): Promise<ArticleRecord | null> => {
    const partition = await readPartition(articleId);
    if (partition.length === 0) return null;
    // Its claims leave their facts first: the tracking item says which, and goes last.
    await tracker.untrack(articleId);
    const listings = partition.filter((i) => i.type === "source-listing");
    const articleItemFound = partition.find((i) => i.sk === ARTICLE_SK);
    const before = articleItemFound ? articleRecordOf(articleItemFound, listings) : null;
    await clearClaims(articleId, partition);
    for (const listing of listings) {
      await deleteSourceMapping(String(listing.sk).slice(SOURCE_LISTING_PREFIX.length), articleId);
    }
    await deleteAll(ctx, listings);
    if (articleItemFound) await deleteAll(ctx, [articleItemFound]);
    // A writer that stopped waiting for the fence (and left its message to a retry that finds the object gone)
    // may have written after the partition was read above; with the article item gone, nothing else finds it.
    await removeLeftovers(articleId);
    return before;
  };

  const deleteArticle = async (articleId: string): Promise<ArticleRecord | null> => {
    await setFence(ctx, articleId);
    return removeArticle(articleId);
  };

  return {
    async recordPending(input: PendingArticle) {
      const { id, contentHash, source } = input;
      const sourceId = sourceIdOf(source);
      const now = nowIso();
      const order = eventOrder(input.sequencer);
      const mapping = await ctx.doc.send(
        new GetCommand({
          TableName: ctx.tableName,
          Key: { pk: sourcePk(sourceId), sk: SOURCE_SK },
          ConsistentRead: true,
        }),
      );
      if (isLaterThan(mapping.Item, order)) throw new SourceSupersededError(source.key);
      const metadata = emptyMetadata(input.metadata);
      const sortTime = sortableTime(metadata.publishedAt, now);
      const item = articleItem({
        id,
        contentHash,
        metadata,
        status: "PENDING",
        failureReason: null,
        claimCount: 0,
        receivedAt: now,
        updatedAt: now,
        processedAt: null,
        version: 1,
        extractorVersion: null,
        extractionHash: null,
        sortTime,
      });
      assertItemFits(item, `article ${id}`);
      let created = false;
      let existing: Item | null = null;
      for (;;) {
        // The listing before the article: a deletion that fences the article after this finds the listing.
        // Conditional, so a source keeps the time it was first recorded (sources are listed in that order).
        await ignoringConditionFailure(
          ctx.doc.send(
            new PutCommand({
              TableName: ctx.tableName,
              Item: sourceListingItem(id, sourceId, source, now),
              ConditionExpression: "attribute_not_exists(pk)",
            }),
          ),
        );
        created = await ignoringConditionFailure(
          ctx.doc.send(
            new PutCommand({ TableName: ctx.tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
          ),
        );
        // Attached unless a deletion fenced the article before the listing was written: wait for its end.
        if (created) break;
        existing = await articleOutsideFence(ctx, id);
        if (existing) break;
      }
      if (typeof existing?.supersededBy === "string") await restoreArchived(existing);
      const previous = mapping.Item ? String(mapping.Item.articleId) : null;
      let replacedArticleId = previous && previous !== id ? previous : null;
      // The mapping still names the old article until it is detached: a crash here is finished by the rerun.
      // The old article becomes the earlier version of the key: recorded in the key's history, then archived.
      let replacedArticleDeleted = false;
      let removedVersionIds: string[] = [];
      if (replacedArticleId) {
        const earlier = await readArticleItem(ctx, replacedArticleId);
        const later = await readArticleItem(ctx, id);
        const history = later
          ? await versions.append(
              sourceId,
              source.key,
              earlier ? articleFieldsOf(earlier) : null,
              articleFieldsOf(later),
            )
          : { beyond: [], kept: [] };
        await setChain(id, sourceId);
        replacedArticleDeleted = await detachSource(replacedArticleId, sourceId, { by: id, chain: sourceId });
        removedVersionIds = await removeVersions(history.beyond, history.kept);
      }
      try {
        const put = await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: sourceItem(id, sourceId, source, order),
            ReturnValues: "ALL_OLD",
            ...(order ? laterThanRecorded(order) : {}),
          }),
        );
        // An earlier event of the key recorded its article after the mapping was read above: that article no
        // longer holds the key either.
        const overwritten = put.Attributes?.articleId === undefined ? null : String(put.Attributes.articleId);
        if (overwritten && overwritten !== id && overwritten !== replacedArticleId) {
          const deleted = await detachSource(overwritten, sourceId);
          if (deleted || !replacedArticleId) {
            replacedArticleId = overwritten;
            replacedArticleDeleted = deleted;
          }
        }
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        // A later event of the key was recorded meanwhile: take our listing back, unless it is the same content.
        if ((await findMappedArticle(sourceId)) !== id) await detachSource(id, sourceId);
        throw new SourceSupersededError(source.key);
      }
      return {
        article: await mustGetArticle(id),
        created,
        replacedArticleId,
        replacedArticleDeleted,
        removedVersionIds,
      };
    },

    async completeArticle(extraction) {
      const parsed = Extraction.safeParse(extraction);
      if (!parsed.success) throw new InvalidRecordError(`the extraction is not valid: ${parsed.error.message}`);
      const { article, claims } = parsed.data;
      checkClaimIds(article.id, claims);
      const current = await articleToWrite(article.id);

      const metadata = {
        title: article.title,
        publishedAt: article.publishedAt,
        authors: article.authors,
        outlet: article.outlet,
        url: article.url,
        format: article.format,
      };
      const { extractorVersion } = parsed.data;
      const extractionHash = createHash("sha256")
        .update(JSON.stringify({ extractorVersion, metadata, claims }))
        .digest("hex");
      if (current.status === "PROCESSED" && current.extractionHash === extractionHash) {
        return mustGetArticle(article.id);
      }
      const sortTime = sortableTime(article.publishedAt, current.receivedAt);
      assertItemFits(articleItem({ ...current, metadata, sortTime }), `the metadata of article ${article.id}`);
      // An earlier version completed late (replaced while it was extracted) keeps its claims out of every index.
      const archived = current.supersededBy !== undefined;
      const records = claims.map((claim) => ({ ...claim, articleId: article.id, publishedAt: article.publishedAt }));
      const items = records.flatMap((record) => {
        const its = claimItems(record, sortTime, metadata.outlet);
        return archived ? [archivedClaimItem(its[0]!)] : its;
      });

      const partition = await readPartition(article.id);
      await putAll(ctx, items);
      // Claims of an earlier extraction that this one does not have (re-extraction with another extractor).
      const written = new Set(items.map((i) => i.sk));
      await deleteAll(
        ctx,
        partition.filter((i) => isClaimPart(i) && !written.has(i.sk)),
      );
      const wanted = archived ? new Map() : wantedContributions(claims);
      await reconcileContributions(ctx, article.id, partition.filter(isMarker).map(markerOf), wanted);
      // Linked to the stored facts while still PENDING: a crash here is finished by completing it again.
      if (!archived) await tracker.track(parsed.data, sortTime);
      // The changes from the previous version of its key, on its version item.
      if (current.chain) {
        const outcome = { status: "PROCESSED" as const, claimCount: claims.length, receivedAt: current.receivedAt };
        await versions.recordOutcome(
          current.chain,
          article.id,
          { ...outcome, publishedAt: article.publishedAt },
          records,
        );
      }

      // Only now, with every claim in place, does the article become PROCESSED.
      const now = nowIso();
      await finishArticle(
        article.id,
        {
          status: "PROCESSED",
          failureReason: null,
          claimCount: claims.length,
          metadata,
          processedAt: now,
          updatedAt: now,
          extractorVersion,
          extractionHash,
          sortTime,
          ...(archived ? {} : { gsi1sk: articleFeedSk(sortTime, article.id) }),
          ...(metadata.outlet ? { outletKey: nameKey(metadata.outlet) } : {}),
        },
        metadata.outlet ? [] : ["outletKey"],
        wanted.keys(),
      );
      return mustGetArticle(article.id);
    },

    async markFailed(articleId, reason) {
      const current = await articleToWrite(articleId);
      await tracker.untrack(articleId);
      await clearClaims(articleId, await readPartition(articleId));
      if (current.chain) {
        const outcome = { status: "FAILED" as const, claimCount: 0, receivedAt: current.receivedAt };
        await versions.recordOutcome(
          current.chain,
          articleId,
          { ...outcome, publishedAt: current.metadata.publishedAt },
          null,
        );
      }
      const now = nowIso();
      const text = reason.replace(/\s+/g, " ").trim() || "processing failed";
      await finishArticle(
        articleId,
        {
          status: "FAILED",
          failureReason: text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS - 1)}…` : text,
          claimCount: 0,
          processedAt: now,
          updatedAt: now,
        },
        ["extractionHash"],
      );
      return mustGetArticle(articleId);
    },

    async removeSource(source, sequencer) {
      const sourceId = sourceIdOf(source);
      const order = eventOrder(sequencer);
      const mapping = await ctx.doc.send(
        new GetCommand({
          TableName: ctx.tableName,
          Key: { pk: sourcePk(sourceId), sk: SOURCE_SK },
          ConsistentRead: true,
        }),
      );
      if (!mapping.Item || isLaterThan(mapping.Item, order))
        return { articleId: null, articleDeleted: false, removedVersionIds: [] };
      const articleId = String(mapping.Item.articleId);
      const articleDeleted = await detachSource(articleId, sourceId);
      // The key's earlier versions go with it (unless another key holds one), then its history.
      const history = await versions.read(sourceId);
      const removedVersionIds = await removeVersions(history, []);
      await deleteSourceMapping(sourceId, articleId, order);
      return { articleId, articleDeleted, removedVersionIds: removedVersionIds.filter((id) => id !== articleId) };
    },

    deleteArticle,
  };
}

/** How a replaced article is kept: the version that replaced it, and the key (source id) whose history it is in. */
interface Archive {
  by: string;
  chain: string;
}

/** A mapping recorded by a later event than `order` (the same event again is not later: reruns go through). */
function isLaterThan(mapping: Item | undefined, order: string | null): boolean {
  return order !== null && typeof mapping?.sequencer === "string" && mapping.sequencer > order;
}

function laterThanRecorded(order: string) {
  return {
    ConditionExpression: "attribute_not_exists(sequencer) OR sequencer <= :seq",
    ExpressionAttributeValues: { ":seq": order },
  };
}

/** Claim keys come from ordinals and `GET /claims/{id}` finds a claim by its id: both must agree. */
function checkClaimIds(articleId: string, claims: readonly { id: string; ordinal: number }[]): void {
  const seen = new Set<number>();
  for (const claim of claims) {
    const at = parseClaimId(claim.id);
    if (!at || at.articleId !== articleId || at.ordinal !== claim.ordinal) {
      throw new InvalidRecordError(`claim id ${claim.id} is not ${articleId}-c<ordinal> with ordinal ${claim.ordinal}`);
    }
    if (claim.ordinal >= MAX_CLAIMS) throw new InvalidRecordError(`article ${articleId} has over ${MAX_CLAIMS} claims`);
    if (seen.has(claim.ordinal))
      throw new InvalidRecordError(`article ${articleId} has two claims at ordinal ${claim.ordinal}`);
    seen.add(claim.ordinal);
  }
}
