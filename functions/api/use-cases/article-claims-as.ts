// Every claim of an article in an open format: CSV or schema.org JSON-LD (api/claim-formats.ts).
import { allArticleClaims } from "../../export/article-claims.ts";
import { claimsCsv, claimsJsonLd } from "../claim-formats.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../errors.ts";
import type { ApiResponse } from "../response.ts";

export async function articleClaimsAs(
  deps: ApiDeps,
  articleId: string,
  format: "csv" | "jsonld",
): Promise<ApiResponse> {
  const article = await deps.store.getArticle(articleId);
  const claims = article ? await allArticleClaims(deps.store, articleId) : null;
  if (!article || !claims) throw new NotFoundError(`article ${articleId}`);
  if (format === "csv") {
    return {
      statusCode: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${articleId}-claims.csv"`,
      },
      body: claimsCsv(article, claims),
    };
  }
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/ld+json; charset=utf-8" },
    body: JSON.stringify(claimsJsonLd(article, claims)),
  };
}
