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
  SPEAKER_RANKING,
  SPEAKER_SK,
  sourceIdOf,
  sourcePk,
  speakerClaimsPk,
  speakerPk,
} from "../keys.ts";
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

  const claimsPage = async (q: ListQuery, page: PageRequest) => mapPage(await queryPage(ctx, q, page), claimRecordOf);

  return {
    async getArticle(articleId) {
      const items = await queryAll(ctx, {
        partition: articlePk(articleId),
        sortCondition: "begins_with(#sk, :hash)",
        values: { ":hash": "#" },
        consistent: true,
      });
      const article = items.find((i) => i.sk === ARTICLE_SK);
      return article
        ? articleRecordOf(
            article,
            items.filter((i) => i.type === "source-listing"),
          )
        : null;
    },

    async listArticles(page) {
      const q: ListQuery = { index: "gsi1", partition: ARTICLES_FEED, forward: false, scope: "articles" };
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
      return claimsPage(planClaimQuery(filter), page);
    },

    async listSpeakers(page) {
      const q: ListQuery = { index: "gsi3", partition: SPEAKER_RANKING, forward: true, scope: "speakers" };
      return mapPage(await queryPage(ctx, q, page), (item) => SpeakerSummary.parse(item));
    },

    async listSpeakerClaims(name, page) {
      const key = nameKey(name);
      const q: ListQuery = { index: "gsi2", partition: speakerClaimsPk(key), forward: false, scope: "speaker-claims" };
      const [speaker, claims] = await Promise.all([getItem(speakerPk(key), SPEAKER_SK, "pk"), claimsPage(q, page)]);
      return speaker ? claims : null;
    },

    async findArticleIdBySource(source) {
      const item = await getItem(sourcePk(sourceIdOf(source)), SOURCE_SK);
      return item ? String(item.articleId) : null;
    },
  };
}

/**
 * Picks the most selective index for a claim filter and tests the other conditions in a FilterExpression:
 * speaker, then entity (gsi2), then the time window (gsi1, time-ordered), then certainty (gsi3), else the feed.
 */
export function planClaimQuery(filter: ClaimFilter): ListQuery {
  const speaker = filter.speaker ? nameKey(filter.speaker) : undefined;
  const entity = filter.entity ? nameKey(filter.entity) : undefined;
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const test = (condition: string, name: string, value: unknown) => {
    conditions.push(condition);
    values[name] = value;
  };
  const scope = `claims|${JSON.stringify([speaker, entity, filter.from, filter.to, filter.certainty])}`;
  const finish = (q: Omit<ListQuery, "filter" | "names" | "scope">): ListQuery => ({
    ...q,
    scope,
    ...(conditions.length > 0 ? { filter: conditions.join(" AND ") } : {}),
    ...(Object.keys(names).length > 0 ? { names } : {}),
    values: { ...q.values, ...values },
  });

  if (speaker) {
    if (entity) test("contains(entityKeys, :entity)", ":entity", entity);
    addTimeAndCertainty(filter, test, names);
    return finish({ index: "gsi2", partition: speakerClaimsPk(speaker), forward: false });
  }
  if (entity) {
    addTimeAndCertainty(filter, test, names);
    return finish({ index: "gsi2", partition: entityClaimsPk(entity), forward: false });
  }
  if (filter.from || filter.to) {
    // The time index is ordered by start: `from` bounds the key; `to` bounds the key by start, the filter by end.
    if (filter.to) test("timeEnd <= :to", ":to", filter.to);
    if (filter.certainty) {
      names["#certainty"] = "certainty";
      test("#certainty = :certainty", ":certainty", filter.certainty);
    }
    const sortCondition =
      filter.from && filter.to ? "#sk BETWEEN :fromKey AND :toKey" : filter.from ? "#sk >= :fromKey" : "#sk <= :toKey";
    return finish({
      index: "gsi1",
      partition: CLAIM_TIME_FEED,
      sortCondition,
      values: {
        ...(filter.from ? { ":fromKey": filter.from } : {}),
        // "~" sorts after "#" and digits: every key starting with the `to` day is included.
        ...(filter.to ? { ":toKey": `${filter.to}~` } : {}),
      },
      forward: true,
    });
  }
  if (filter.certainty) {
    return finish({ index: "gsi3", partition: certaintyClaimsPk(filter.certainty), forward: false });
  }
  return finish({ index: "gsi1", partition: CLAIMS_FEED, forward: false });
}

function addTimeAndCertainty(
  filter: ClaimFilter,
  test: (condition: string, name: string, value: unknown) => void,
  names: Record<string, string>,
): void {
  if (filter.from) test("timeStart >= :from", ":from", filter.from);
  if (filter.to) test("timeEnd <= :to", ":to", filter.to);
  if (filter.certainty) {
    names["#certainty"] = "certainty";
    test("#certainty = :certainty", ":certainty", filter.certainty);
  }
}

function mapPage<T>(page: Page<Item>, map: (item: Item) => T): Page<T> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
