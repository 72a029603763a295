// Speaker counts for `GET /speakers`, right under redelivery, reruns and replacement, with no transactions.
//
// Each article keeps one contribution item per speaker it quotes (ARTICLE#a / SPEAKER#key: the claim count and a
// state). The speaker's aggregate (SPEAKER#key / #SPEAKER) sums the contributions. A contribution is added to or
// removed from the aggregate by a conditional UpdateItem that also puts a unique token into the aggregate's
// `pending` set and only runs if that token is not there yet — so the change lands at most once, whoever retries.
// The contribution's state then moves on, and only after that is the token taken out of `pending` again:
//
//   adding   --(aggregate += n, token in pending)-->  added    --(token out of pending)-->  (settled)
//   removing --(aggregate -= n, token in pending)-->  removed  --(token out of pending)-->  item deleted
//
// Every step is idempotent and a crash between any two leaves a state a rerun finishes, so once every write to a
// speaker has run to completion its counts equal the sum over the stored articles. `pending` only holds tokens
// of changes in flight, so the aggregate stays small however many articles quote the speaker.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Claim } from "../../schemas/claim.ts";
import { mapLimit } from "../../shared/map-limit.ts";
import type { Item } from "../items.ts";
import { articlePk, contributionSk, nameKey, SPEAKER_RANKING, SPEAKER_SK, speakerPk, speakerRankSk } from "../keys.ts";
import { ignoringConditionFailure, isConditionFailure, type StoreContext } from "./context.ts";

type State = "adding" | "added" | "removing" | "removed";

export interface Contribution {
  speakerKey: string;
  name: string;
  claimCount: number;
  state: State;
  token: string;
}

export interface Wanted {
  name: string;
  claimCount: number;
}

/** Claims per speaker in an extraction, keyed by nameKey; the first spelling seen names the speaker. */
export function wantedContributions(claims: readonly Claim[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  for (const claim of claims) {
    const name = claim.attribution.speaker;
    if (!name) continue;
    const key = nameKey(name);
    const entry = wanted.get(key);
    if (entry) entry.claimCount++;
    else wanted.set(key, { name, claimCount: 1 });
  }
  return wanted;
}

export function contributionOf(item: Item): Contribution {
  return {
    speakerKey: String(item.speakerKey),
    name: String(item.name),
    claimCount: Number(item.claimCount),
    state: item.state as State,
    token: String(item.token),
  };
}

/** Brings the article's contributions to `wanted` (empty to remove them all) and the aggregates with them. */
export async function reconcileContributions(
  ctx: StoreContext,
  articleId: string,
  existing: readonly Contribution[],
  wanted: ReadonlyMap<string, Wanted>,
): Promise<void> {
  const current = new Map(existing.map((c) => [c.speakerKey, c]));
  const keys = [...new Set([...current.keys(), ...wanted.keys()])];
  await mapLimit(keys, ctx.concurrency, (key) => reconcileOne(ctx, articleId, key, current.get(key), wanted.get(key)));
}

/** Another writer moved the contribution on between our read and our write: read it again and continue. */
const MAX_ROUNDS = 5;

async function reconcileOne(
  ctx: StoreContext,
  articleId: string,
  speakerKey: string,
  found: Contribution | undefined,
  wanted: Wanted | undefined,
): Promise<void> {
  let current = found;
  for (let round = 1; ; round++) {
    try {
      await settleTowards(ctx, articleId, current, wanted, speakerKey);
      return;
    } catch (err) {
      if (!isConditionFailure(err) || round >= MAX_ROUNDS) throw err;
      current = await readContribution(ctx, articleId, speakerKey);
    }
  }
}

async function settleTowards(
  ctx: StoreContext,
  articleId: string,
  found: Contribution | undefined,
  wanted: Wanted | undefined,
  speakerKey: string,
): Promise<void> {
  let current = found;
  if (current && (current.state === "removing" || current.state === "removed")) {
    await finishRemoval(ctx, articleId, current);
    current = undefined;
  }
  if (current) {
    await finishAddition(ctx, articleId, current);
    if (wanted && wanted.claimCount === current.claimCount) return;
    // Counted with another claim count, or no longer quoted: take the old contribution out first.
    const removal: Contribution = { ...current, state: "removing", token: ctx.newToken() };
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: contributionSk(speakerKey) },
        UpdateExpression: "SET #state = :removing, #token = :new",
        ConditionExpression: "#state = :added AND #token = :old",
        ExpressionAttributeNames: { "#state": "state", "#token": "token" },
        ExpressionAttributeValues: {
          ":removing": "removing",
          ":added": "added",
          ":new": removal.token,
          ":old": current.token,
        },
      }),
    );
    await finishRemoval(ctx, articleId, removal);
  }
  if (wanted) {
    const addition: Contribution = { speakerKey, ...wanted, state: "adding", token: ctx.newToken() };
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { pk: articlePk(articleId), sk: contributionSk(speakerKey), type: "speaker-contribution", ...addition },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    await finishAddition(ctx, articleId, addition);
  }
}

async function finishAddition(ctx: StoreContext, articleId: string, c: Contribution): Promise<void> {
  const count = c.state === "adding" ? await applyChange(ctx, articleId, c, +1, "added") : null;
  await settleAggregate(ctx, c, count);
}

async function finishRemoval(ctx: StoreContext, articleId: string, c: Contribution): Promise<void> {
  const count = c.state === "removing" ? await applyChange(ctx, articleId, c, -1, "removed") : null;
  // Before the contribution goes: once it is gone, no rerun would know this speaker needs settling.
  await settleAggregate(ctx, c, count);
  await ignoringConditionFailure(
    ctx.doc.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: contributionSk(c.speakerKey) },
        ConditionExpression: "#token = :token",
        ExpressionAttributeNames: { "#token": "token" },
        ExpressionAttributeValues: { ":token": c.token },
      }),
    ),
  );
}

/**
 * Adds (+1) or subtracts (-1) the contribution to the aggregate at most once, then records that it did.
 * Returns the aggregate's claim count after the change, or null when an earlier run had already applied it.
 */
async function applyChange(
  ctx: StoreContext,
  articleId: string,
  c: Contribution,
  sign: 1 | -1,
  next: State,
): Promise<number | null> {
  let count: number | null = null;
  try {
    const res = await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: speakerPk(c.speakerKey), sk: SPEAKER_SK },
        UpdateExpression:
          "SET #type = :type, speakerKey = :key, #name = if_not_exists(#name, :name) " +
          "ADD claimCount :claims, articleCount :articles, pending :tokens",
        // A removal never creates an aggregate: there is nothing to subtract from.
        ConditionExpression: `${sign < 0 ? "attribute_exists(pk) AND " : ""}(attribute_not_exists(pending) OR NOT contains(pending, :token))`,
        ExpressionAttributeNames: { "#type": "type", "#name": "name" },
        ExpressionAttributeValues: {
          ":type": "speaker",
          ":key": c.speakerKey,
          ":name": c.name,
          ":claims": sign * c.claimCount,
          ":articles": sign,
          ":tokens": new Set([c.token]),
          ":token": c.token,
        },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    count = Number(res.Attributes?.claimCount);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
  await ignoringConditionFailure(
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: contributionSk(c.speakerKey) },
        UpdateExpression: "SET #state = :next",
        ConditionExpression: "#token = :token",
        ExpressionAttributeNames: { "#state": "state", "#token": "token" },
        ExpressionAttributeValues: { ":next": next, ":token": c.token },
      }),
    ),
  );
  return count;
}

/**
 * Takes the change's token out of `pending` and puts the speaker at its place in the ranking. Knowing the count
 * its change produced, one conditional write does both — unless another change landed meanwhile, then it reads.
 */
async function settleAggregate(ctx: StoreContext, c: Contribution, count: number | null): Promise<void> {
  if (count !== null && count > 0) {
    const done = await ignoringConditionFailure(
      ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: speakerPk(c.speakerKey), sk: SPEAKER_SK },
          UpdateExpression: "SET gsi3pk = :ranking, gsi3sk = :rank DELETE pending :tokens",
          ConditionExpression: "claimCount = :count",
          ExpressionAttributeValues: {
            ":ranking": SPEAKER_RANKING,
            ":rank": speakerRankSk(count, c.speakerKey),
            ":count": count,
            ":tokens": new Set([c.token]),
          },
        }),
      ),
    );
    if (done) return;
  }
  await clearToken(ctx, c);
  await syncRanking(ctx, c.speakerKey);
}

async function clearToken(ctx: StoreContext, c: Contribution): Promise<void> {
  await ignoringConditionFailure(
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: speakerPk(c.speakerKey), sk: SPEAKER_SK },
        UpdateExpression: "DELETE pending :tokens",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":tokens": new Set([c.token]) },
      }),
    ),
  );
}

/**
 * Puts the speaker at its place in the ranking index (gsi3, by claim count), or deletes the aggregate when no
 * article quotes the speaker any more. Conditional on the count it read: a concurrent change re-syncs after us.
 */
async function syncRanking(ctx: StoreContext, speakerKey: string): Promise<void> {
  const key = { pk: speakerPk(speakerKey), sk: SPEAKER_SK };
  const res = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
  const agg = res.Item;
  if (!agg) return;
  const count = Number(agg.claimCount ?? 0);
  if (count > 0) {
    if (agg.gsi3sk === speakerRankSk(count, speakerKey)) return;
    await ignoringConditionFailure(
      ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: key,
          UpdateExpression: "SET gsi3pk = :ranking, gsi3sk = :rank",
          ConditionExpression: "claimCount = :count",
          ExpressionAttributeValues: {
            ":ranking": SPEAKER_RANKING,
            ":rank": speakerRankSk(count, speakerKey),
            ":count": count,
          },
        }),
      ),
    );
    return;
  }
  await ignoringConditionFailure(
    ctx.doc.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: key,
        ConditionExpression: "claimCount = :zero AND attribute_not_exists(pending)",
        ExpressionAttributeValues: { ":zero": 0 },
      }),
    ),
  );
}

async function readContribution(
  ctx: StoreContext,
  articleId: string,
  speakerKey: string,
): Promise<Contribution | undefined> {
  const res = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: { pk: articlePk(articleId), sk: contributionSk(speakerKey) },
      ConsistentRead: true,
    }),
  );
  return res.Item ? contributionOf(res.Item) : undefined;
}
