// Tracking's reads for the API: a fact is one GetItem (its item carries its members' details and the relations
// that touch them); a claim's related claims are two (its article's tracking item, then its fact); the facts
// feed is one page of gsi1's FACTS partition, newest last report first, filtered on the fact items.
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  conflictsAndUpdates,
  factRecordOf,
  factStateOf,
  factSummaryOf,
  publicMember,
  trackStateOf,
} from "../fact-items.ts";
import type { FactFilter, FactReader } from "../fact-store.ts";
import type { Item } from "../items.ts";
import { articlePk, FACT_SK, FACTS_FEED, factPk, nameKey, parseClaimId, TRACK_SK } from "../keys.ts";
import type { StoreContext } from "./context.ts";
import { queryPage } from "./query.ts";

export function createFactReader(ctx: StoreContext): FactReader {
  const get = async (pk: string, sk: string): Promise<Item | null> =>
    (await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: { pk, sk } }))).Item ?? null;

  return {
    async getFact(factId) {
      const item = await get(factPk(factId), FACT_SK);
      return item?.type === "fact" ? factRecordOf(item) : null;
    },

    async getRelated(claimId) {
      const at = parseClaimId(claimId);
      if (!at) return null;
      const trackItem = await get(articlePk(at.articleId), TRACK_SK);
      if (!trackItem) return null;
      const state = trackStateOf(trackItem);
      if (!state.track.claims.some((c) => c.ordinal === at.ordinal)) return null;
      const factId = state.facts[String(at.ordinal)] ?? null;
      const factItem = factId ? await get(factPk(factId), FACT_SK) : null;
      const fact = factItem?.type === "fact" ? factStateOf(factItem) : null;
      const mine = Object.values(state.rels)
        .filter((r) => (r.type === "conflict" ? r.claims.includes(claimId) : r.from === claimId || r.to === claimId))
        .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
      return {
        claimId,
        factId: fact ? factId : null,
        sameFact: fact
          ? fact.members.filter((m) => m.claimId !== claimId).map((m) => publicMember(fact.info[m.claimId]!))
          : [],
        ...conflictsAndUpdates(mine),
      };
    },

    async listFacts(filter: FactFilter, page) {
      const conditions: string[] = [];
      const values: Record<string, unknown> = {};
      if (filter.speaker) {
        conditions.push("contains(speakerKeys, :speaker)");
        values[":speaker"] = nameKey(filter.speaker);
      }
      if (filter.entity) {
        conditions.push("contains(entityKeys, :entity)");
        values[":entity"] = nameKey(filter.entity);
      }
      if (filter.status) {
        conditions.push("contains(statuses, :status)");
        values[":status"] = filter.status;
      }
      if (filter.from) {
        conditions.push("lastReported >= :from");
        values[":from"] = filter.from;
      }
      if (filter.to) {
        conditions.push("firstReported <= :to");
        values[":to"] = `${filter.to}~`;
      }
      const res = await queryPage(
        ctx,
        {
          index: "gsi1",
          partition: FACTS_FEED,
          forward: false,
          ...(conditions.length ? { filter: conditions.join(" AND "), values } : {}),
          scope: `facts|${JSON.stringify([filter.speaker, filter.entity, filter.status, filter.from, filter.to])}`,
        },
        page,
      );
      return { items: res.items.map(factSummaryOf), nextCursor: res.nextCursor };
    },
  };
}
