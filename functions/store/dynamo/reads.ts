// The read side: every list is one Query on a key or an index (two calls at most, to fill a filtered page), every
// lookup one GetItem. No Scan anywhere.
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { SpeakerSummary } from "../../schemas/records.ts";
import type { ArticleReader, ClaimFilter, Page, PageRequest } from "../claim-store.ts";
import { articleRecordOf, articleSummaryOf, claimRecordOf, type Item } from "../items.ts";
import {
  ARTICLE_SK,
  ARTICLES_FEED,
  articlePk,
  CLAIM_PREFIX,
  CLAIM_TIME_FEED,
  CLAIMS_FEED,
  certaintyClaimsPk,
  claimSk,
  entityClaimsPk,
  nameKey,
  parseClaimId,
  SOURCE_SK,
  SPEAKER_NAMES,
  SPEAKER_RANKING,
  SPEAKER_SURNAMES,
  sourceIdOf,
  sourcePk,
  speakerClaimsPk,
  speakerSurnameSk,
  VERSION_PREFIX,
} from "../keys.ts";
import { keysMeant, nameWords, speakerKey, surnameOf } from "../speaker-names.ts";
import { onlyVersionOf, versionOf } from "../version-items.ts";
import type { StoreContext } from "./context.ts";
import { type ListQuery, queryAll, queryPage } from "./query.ts";

export function createReader(ctx: StoreContext): ArticleReader {
  const getItem = async (pk: string, sk: string, projection?: string): Promise<Item | undefined> => {
    const res = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: { pk, sk },
        ConsistentRead: true,
        ProjectionExpression: projection,
      }),
    );
    return res.Item;
  };

  /** The article item and its source listings: the sort keys starting with "#" (one Query). */
  const articleHead = async (articleId: string): Promise<{ article: Item | undefined; listings: Item[] }> => {
    const items = await queryAll(ctx, {
      partition: articlePk(articleId),
      sortCondition: "begins_with(#sk, :hash)",
      values: { ":hash": "#" },
      consistent: true,
    });
    return {
      article: items.find((i) => i.sk === ARTICLE_SK),
      listings: items.filter((i) => i.type === "source-listing"),
    };
  };

  const claimsPage = async (q: ListQuery, page: PageRequest) => mapPage(await queryPage(ctx, q, page), claimRecordOf);

  /** The keys a speaker's name means (speaker-names.ts keysMeant), from one Query of the speakers by surname. */
  const resolveSpeaker = async (name: string): Promise<ResolvedSpeaker | null> => {
    const key = speakerKey(name);
    const surname = surnameOf(key);
    const group = await queryPage(
      ctx,
      {
        index: "gsi2",
        partition: SPEAKER_SURNAMES,
        sortCondition: "begins_with(#sk, :surname)",
        values: { ":surname": speakerSurnameSk(surname, "") },
        forward: true,
        scope: "speaker-surnames",
        maxCalls: 1,
      },
      { limit: MAX_NAMESAKES },
    );
    const keys = keysMeant(
      key,
      group.items.map((i) => String(i.speakerKey)),
    );
    return keys.length > 0 ? { key, surname, keys } : null;
  };

  return {
    async getArticle(articleId) {
      const { article, listings } = await articleHead(articleId);
      return article ? articleRecordOf(article, listings) : null;
    },

    async listArticles(page, filter = {}) {
      const outlet = filter.outlet ? nameKey(filter.outlet) : undefined;
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      if (filter.status) {
        names["#status"] = "status";
        values[":status"] = filter.status;
        conditions.push("#status = :status");
      }
      if (outlet) {
        values[":outlet"] = outlet;
        conditions.push("outletKey = :outlet");
      }
      const q: ListQuery = {
        index: "gsi1",
        partition: ARTICLES_FEED,
        forward: false,
        scope: `articles|${JSON.stringify([filter.status, outlet])}`,
        ...(conditions.length > 0 ? { filter: conditions.join(" AND "), names, values } : {}),
      };
      return mapPage(await queryPage(ctx, q, page), articleSummaryOf);
    },

    async listArticleClaims(articleId, page) {
      const [article, claims] = await Promise.all([
        getItem(articlePk(articleId), ARTICLE_SK, "pk"),
        claimsPage(
          {
            partition: articlePk(articleId),
            sortCondition: "begins_with(#sk, :claim)",
            values: { ":claim": CLAIM_PREFIX },
            forward: true,
            consistent: true,
            scope: "article-claims",
          },
          page,
        ),
      ]);
      return article ? claims : null;
    },

    async listArticleVersions(articleId, page) {
      // The article with its sources (1 Query), then its key's history (1 Query, newest first).
      const { article, listings } = await articleHead(articleId);
      if (!article) return null;
      if (typeof article.chain === "string") {
        const history = await queryPage(
          ctx,
          {
            partition: sourcePk(article.chain),
            sortCondition: "begins_with(#sk, :v)",
            values: { ":v": VERSION_PREFIX },
            forward: false,
            consistent: true,
            scope: "versions",
            maxCalls: 1,
          },
          page,
        );
        if (history.items.length > 0 || page.cursor) return mapPage(history, versionOf);
      }
      // Never replaced (or its key's history went with the key): the article is its only version.
      const listing = listings[0];
      if (!listing || page.cursor) return { items: [], nextCursor: null };
      return { items: [onlyVersionOf({ ...article, key: String(listing.key) })], nextCursor: null };
    },

    async getClaim(claimId) {
      const at = parseClaimId(claimId);
      if (!at) return null;
      const item = await getItem(articlePk(at.articleId), claimSk(at.ordinal));
      if (!item) return null;
      const record = claimRecordOf(item);
      return record.id === claimId ? record : null;
    },

    async findClaims(filter, page) {
      // A window that ends before it starts holds nothing; DynamoDB would refuse the inverted key range.
      if (filter.from && filter.to && filter.from > filter.to) return { items: [], nextCursor: null };
      if (!filter.speaker) return claimsPage(planClaimQuery(filter), page);
      // One call to learn which keys the name means; the claims then get the one call left.
      const speaker = await resolveSpeaker(filter.speaker);
      if (!speaker) return { items: [], nextCursor: null };
      return claimsPage({ ...planClaimQuery(filter, speaker), maxCalls: 1 }, page);
    },

    async listSpeakers(page) {
      const q: ListQuery = { index: "gsi3", partition: SPEAKER_RANKING, forward: true, scope: "speakers" };
      return mapPage(await queryPage(ctx, q, page), speakerSummaryOf);
    },

    async findSpeakers(prefix, limit) {
      const folded = nameWords(prefix).join(" ");
      if (!folded) return { items: [], nextCursor: null };
      const byPrefix = (index: "gsi1" | "gsi2", partition: string) =>
        queryPage(
          ctx,
          {
            index,
            partition,
            sortCondition: "begins_with(#sk, :prefix)",
            values: { ":prefix": folded },
            forward: true,
            scope: "speaker-names",
            maxCalls: 1,
          },
          { limit },
        );
      // By the first name word (the key starts with it) and by surname: two Queries, at once.
      const [first, last] = await Promise.all([byPrefix("gsi1", SPEAKER_NAMES), byPrefix("gsi2", SPEAKER_SURNAMES)]);
      const found = new Map<string, Item>();
      for (const item of [...first.items, ...last.items]) found.set(String(item.speakerKey), item);
      const items = [...found.values()]
        .sort(
          (a, b) =>
            Number(b.claimCount) - Number(a.claimCount) || String(a.speakerKey).localeCompare(String(b.speakerKey)),
        )
        .slice(0, limit)
        .map(speakerSummaryOf);
      return { items, nextCursor: null };
    },

    async listSpeakerClaims(name, page) {
      const speaker = await resolveSpeaker(name);
      if (!speaker) return null;
      const q = planClaimQuery({ speaker: name }, speaker);
      return claimsPage({ ...q, scope: `speaker-claims|${speaker.key}`, maxCalls: 1 }, page);
    },

    async findArticleIdBySource(source) {
      const item = await getItem(sourcePk(sourceIdOf(source)), SOURCE_SK);
      return item ? String(item.articleId) : null;
    },

    async findSourceRecord(source) {
      const item = await getItem(sourcePk(sourceIdOf(source)), SOURCE_SK);
      if (!item) return null;
      return {
        articleId: String(item.articleId),
        sequencer: typeof item.sequencer === "string" ? item.sequencer : null,
      };
    },
  };
}

/** Speakers sharing a surname that one resolution reads: far more than any real surname has among speakers. */
const MAX_NAMESAKES = 200;

/** A speaker's name as resolved: its own key, its surname's claim partition and every key it means. */
export interface ResolvedSpeaker {
  key: string;
  surname: string;
  keys: string[];
}

/**
 * Picks the most selective index for a claim filter and tests the other conditions in a FilterExpression: the
 * article (its partition), then the speaker (gsi2, by surname), the entity (gsi2), the time window (gsi1,
 * ordered by start), the certainty (gsi3), else the feed. A time window keeps claims whose period overlaps it:
 * the period starts on or before `to` and ends on or after `from`.
 */
export function planClaimQuery(filter: ClaimFilter, speaker?: ResolvedSpeaker): ListQuery {
  const entity = filter.entity ? nameKey(filter.entity) : undefined;
  const outlet = filter.outlet ? nameKey(filter.outlet) : undefined;
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const test = (condition: string, name: string, value: unknown) => {
    conditions.push(condition);
    values[name] = value;
  };
  const scope = `claims|${JSON.stringify([
    speaker?.key,
    entity,
    filter.article,
    outlet,
    filter.polarity,
    filter.from,
    filter.to,
    filter.certainty,
    filter.kind,
  ])}`;
  const finish = (q: Omit<ListQuery, "filter" | "names" | "scope">): ListQuery => ({
    ...q,
    scope,
    ...(conditions.length > 0 ? { filter: conditions.join(" AND ") } : {}),
    ...(Object.keys(names).length > 0 ? { names } : {}),
    values: { ...q.values, ...values },
  });
  const testSpeaker = (s: ResolvedSpeaker) => {
    const placeholders = s.keys.map((_, i) => `:speaker${i}`);
    conditions.push(`speakerKey IN (${placeholders.join(", ")})`);
    s.keys.forEach((k, i) => {
      values[`:speaker${i}`] = k;
    });
  };
  const testEntity = () => {
    if (entity) test("contains(entityKeys, :entity)", ":entity", entity);
  };
  const testTime = () => {
    if (filter.from) test("timeEnd >= :from", ":from", filter.from);
    if (filter.to) test("timeStart <= :to", ":to", filter.to);
  };
  const testCertainty = () => {
    if (!filter.certainty) return;
    names["#certainty"] = "certainty";
    test("#certainty = :certainty", ":certainty", filter.certainty);
  };
  if (outlet) test("outletKey = :outlet", ":outlet", outlet);
  if (filter.polarity) {
    names["#record"] = "record";
    names["#polarity"] = "polarity";
    test("#record.#polarity = :polarity", ":polarity", filter.polarity);
  }
  if (filter.kind) {
    names["#record"] = "record";
    names["#attribution"] = "attribution";
    names["#kind"] = "kind";
    // Claims stored before claims had a kind read as statements (schemas/claim.ts), and are found as such.
    const kind = "#record.#attribution.#kind";
    const old = filter.kind === "statement" ? `attribute_not_exists(${kind}) OR ` : "";
    test(`(${old}${kind} = :kind)`, ":kind", filter.kind);
  }

  if (filter.article) {
    if (speaker) testSpeaker(speaker);
    testEntity();
    testTime();
    testCertainty();
    return finish({
      partition: articlePk(filter.article),
      sortCondition: "begins_with(#sk, :claim)",
      values: { ":claim": CLAIM_PREFIX },
      forward: true,
    });
  }
  if (speaker) {
    testSpeaker(speaker);
    testEntity();
    testTime();
    testCertainty();
    return finish({ index: "gsi2", partition: speakerClaimsPk(speaker.surname), forward: false });
  }
  if (entity) {
    testTime();
    testCertainty();
    return finish({ index: "gsi2", partition: entityClaimsPk(entity), forward: false });
  }
  if (filter.from || filter.to) {
    // The time index is ordered by start: `to` bounds the key (a start on or before it), `from` the filter (an
    // end on or after it).
    if (filter.from) test("timeEnd >= :from", ":from", filter.from);
    testCertainty();
    return finish({
      index: "gsi1",
      partition: CLAIM_TIME_FEED,
      // "~" sorts after "#" and digits: every key starting with the `to` day is included.
      ...(filter.to ? { sortCondition: "#sk <= :toKey", values: { ":toKey": `${filter.to}~` } } : {}),
      forward: true,
    });
  }
  if (filter.certainty) {
    return finish({ index: "gsi3", partition: certaintyClaimsPk(filter.certainty), forward: false });
  }
  return finish({ index: "gsi1", partition: CLAIMS_FEED, forward: false });
}

/** A speaker aggregate as served; aggregates settled before aliases were kept list their name alone. */
function speakerSummaryOf(item: Item): SpeakerSummary {
  return SpeakerSummary.parse({ aliases: [item.name], ...item });
}

function mapPage<T>(page: Page<Item>, map: (item: Item) => T): Page<T> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
