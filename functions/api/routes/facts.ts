// /facts: facts tracked across articles — one with its members, conflicts, updates and timeline; the feed; and
// a claim's related claims (same fact, conflicting, updating).
import { FactPage, FactPath, FactsQuery, RelatedPath } from "../../schemas/fact-api.ts";
import { FactRecord, RelatedClaims } from "../../schemas/fact-records.ts";
import type { ApiDeps } from "../deps.ts";
import { json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { found, problems } from "./common.ts";

export function factRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/facts",
      operationId: "listFacts",
      summary: "Facts reported by more than one article, most recently reported first",
      description:
        "Filters combine: `speaker` and `entity` (a member's, case and spacing aside), `from`/`to` (the fact was " +
        "reported within the window: last reported on or after `from`, first reported on or before `to`) and " +
        "`status`. Each request costs at most two DynamoDB reads, so a filtered page may hold fewer than `limit` " +
        "facts while `nextCursor` is not null: follow it.",
      query: FactsQuery,
      responses: { 200: { description: "A page of facts.", schema: FactPage }, ...problems() },
      handle: async ({ query }) => {
        const { limit, cursor, ...filter } = query;
        return json(200, await deps.store.listFacts(filter, { limit, cursor }));
      },
    }),
    route({
      method: "GET",
      path: "/facts/{id}",
      operationId: "getFact",
      summary: "A fact: its members (article, outlet, speaker, stance), conflicts, updates and timeline",
      description:
        "The claims of different articles that assert one proposition, each with its article, outlet, speaker " +
        "and stance (certainty, polarity); the links that hold them together and why; how independently it is " +
        "corroborated; the conflicts and updates that involve a member; and a timeline from the first report to " +
        "the last update. A fact's id is `fact-` and its smallest member's claim id, so it changes when an " +
        "article with a smaller claim id joins it or its members leave: `GET /claims/{id}/related` finds it again.",
      params: FactPath,
      responses: { 200: { description: "The fact.", schema: FactRecord }, ...problems(404) },
      handle: async ({ params }) => found(await deps.store.getFact(params.id), `fact ${params.id}`),
    }),
    route({
      method: "GET",
      path: "/claims/{id}/related",
      operationId: "getRelatedClaims",
      summary: "A claim's related claims: the same fact in other articles, conflicting claims, updates",
      description:
        "The other members of the claim's fact (empty when no other article asserts it), and the conflicts and " +
        "updates between it and claims of other articles. 404 when no tracked claim has the id.",
      params: RelatedPath,
      responses: { 200: { description: "What is related to the claim.", schema: RelatedClaims }, ...problems(404) },
      handle: async ({ params }) => found(await deps.store.getRelated(params.id), `claim ${params.id}`),
    }),
  ];
}
