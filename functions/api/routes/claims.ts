// /claims: claims across all articles, filtered; one claim by id.
import { ClaimPage, ClaimsQuery } from "../../schemas/api.ts";
import { SearchAnswer as SearchAnswerPage, SearchPending, SearchQuery } from "../../schemas/open-formats.ts";
import { ClaimRecord } from "../../schemas/records.ts";
import type { ApiDeps } from "../deps.ts";
import { BadRequestError } from "../errors.ts";
import { json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { searchClaims } from "../use-cases/search-claims.ts";
import { ClaimPath, found, problems } from "./common.ts";

export function claimRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/claims",
      operationId: "findClaims",
      summary:
        "Claims, filtered by speaker, entity, article, outlet, polarity, the time they are about, certainty and kind",
      description:
        "Filters combine. Newest article first, reading order within an article; filtered by `article`, in its " +
        "reading order; filtered by `from`/`to` alone (or with `certainty`, `outlet`, `polarity`), ordered by the " +
        "start of the period the claims are about, earliest first. A time filter keeps the claims whose period " +
        "overlaps the window: it starts on or before `to` and ends on or after `from`, so a claim about 10–11 " +
        "July is in `from=2025-07-10&to=2025-07-10`. `speaker` takes any spelling of the name, or the surname " +
        "alone where one speaker has it. Each request costs at most two DynamoDB reads, so a page may hold fewer " +
        "than `limit` claims while `nextCursor` is not null: follow it. Words in the claim's text are searched by " +
        "`GET /claims/search`, not here. `kind` keeps the claims whose speaker states, believes, intends or " +
        "evaluates them (`attribution.kind`); claims in the article's own voice are statements.",
      query: ClaimsQuery,
      responses: { 200: { description: "A page of claims.", schema: ClaimPage }, ...problems() },
      handle: async ({ query }) => {
        const { limit, cursor, q, ...filter } = query;
        if (q !== undefined) {
          const search = `/claims/search?q=${encodeURIComponent(q)}`;
          throw new BadRequestError([
            { field: "query.q", message: `words in the claims' text are searched by GET ${search}` },
          ]);
        }
        // An outlet, polarity or kind is tested on claims the index reads, which may be few; the article, speaker,
        // entity, window or certainty chooses the index (see docs/store.md).
        return json(200, await deps.store.findClaims(filter, { limit, cursor }));
      },
    }),
    route({
      method: "GET",
      path: "/claims/search",
      operationId: "searchClaims",
      summary: "Claims whose text holds words and phrases, over the claims export (Athena; DuckDB locally)",
      description:
        'Every word and every "phrase in quotes" of `q` must occur in the claim\'s text, case aside; `speaker`, ' +
        "`from`, `to` and `kind` narrow it as in `GET /claims`. Newest article first, at most `limit` claims. A query " +
        "still running after a few seconds answers 202 with a `token`: call again with `token` alone. The " +
        "export follows ingest, so a claim appears once its article has been processed.",
      query: SearchQuery,
      responses: {
        200: {
          description: "The matching claims.",
          schema: SearchAnswerPage,
          example: { items: [], nextCursor: null },
        },
        202: {
          description: "The search is still running: poll with the token.",
          schema: SearchPending,
          example: { status: "RUNNING", token: "3b2825f1-ad50-4d6e-9c1a-2f6b8e1d4c7a" },
        },
        ...problems(503),
      },
      handle: async ({ query, request }) => {
        const answer = await searchClaims(deps, query);
        if (answer.status === "done") return json(200, answer.page);
        const location = `${request.publicPath}?token=${encodeURIComponent(answer.token)}`;
        return json(202, { status: "RUNNING", token: answer.token }, { Location: location, "Retry-After": "2" });
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
