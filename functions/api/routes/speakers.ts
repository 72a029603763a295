// /speakers: who is quoted most, and what each speaker said.
import { ClaimPage, PageQuery, SpeakerPage } from "../../schemas/api.ts";
import type { ApiDeps } from "../deps.ts";
import { json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { found, problems, SpeakerPath } from "./common.ts";

export function speakerRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/speakers",
      operationId: "listSpeakers",
      summary: "Speakers, most quoted first, with their claim and article counts",
      description:
        "Everyone a processed article attributes a claim to, ordered by how many claims they have; the counts " +
        "cover every stored article.",
      query: PageQuery,
      responses: { 200: { description: "A page of speakers.", schema: SpeakerPage }, ...problems() },
      handle: async ({ query }) => json(200, await deps.store.listSpeakers(query)),
    }),
    route({
      method: "GET",
      path: "/speakers/{name}/claims",
      operationId: "listSpeakerClaims",
      summary: "A speaker's claims, newest first",
      description:
        "The claims attributed to the speaker across all articles, newest article first. The name is matched " +
        "regardless of case and spacing; a name nobody is quoted under answers 404.",
      params: SpeakerPath,
      query: PageQuery,
      responses: { 200: { description: "A page of claims.", schema: ClaimPage }, ...problems(404) },
      handle: async ({ params, query }) =>
        found(await deps.store.listSpeakerClaims(params.name, query), `speaker ${params.name}`),
    }),
  ];
}
