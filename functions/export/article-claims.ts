// Every claim of an article, read page by page through the store's port; null when the article is unknown.
import type { ClaimRecord } from "../schemas/records.ts";
import type { ArticleReader } from "../store/claim-store.ts";

const PAGE = 200;

export async function allArticleClaims(
  store: Pick<ArticleReader, "listArticleClaims">,
  articleId: string,
): Promise<ClaimRecord[] | null> {
  const claims: ClaimRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listArticleClaims(articleId, { limit: PAGE, cursor });
    if (!page) return null;
    claims.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return claims;
}
