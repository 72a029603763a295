// /claims: claims across all articles, filtered; one claim by id.
import { ClaimPage, ClaimsQuery } from "../../schemas/api.ts";
import { ClaimRecord } from "../../schemas/records.ts";
import type { ApiDeps } from "../deps.ts";
import { json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { ClaimPath, found, problems } from "./common.ts";

export function claimRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/claims",
      operationId: "findClaims",
      summary: "Claims, filtered by speaker, entity, the time they are about and certainty",
      description:
        "Filters combine. Newest article first, reading order within an article; filtered by `from`/`to` alone " +
        "(or with `certainty`), ordered by the time the claims are about, earliest first. A time filter keeps " +
        "claims whose whole time lies inside the window. A page may hold fewer than `limit` claims while " +
        "`nextCursor` is not null.",
      query: ClaimsQuery,
      responses: { 200: { description: "A page of claims.", schema: ClaimPage }, ...problems() },
      handle: async ({ query }) => {
        const { limit, cursor, ...filter } = query;
        return json(200, await deps.store.findClaims(filter, { limit, cursor }));
      },
    }),
    route({
      method: "GET",
      path: "/claims/{id}",
      operationId: "getClaim",
      summary: "A claim with its attribution, evidence and article",
      description:
        "One claim by its id (`<article id>-c<ordinal>`): its text, who asserts it and through which channels, " +
        "how certain, about when, and the exact words of the article it came from.",
      params: ClaimPath,
      responses: { 200: { description: "The claim.", schema: ClaimRecord }, ...problems(404) },
      handle: async ({ params }) => found(await deps.store.getClaim(params.id), `claim ${params.id}`),
    }),
  ];
}
