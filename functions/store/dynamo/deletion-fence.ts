// The deletion fence: before an article is deleted, a random token is set on its item (`deleting`). While it is
// there nobody attaches a source to the article or finishes it; they wait until the deleter has either given up
// (a source was attached before the fence, so the article stays) or deleted the article (then it is gone and
// they start afresh or clean up after themselves). Writers and deleters therefore never both win: a source
// attached before the fence is seen by the deleter's check for remaining sources, one attached after it waits.
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { StoreBusyError } from "../errors.ts";
import type { Item } from "../items.ts";
import { ARTICLE_SK, articlePk } from "../keys.ts";
import { ignoringConditionFailure, type StoreContext } from "./context.ts";

export const FENCE_ATTRIBUTE = "deleting";
/** How long a writer waits for a deletion in progress before leaving the work to a retry of its message. */
const FENCE_WAIT_MS = 5_000;
const FENCE_POLL_MS = 50;

const articleKey = (articleId: string) => ({ pk: articlePk(articleId), sk: ARTICLE_SK });

/** Sets the fence; returns its token, or null when there is no article item to fence. */
export async function setFence(ctx: StoreContext, articleId: string): Promise<string | null> {
  const token = ctx.newToken();
  const set = await ignoringConditionFailure(
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: articleKey(articleId),
        UpdateExpression: "SET #fence = :token",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#fence": FENCE_ATTRIBUTE },
        ExpressionAttributeValues: { ":token": token },
      }),
    ),
  );
  return set ? token : null;
}

/** The deleter gave up: the article stays. Only its own fence (a later deleter's is that deleter's to lift). */
export async function liftFence(ctx: StoreContext, articleId: string, token: string): Promise<void> {
  await ignoringConditionFailure(
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: articleKey(articleId),
        UpdateExpression: "REMOVE #fence",
        ConditionExpression: "#fence = :token",
        ExpressionAttributeNames: { "#fence": FENCE_ATTRIBUTE },
        ExpressionAttributeValues: { ":token": token },
      }),
    ),
  );
}

export async function readArticleItem(ctx: StoreContext, articleId: string): Promise<Item | null> {
  const res = await ctx.doc.send(
    new GetCommand({ TableName: ctx.tableName, Key: articleKey(articleId), ConsistentRead: true }),
  );
  return res.Item ?? null;
}

export const isFenced = (item: Item): boolean => item[FENCE_ATTRIBUTE] !== undefined;

/**
 * The article item once no deletion is in progress: null when it was deleted. A deletion that does not end in
 * time (its deleter died; the retry of its message finishes it) is a transient error: the caller's message is
 * retried later.
 */
export async function articleOutsideFence(ctx: StoreContext, articleId: string): Promise<Item | null> {
  const deadline = Date.now() + FENCE_WAIT_MS;
  for (;;) {
    const item = await readArticleItem(ctx, articleId);
    if (!item || !isFenced(item)) return item;
    if (Date.now() >= deadline) throw new ArticleBeingDeletedError(articleId);
    await new Promise((resolve) => setTimeout(resolve, FENCE_POLL_MS));
  }
}

/** Transient: the article is being deleted; retry once the deletion is over. */
export class ArticleBeingDeletedError extends StoreBusyError {
  constructor(articleId: string) {
    super(0, 0);
    this.name = "ArticleBeingDeletedError";
    this.message = `article ${articleId} is being deleted; retry once that is over`;
  }
}
