// Speaker counts for `GET /speakers`, exact under any interleaving of writers, with no transactions.
//
// Each (speaker, article) pair has one contribution item in the speaker's partition (SPEAKER#key / ARTICLE#id:
// the article's claim count for that speaker), and a marker in the article's partition (ARTICLE#id / SPEAKER#key)
// so that removing the article finds the speakers it counts for. Contributions are written and deleted by key,
// so writing one twice is writing it once. The speaker's aggregate (SPEAKER#key / #SPEAKER) is never
// incremented: after every change of a contribution the writer *settles* the speaker —
//
//   1. claims the aggregate by setting a fresh random token on it,
//   2. sums the speaker's contributions (one strongly consistent Query of the speaker's own partition),
//   3. writes the sum, conditional on its token still being there (deleting the aggregate when the sum is 0).
//
// Why this is exact: take the last token set on a speaker. Its writer's step 2 ran after every contribution
// change whose step 1 came earlier, and a change whose step 1 comes later would have set a later token. So the
// last settle to run reads every change, and no earlier settle can overwrite it (their tokens are gone). A
// settle that loses its token stops: the writer that took it reads this writer's change too. A crash between
// the contribution write and the settle leaves the message to be redelivered; the rerun writes the same
// contribution and settles again. See docs/store.md.
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Claim } from "../../schemas/claim.ts";
import { mapLimit } from "../../shared/map-limit.ts";
import type { Item } from "../items.ts";
import {
  articlePk,
  contributionSk,
  SPEAKER_ARTICLE_PREFIX,
  SPEAKER_NAMES,
  SPEAKER_RANKING,
  SPEAKER_SK,
  SPEAKER_SURNAMES,
  speakerArticleSk,
  speakerPk,
  speakerRankSk,
  speakerSurnameSk,
} from "../keys.ts";
import { speakerKey as keyOfSpeaker, surnameOf } from "../speaker-names.ts";
import { ignoringConditionFailure, type StoreContext, tokenUnchanged } from "./context.ts";
import { queryAll } from "./query.ts";

export interface Contribution {
  speakerKey: string;
  /** The first spelling of the speaker's name in the article. */
  name: string;
  /** Every spelling of the speaker's name in the article, in reading order (the aggregate's aliases). */
  names: string[];
  claimCount: number;
}

/** Spellings kept per contribution and per speaker: enough for any real person, bounded for extraction accidents. */
const MAX_ALIASES = 20;

export type Wanted = Omit<Contribution, "speakerKey">;

/**
 * Claims per speaker in an extraction, keyed by speakerKey (speaker-names.ts); the first spelling seen names the
 * speaker, every spelling is kept.
 */
export function wantedContributions(claims: readonly Claim[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  for (const claim of claims) {
    const name = claim.attribution.speaker;
    if (!name) continue;
    const key = keyOfSpeaker(name);
    const entry = wanted.get(key);
    if (!entry) wanted.set(key, { name, names: [name], claimCount: 1 });
    else {
      entry.claimCount++;
      if (!entry.names.includes(name) && entry.names.length < MAX_ALIASES) entry.names.push(name);
    }
  }
  return wanted;
}

/** A marker (article partition) or contribution (speaker partition) item as a Contribution. */
export function contributionOf(item: Item): Contribution {
  const name = String(item.name);
  const names = Array.isArray(item.names) ? item.names.map(String) : [name];
  return { speakerKey: String(item.speakerKey), name, names, claimCount: Number(item.claimCount) };
}

/** The distinct spellings of a speaker's contributions, in the order their articles are read (by id). */
export function aliasesOf(contributions: readonly Contribution[]): string[] {
  const aliases: string[] = [];
  for (const c of contributions) {
    for (const name of c.names) {
      if (aliases.length === MAX_ALIASES) return aliases;
      if (!aliases.includes(name)) aliases.push(name);
    }
  }
  return aliases;
}

/**
 * A marker as read: its token (null on markers written before markers had one) lets a remover delete exactly the
 * marker it read, and not one a concurrent writer has written again since.
 */
export interface Marker extends Contribution {
  token: string | null;
}

export function markerOf(item: Item): Marker {
  return { ...contributionOf(item), token: typeof item.token === "string" ? item.token : null };
}

export const isMarker = (item: Item): boolean => item.type === "speaker-contribution";

/** Brings the article's contributions to `wanted` (empty to remove them all) and settles every speaker touched. */
export async function reconcileContributions(
  ctx: StoreContext,
  articleId: string,
  markers: readonly Marker[],
  wanted: ReadonlyMap<string, Wanted>,
): Promise<void> {
  const current = new Map(markers.map((c) => [c.speakerKey, c]));
  const keys = [...new Set([...current.keys(), ...wanted.keys()])];
  await mapLimit(keys, ctx.concurrency, async (key) => {
    const want = wanted.get(key);
    if (want) await addContribution(ctx, articleId, { speakerKey: key, ...want });
    else await removeContribution(ctx, articleId, key, current.get(key)?.token ?? null);
  });
}

export async function addContribution(ctx: StoreContext, articleId: string, c: Contribution): Promise<void> {
  await putContribution(ctx, articleId, c);
  await settleSpeaker(ctx, c.speakerKey);
}

/**
 * Writes the contribution, not yet counted (settleSpeaker counts it). Marker first: from then on a removal of the
 * article finds the speaker, whatever happens next. The marker is written even when the caller read it a moment
 * ago: a deletion may have removed it since, and a contribution without its marker is one nobody can find again.
 */
export async function putContribution(ctx: StoreContext, articleId: string, c: Contribution): Promise<void> {
  const fields = {
    type: "speaker-contribution",
    speakerKey: c.speakerKey,
    name: c.name,
    names: c.names,
    claimCount: c.claimCount,
  };
  await ctx.doc.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { pk: articlePk(articleId), sk: contributionSk(c.speakerKey), ...fields, token: ctx.newToken() },
    }),
  );
  await ctx.doc.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: {
        pk: speakerPk(c.speakerKey),
        sk: speakerArticleSk(articleId),
        ...fields,
        type: "speaker-article",
        articleId,
      },
    }),
  );
}

/**
 * Marker last: until it goes, a rerun knows this speaker still needs its contribution removed and settled.
 * `markerToken`: the token of the marker as read (null for a marker without one); undefined when no marker was
 * read, and then the marker is left alone — whoever wrote it after the read owns it.
 */
export async function removeContribution(
  ctx: StoreContext,
  articleId: string,
  speakerKey: string,
  markerToken?: string | null,
): Promise<void> {
  await deleteContribution(ctx, articleId, speakerKey);
  await settleSpeaker(ctx, speakerKey);
  if (markerToken !== undefined) await deleteMarker(ctx, articleId, speakerKey, markerToken);
}

export async function deleteContribution(ctx: StoreContext, articleId: string, speakerKey: string): Promise<void> {
  await ctx.doc.send(
    new DeleteCommand({
      TableName: ctx.tableName,
      Key: { pk: speakerPk(speakerKey), sk: speakerArticleSk(articleId) },
    }),
  );
}

/**
 * Deletes the marker unless it was written again after it was read (its token differs): a writer that wrote it
 * again may be about to write the contribution it stands for. Without a token, unconditionally.
 */
export async function deleteMarker(
  ctx: StoreContext,
  articleId: string,
  speakerKey: string,
  token?: string | null,
): Promise<void> {
  const condition = token === undefined ? {} : tokenUnchanged(token);
  await ignoringConditionFailure(
    ctx.doc.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: contributionSk(speakerKey) },
        ...condition,
      }),
    ),
  );
}

/** The speaker's contributions, read strongly consistently from the speaker's own partition. */
export async function readContributions(ctx: StoreContext, speakerKey: string): Promise<Item[]> {
  return queryAll(ctx, {
    partition: speakerPk(speakerKey),
    sortCondition: "begins_with(#sk, :prefix)",
    values: { ":prefix": SPEAKER_ARTICLE_PREFIX },
    consistent: true,
  });
}

/** Sets the aggregate to the sum of the speaker's contributions, unless a later settle has claimed it. */
export async function settleSpeaker(ctx: StoreContext, speakerKey: string): Promise<void> {
  const key = { pk: speakerPk(speakerKey), sk: SPEAKER_SK };
  const token = ctx.newToken();
  await ctx.doc.send(
    new UpdateCommand({
      TableName: ctx.tableName,
      Key: key,
      UpdateExpression: "SET #type = :type, speakerKey = :key, #token = :token",
      ExpressionAttributeNames: { "#type": "type", "#token": "token" },
      ExpressionAttributeValues: { ":type": "speaker", ":key": speakerKey, ":token": token },
    }),
  );
  const contributions = (await readContributions(ctx, speakerKey)).map(contributionOf);
  const claimCount = contributions.reduce((sum, c) => sum + c.claimCount, 0);
  const mine = { "#token": "token" };
  if (contributions.length === 0) {
    await ignoringConditionFailure(
      ctx.doc.send(
        new DeleteCommand({
          TableName: ctx.tableName,
          Key: key,
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: mine,
          ExpressionAttributeValues: { ":token": token },
        }),
      ),
    );
    return;
  }
  await ignoringConditionFailure(
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: key,
        // The counts, the spellings and the name indexes (by key, by surname) are one item written under the
        // token: whatever finds a speaker by a name finds exactly the speakers the counts describe.
        UpdateExpression:
          "SET #name = if_not_exists(#name, :name), claimCount = :claims, articleCount = :articles, " +
          "aliases = :aliases, gsi1pk = :names, gsi1sk = :key, gsi2pk = :surnames, gsi2sk = :surname, " +
          "gsi3pk = :ranking, gsi3sk = :rank REMOVE #token",
        ConditionExpression: "#token = :token",
        ExpressionAttributeNames: { ...mine, "#name": "name" },
        ExpressionAttributeValues: {
          ":token": token,
          ":name": contributions[0]!.name,
          ":claims": claimCount,
          ":articles": contributions.length,
          ":aliases": aliasesOf(contributions),
          ":names": SPEAKER_NAMES,
          ":key": speakerKey,
          ":surnames": SPEAKER_SURNAMES,
          ":surname": speakerSurnameSk(surnameOf(speakerKey), speakerKey),
          ":ranking": SPEAKER_RANKING,
          ":rank": speakerRankSk(claimCount, speakerKey),
        },
      }),
    ),
  );
}
