// /articles/{id}/versions: the history of the article's key — every content it held, newest first — with the
// claims added, removed and changed between consecutive versions.
import { PageQuery } from "../../schemas/api.ts";
import { ArticleVersionPage } from "../../schemas/versions.ts";
import type { ApiDeps } from "../deps.ts";
import { type Route, route } from "../router.ts";
import { ArticlePath, found, problems } from "./common.ts";

export function versionRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/articles/{id}/versions",
      operationId: "listArticleVersions",
      summary: "The versions of an article's key, newest first, with the claim changes between them",
      description:
        "A new object under the same key is the next version of the article the key held: the earlier one stays " +
        "readable (`GET /articles/{id}`, its claims by id) but leaves the lists of current articles, claims, " +
        "speakers and facts. Each version gives its number, its neighbours, its claim count and the claims " +
        "added, removed and changed (same fact, other figures or wording) since its predecessor. Any version's " +
        "id answers the whole history. An article never replaced is its key's only version. The newest 10 " +
        "versions of a key are kept. Two DynamoDB reads.",
      params: ArticlePath,
      query: PageQuery,
      responses: { 200: { description: "A page of versions.", schema: ArticleVersionPage }, ...problems(404) },
      handle: async ({ params, query }) =>
        found(await deps.store.listArticleVersions(params.id, query), `article ${params.id}`),
    }),
  ];
}
