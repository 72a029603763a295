// /articles: list, read, submit and delete articles, and list an article's claims.
import type { z } from "zod";
import {
  AcceptedArticle,
  ArticlePage,
  ArticleSubmission,
  ClaimPage,
  PageQuery,
  RawArticleQuery,
} from "../../schemas/api.ts";
import { ArticleRecord } from "../../schemas/records.ts";
import { articleFileOf, mediaTypeOf } from "../article-content.ts";
import type { ApiDeps } from "../deps.ts";
import { BadRequestError, PayloadTooLargeError } from "../errors.ts";
import { json, noContent } from "../response.ts";
import { parseJson, type Route, route, validate } from "../router.ts";
import { deleteArticle } from "../use-cases/delete-article.ts";
import { type ArticleFile, submitArticle } from "../use-cases/submit-article.ts";
import { ArticlePath, found, problems } from "./common.ts";

export function articleRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/articles",
      operationId: "listArticles",
      summary: "Articles, newest first",
      description: "Ordered by publication time; articles that give none by the time they were received.",
      query: PageQuery,
      responses: { 200: { description: "A page of articles.", schema: ArticlePage }, ...problems() },
      handle: async ({ query }) => json(200, await deps.store.listArticles(query)),
    }),
    route({
      method: "GET",
      path: "/articles/{id}",
      operationId: "getArticle",
      summary: "An article with its status, failure reason and sources",
      params: ArticlePath,
      responses: { 200: { description: "The article.", schema: ArticleRecord }, ...problems(404) },
      handle: async ({ params }) => found(await deps.store.getArticle(params.id), `article ${params.id}`),
    }),
    route({
      method: "GET",
      path: "/articles/{id}/claims",
      operationId: "listArticleClaims",
      summary: "An article's claims in reading order",
      params: ArticlePath,
      query: PageQuery,
      responses: { 200: { description: "A page of claims.", schema: ClaimPage }, ...problems(404) },
      handle: async ({ params, query }) =>
        found(await deps.store.listArticleClaims(params.id, query), `article ${params.id}`),
    }),
    route({
      method: "POST",
      path: "/articles",
      operationId: "submitArticle",
      summary: "Submit an article for processing",
      description:
        "Send a JSON article (`body` plus optional metadata) or the raw file with its content type (metadata " +
        "then in the query string). The article is stored in the bucket under the ingest prefix and processed " +
        "like any upload; poll the `Location` for its status.",
      query: RawArticleQuery,
      requestBody: [
        { contentType: "application/json", schema: ArticleSubmission, description: "A JSON article." },
        ...["text/plain", "text/markdown", "text/html", "application/xhtml+xml"].map((contentType) => ({
          contentType,
          description: "The article file itself.",
        })),
      ],
      responses: {
        202: {
          description: "Accepted: the article is PENDING (or already known, with its status).",
          schema: AcceptedArticle,
          headers: { Location: "The article's URL." },
        },
        ...problems(413, 415),
      },
      handle: async ({ query, request }) => {
        const file = articleFileFrom(request.headers["content-type"], request.body, query, deps.maxArticleBytes);
        const { article, source } = await submitArticle(deps, file);
        return json(
          202,
          { id: article.id, status: article.status, source },
          { Location: `${request.publicPath}/${article.id}` },
        );
      },
    }),
    route({
      method: "DELETE",
      path: "/articles/{id}",
      operationId: "deleteArticle",
      summary: "Delete an article: its objects in the bucket and every record of it",
      params: ArticlePath,
      responses: { 204: { description: "Deleted." }, ...problems(404) },
      handle: async ({ params }) => {
        await deleteArticle(deps, params.id);
        return noContent();
      },
    }),
  ];
}

function articleFileFrom(
  contentTypeHeader: string | undefined,
  body: Buffer | null,
  query: z.infer<typeof RawArticleQuery>,
  maxBytes: number,
): ArticleFile {
  const mediaType = mediaTypeOf(contentTypeHeader);
  const bytes = body ?? Buffer.alloc(0);
  if (mediaType === "application/json") {
    // The stored file is re-serialized (and may grow a little); refuse absurd bodies before parsing them.
    if (bytes.length > 2 * maxBytes) throw new PayloadTooLargeError(bytes.length, maxBytes);
    const submission = validate(ArticleSubmission, parseJson(bytes), "body");
    const { title, publishedAt, outlet, url, authors } = submission;
    const metadata = { ...query, ...definedOnly({ title, publishedAt, outlet, url, authors }) };
    return { bytes: articleFileOf(submission), mediaType, contentType: "application/json", metadata };
  }
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(bytes.length, maxBytes);
  if (bytes.toString("utf8").trim() === "") throw new BadRequestError([{ field: "body", message: "is empty" }]);
  return { bytes, mediaType, contentType: contentTypeHeader!.trim(), metadata: query };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
