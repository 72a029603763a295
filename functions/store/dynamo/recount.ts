// The repair behind `npm run recount`: recomputes every speaker's counts from the stored claims of the stored
// articles and makes the table agree — contributions (and their markers) first, then each speaker whose
// aggregate is off is settled the way the writers settle it (speaker-counts.ts). Scans the whole table: an
// operator's tool, never part of a request. Running it twice fixes nothing the second time. It also re-indexes
// claim items whose speaker or outlet index attributes were written under older key rules (speaker-names.ts), so
// a table from before speaker keys folded spellings is found by the reads of today.
import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { mapLimit } from "../../shared/map-limit.ts";
import { claimItems, claimRecordOf, type Item } from "../items.ts";
import { ARTICLE_SK, articlePk, SPEAKER_SK, speakerRankSk, speakerSurnameSk } from "../keys.ts";
import { surnameOf } from "../speaker-names.ts";
import { ignoringConditionFailure, type StoreContext } from "./context.ts";
import {
  type Contribution,
  contributionOf,
  deleteContribution,
  deleteMarker,
  isMarker,
  putContribution,
  settleSpeaker,
  wantedContributions,
} from "./speaker-counts.ts";

export interface SpeakerCounts {
  claimCount: number;
  articleCount: number;
}

export interface SpeakerFix {
  speakerKey: string;
  /** As stored before; null when there was no aggregate. */
  was: SpeakerCounts | null;
  /** As recomputed; null when no stored claim names the speaker (the aggregate is removed). */
  now: SpeakerCounts | null;
}

export interface RecountReport {
  articles: number;
  claims: number;
  speakers: number;
  /** Aggregates that did not match the claims (all of them were fixed unless it was a dry run). */
  fixed: SpeakerFix[];
  contributionsWritten: number;
  contributionsRemoved: number;
  /** Claims whose article item does not exist: not counted, reported for a person to look at. */
  orphanClaims: number;
  /** Claim items rewritten because their speaker or outlet index attributes follow older key rules. */
  claimsReindexed: number;
}

/** The attributes of a claim item that the key rules derive: what a re-index compares and rewrites. */
const INDEX_ATTRIBUTES = ["speakerKey", "gsi2pk", "outletKey"] as const;

export async function recountSpeakers(ctx: StoreContext, options: { dryRun?: boolean } = {}): Promise<RecountReport> {
  const items = await scanAll(ctx);
  const liveArticles = new Set(items.filter((i) => i.sk === ARTICLE_SK).map((i) => String(i.id)));

  // What the claims say: per article, per speaker.
  const claimsByArticle = new Map<string, ReturnType<typeof claimRecordOf>[]>();
  let orphanClaims = 0;
  let claims = 0;
  const articleItems = new Map(items.filter((i) => i.sk === ARTICLE_SK).map((i) => [String(i.id), i]));
  const stale: { item: Item; was: Item }[] = [];
  for (const item of items) {
    if (item.type !== "claim") continue;
    const record = claimRecordOf(item);
    if (!liveArticles.has(record.articleId)) {
      orphanClaims++;
      continue;
    }
    claims++;
    const article = articleItems.get(record.articleId)!;
    const outlet = (article.metadata as { outlet?: string | null } | undefined)?.outlet ?? null;
    const rebuilt = claimItems(record, String(item.gsi1sk).split("#")[0]!, outlet)[0]!;
    if (INDEX_ATTRIBUTES.some((a) => item[a] !== rebuilt[a]))
      stale.push({ item: { ...item, ...pick(rebuilt) }, was: item });
    const list = claimsByArticle.get(record.articleId) ?? [];
    list.push(record);
    claimsByArticle.set(record.articleId, list);
  }
  const expected = new Map<string, Contribution>(); // `${speakerKey}\n${articleId}`
  for (const [articleId, records] of claimsByArticle) {
    records.sort((a, b) => a.ordinal - b.ordinal);
    for (const [speakerKey, want] of wantedContributions(records)) {
      expected.set(pairKey(speakerKey, articleId), { speakerKey, ...want });
    }
  }

  // What the table says.
  const stored = new Map<string, Item>();
  const markers = new Map<string, Item>();
  const aggregates = new Map<string, Item>();
  for (const item of items) {
    if (item.type === "speaker-article") stored.set(pairKey(String(item.speakerKey), String(item.articleId)), item);
    else if (isMarker(item))
      markers.set(pairKey(String(item.speakerKey), String(item.pk).slice(articlePk("").length)), item);
    else if (item.type === "speaker" && item.sk === SPEAKER_SK) aggregates.set(String(item.speakerKey), item);
  }

  const dirty = new Set<string>();
  const toWrite = [...expected].filter(([pair, want]) => {
    const same = (item: Item | undefined) => item !== undefined && sameContribution(contributionOf(item), want);
    return !same(stored.get(pair)) || !same(markers.get(pair));
  });
  const toRemove = [...stored.keys()].filter((pair) => !expected.has(pair));
  const staleMarkers = [...markers.keys()].filter((pair) => !expected.has(pair));
  for (const [, c] of toWrite) dirty.add(c.speakerKey);
  for (const pair of toRemove) dirty.add(splitPair(pair).speakerKey);

  const sums = new Map<string, SpeakerCounts>();
  for (const c of expected.values()) {
    const sum = sums.get(c.speakerKey) ?? { claimCount: 0, articleCount: 0 };
    sum.claimCount += c.claimCount;
    sum.articleCount++;
    sums.set(c.speakerKey, sum);
  }
  const fixed: SpeakerFix[] = [];
  for (const speakerKey of new Set([...sums.keys(), ...aggregates.keys()])) {
    const now = sums.get(speakerKey) ?? null;
    const agg = aggregates.get(speakerKey);
    const was = agg ? { claimCount: Number(agg.claimCount ?? 0), articleCount: Number(agg.articleCount ?? 0) } : null;
    // Ranked, and found by its names (aggregates written before speakers had aliases and name indexes are not).
    const ranked =
      agg !== undefined &&
      now !== null &&
      agg.gsi3sk === speakerRankSk(now.claimCount, speakerKey) &&
      Array.isArray(agg.aliases) &&
      agg.gsi2sk === speakerSurnameSk(surnameOf(speakerKey), speakerKey);
    const right =
      now === null
        ? agg === undefined
        : ranked && was?.claimCount === now.claimCount && was.articleCount === now.articleCount && !("token" in agg);
    if (!right) {
      fixed.push({ speakerKey, was, now });
      dirty.add(speakerKey);
    }
  }

  if (!options.dryRun) {
    // Unless a writer replaced the claim since the scan (its item then follows today's rules already).
    await mapLimit(stale, ctx.concurrency, ({ item, was }) =>
      ignoringConditionFailure(
        ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: item, ...unchangedSince(was) })),
      ),
    );
    await mapLimit(toWrite, ctx.concurrency, ([pair, c]) => putContribution(ctx, splitPair(pair).articleId, c));
    await mapLimit(toRemove, ctx.concurrency, (pair) => {
      const { speakerKey, articleId } = splitPair(pair);
      return deleteContribution(ctx, articleId, speakerKey);
    });
    await mapLimit([...dirty], ctx.concurrency, (speakerKey) => settleSpeaker(ctx, speakerKey));
    await mapLimit(staleMarkers, ctx.concurrency, (pair) => {
      const { speakerKey, articleId } = splitPair(pair);
      return deleteMarker(ctx, articleId, speakerKey);
    });
  }
  return {
    articles: liveArticles.size,
    claims,
    speakers: sums.size,
    fixed: fixed.sort((a, b) => a.speakerKey.localeCompare(b.speakerKey)),
    contributionsWritten: toWrite.length,
    contributionsRemoved: toRemove.length,
    orphanClaims,
    claimsReindexed: stale.length,
  };
}

/** A condition that the item's index attributes are still as read. */
function unchangedSince(was: Item) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions = INDEX_ATTRIBUTES.map((a, i) => {
    names[`#a${i}`] = a;
    if (was[a] === undefined) return `attribute_not_exists(#a${i})`;
    values[`:a${i}`] = was[a];
    return `#a${i} = :a${i}`;
  });
  return {
    ConditionExpression: conditions.join(" AND "),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

function pick(rebuilt: Item): Item {
  const out: Item = {};
  for (const a of INDEX_ATTRIBUTES) out[a] = rebuilt[a];
  return out;
}

const pairKey = (speakerKey: string, articleId: string) => `${speakerKey}\n${articleId}`;

function splitPair(pair: string): { speakerKey: string; articleId: string } {
  const at = pair.lastIndexOf("\n");
  return { speakerKey: pair.slice(0, at), articleId: pair.slice(at + 1) };
}

function sameContribution(a: Contribution, b: Contribution): boolean {
  return (
    a.speakerKey === b.speakerKey &&
    a.claimCount === b.claimCount &&
    a.name === b.name &&
    a.names.join("\n") === b.names.join("\n")
  );
}

async function scanAll(ctx: StoreContext): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await ctx.doc.send(new ScanCommand({ TableName: ctx.tableName, ExclusiveStartKey: start }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}
