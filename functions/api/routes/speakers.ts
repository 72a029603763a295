// /speakers: who is quoted most, and what each speaker said.
import { ClaimPage, PageQuery, SpeakerPage, SpeakersQuery } from "../../schemas/api.ts";
import type { ApiDeps } from "../deps.ts";
import { BadRequestError } from "../errors.ts";
import { json } from "../response.ts";
import { type Route, route } from "../router.ts";
import { found, problems, SpeakerPath } from "./common.ts";

export function speakerRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/speakers",
      operationId: "listSpeakers",
      summary: "Speakers, most quoted first, with their spellings and their claim and article counts",
      description:
        "Everyone a processed article attributes a claim to, ordered by how many claims they have; the counts " +
        "cover every stored article. Spellings that differ only in case, diacritics, punctuation or a " +
        "transliterated ending are one speaker, listed in `aliases`. A surname quoted alone (`Zelensky`) is its own " +
        "entry here — which full name it means can change as articles arrive, and the counts stay exact — but " +
        "`GET /speakers/{name}/claims` and `GET /claims?speaker=` join it to the one full name that has it. " +
        "`q` finds speakers by the start of their first name word or surname, at most `limit` on one page.",
      query: SpeakersQuery,
      responses: { 200: { description: "A page of speakers.", schema: SpeakerPage }, ...problems() },
      handle: async ({ query }) => {
        const { q, ...page } = query;
        if (q === undefined) return json(200, await deps.store.listSpeakers(page));
        if (page.cursor) throw new BadRequestError([{ field: "query.cursor", message: "is not used with q" }]);
        return json(200, await deps.store.findSpeakers(q, page.limit));
      },
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
