// /articles: list, read, submit and delete articles, and list an article's claims.
import * as z from "zod";
import {
  AcceptedArticle,
  ArticlePage,
  ArticleSubmission,
  ArticlesQuery,
  ArticleText,
  ClaimPage,
  PageQuery,
  RawArticleQuery,
} from "../../schemas/api.ts";
import { ClaimsFormat, SchemaOrgClaims } from "../../schemas/open-formats.ts";
import { ArticleRecord } from "../../schemas/records.ts";
import { articleFileOf, mediaTypeOf } from "../article-content.ts";
import type { ApiDeps } from "../deps.ts";
import { BadRequestError, PayloadTooLargeError } from "../errors.ts";
import { accepted, json } from "../response.ts";
import { parseJson, type Route, route, validate } from "../router.ts";
import { articleClaimsAs } from "../use-cases/article-claims-as.ts";
import { deleteArticle } from "../use-cases/delete-article.ts";
import { findArticles } from "../use-cases/find-articles.ts";
import { readArticleText } from "../use-cases/read-article-text.ts";
import { type ArticleFile, submitArticle } from "../use-cases/submit-article.ts";
import { ArticlePath, found, problems } from "./common.ts";

const ArticleClaimsQuery = PageQuery.extend({ format: ClaimsFormat });

export function articleRoutes(deps: ApiDeps): Route[] {
  return [
    route({
      method: "GET",
      path: "/articles",
      operationId: "listArticles",
      summary: "Articles, newest first, filtered by status, outlet or the object they were read from",
      description:
        "Ordered by publication time; articles that give none by the time they were received. `status` and " +
        "`outlet` combine; each request costs at most two DynamoDB reads, so a filtered page may hold fewer than " +
        "`limit` articles while `nextCursor` is not null: follow it. `key` finds the article an object of the " +
        "bucket holds (its S3 key, or a file name under the ingest prefix), with no need to compute its id: one " +
        "article or none, the other filters applied to it.",
      query: ArticlesQuery,
      responses: { 200: { description: "A page of articles.", schema: ArticlePage }, ...problems() },
      handle: async ({ query }) => json(200, await findArticles(deps, query)),
    }),
    route({
      method: "GET",
      path: "/articles/{id}",
      operationId: "getArticle",
      summary: "An article with its status, failure reason and sources",
      description:
        "The ingest pipeline is the only writer: an article submitted through `POST /articles` answers 404 " +
        "until the pipeline has picked its object up (usually within seconds), and one deleted through " +
        "`DELETE /articles/{id}` is still here until the pipeline has removed it.",
      params: ArticlePath,
      responses: { 200: { description: "The article.", schema: ArticleRecord }, ...problems(404) },
      handle: async ({ params }) => found(await deps.store.getArticle(params.id), `article ${params.id}`),
    }),
    route({
      method: "GET",
      path: "/articles/{id}/claims",
      operationId: "listArticleClaims",
      summary: "An article's claims in reading order",
      description:
        "Every claim extracted from the article, by `ordinal`. An article that is not `PROCESSED` has none yet; " +
        "an id no article has answers 404. " +
        "`format=csv` and `format=jsonld` answer every claim of the article at once (no paging): CSV with the " +
        "claims export's columns, or schema.org `Claim` items in JSON-LD (`author` the speaker, `appearance` the " +
        "article).",
      params: ArticlePath,
      query: ArticleClaimsQuery,
      responses: {
        200: {
          description: "A page of claims, or all of them as CSV or JSON-LD.",
          schema: ClaimPage,
          alternatives: [
            {
              contentType: "text/csv",
              schema: z.string(),
              example:
                "article_id,article_title,claim_id,text\r\n0123456789abcdef0123,Bridge to close,0123456789abcdef0123-c0000,The bridge will close\r\n",
            },
            {
              contentType: "application/ld+json",
              schema: SchemaOrgClaims,
              example: {
                "@context": "https://schema.org",
                "@graph": [
                  {
                    "@type": "Claim",
                    "@id": "urn:claimtrack:claim:0123456789abcdef0123-c0000",
                    identifier: "0123456789abcdef0123-c0000",
                    text: "The bridge will close for two weeks",
                    author: { "@type": "Person", name: "Ana Ruiz" },
                    datePublished: "2025-07-01",
                    appearance: {
                      "@type": "NewsArticle",
                      "@id": "https://example.org/bridge",
                      url: "https://example.org/bridge",
                    },
                  },
                ],
              },
            },
          ],
        },
        ...problems(404),
      },
      handle: async ({ params, query }) => {
        const { format, ...page } = query;
        if (format === "json")
          return found(await deps.store.listArticleClaims(params.id, page), `article ${params.id}`);
        return articleClaimsAs(deps, params.id, format);
      },
    }),
    route({
      method: "GET",
      path: "/articles/{id}/text",
      operationId: "getArticleText",
      summary: "The article's plain text, which every claim's evidence offsets index",
      description:
        "The text the extractor read, as the ingest pipeline stored it when it processed the article: for each " +
        "claim, `text.slice(evidence.start, evidence.end)` is its `evidence.quote`. Only a `PROCESSED` article " +
        "has one; for a pending or failed article the 404 says which.",
      params: ArticlePath,
      responses: {
        200: {
          description: "The article's text.",
          schema: ArticleText,
          headers: { "Cache-Control": "Texts change only when an article is processed again: kept 60 s." },
        },
        ...problems(404, 503),
      },
      handle: async ({ params }) =>
        json(200, await readArticleText(deps, params.id), { "Cache-Control": "max-age=60" }),
    }),
    route({
      method: "POST",
      path: "/articles",
      operationId: "submitArticle",
      summary: "Submit an article for processing",
      description:
        "Send a JSON article (`body` plus optional metadata) or the raw file with its content type (metadata " +
        "then in the query string). The article is stored in the bucket under the ingest prefix and processed " +
        "like any upload: the pipeline records it when it picks the object up, usually within seconds. Poll the " +
        "`Location` for its status; until the pipeline has recorded it, `GET` there answers 404. The same " +
        "content always gets the same id, so submitting it again is harmless.",
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
          description: "Accepted: stored for processing, status `PENDING`; `Location` is the article's URL.",
          schema: AcceptedArticle,
          headers: { Location: "The article's URL." },
        },
        ...problems(413, 415, 503),
      },
      handle: async ({ query, request }) => {
        const file = articleFileFrom(request.headers["content-type"], request.body, query, deps.maxArticleBytes);
        const { id, source } = await submitArticle(deps, file);
        const body: AcceptedArticle = { id, status: "PENDING", source };
        return json(202, body, { Location: `${request.publicPath}/${id}` });
      },
    }),
    route({
      method: "DELETE",
      path: "/articles/{id}",
      operationId: "deleteArticle",
      summary: "Delete an article: its objects in the bucket, then (through the pipeline) every record of it",
      description:
        "Deletes every object the article was read from and answers at once. Each deletion notifies the ingest " +
        "pipeline, which removes the article with all its claims once its last object is gone, usually within " +
        "seconds: poll the `Location` until it answers 404.",
      params: ArticlePath,
      responses: {
        202: {
          description: "Accepted: the article's objects are deleted.",
          headers: { Location: "The article's URL." },
        },
        ...problems(404, 409, 503),
      },
      handle: async ({ params, request }) => {
        await deleteArticle(deps, params.id);
        return accepted(request.publicPath);
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
    // Authors are in the file itself; S3 metadata carries the fields a raw file could also have.
    const { title, publishedAt, outlet, url } = submission;
    const metadata = { ...query, ...definedOnly({ title, publishedAt, outlet, url }) };
    return { bytes: articleFileOf(submission), mediaType, contentType: "application/json", metadata };
  }
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(bytes.length, maxBytes);
  if (bytes.toString("utf8").trim() === "") throw new BadRequestError([{ field: "body", message: "is empty" }]);
  return { bytes, mediaType, contentType: contentTypeHeader!.trim(), metadata: query };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
