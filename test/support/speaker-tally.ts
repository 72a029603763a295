// Speaker counts recounted by hand from a table's items, independently of the store's own recount, and what
// `GET /speakers` says, for tests comparing the two.
import type { ArticleReader } from "../../functions/store/claim-store.ts";
import { speakerKey } from "../../functions/store/speaker-names.ts";

export interface Counts {
  claimCount: number;
  articleCount: number;
}

type Item = Record<string, unknown>;

/** Per speaker key: claims naming the speaker, and the distinct articles holding them. */
export function tallyClaims(items: readonly Item[]): Map<string, Counts> {
  const claims = new Map<string, number>();
  const articles = new Map<string, Set<string>>();
  for (const item of items) {
    if (item.type !== "claim" || typeof item.speakerKey !== "string") continue;
    const record = item.record as { articleId: string };
    claims.set(item.speakerKey, (claims.get(item.speakerKey) ?? 0) + 1);
    const set = articles.get(item.speakerKey) ?? new Set();
    set.add(record.articleId);
    articles.set(item.speakerKey, set);
  }
  return new Map([...claims].map(([key, n]) => [key, { claimCount: n, articleCount: articles.get(key)!.size }]));
}

/** Every page of the speakers list, keyed by name key. */
export async function listedSpeakers(reader: ArticleReader): Promise<Map<string, Counts>> {
  const listed = new Map<string, Counts>();
  let cursor: string | undefined;
  do {
    const page = await reader.listSpeakers({ limit: 200, cursor });
    for (const s of page.items)
      listed.set(speakerKey(s.name), { claimCount: s.claimCount, articleCount: s.articleCount });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return listed;
}

/** Speakers whose listed counts differ from the recount, as readable lines (empty when they all agree). */
export function countMismatches(listed: Map<string, Counts>, recount: Map<string, Counts>): string[] {
  const lines: string[] = [];
  for (const key of new Set([...listed.keys(), ...recount.keys()])) {
    const a = listed.get(key);
    const b = recount.get(key);
    if (a?.claimCount !== b?.claimCount || a?.articleCount !== b?.articleCount) {
      lines.push(`${key}: listed ${JSON.stringify(a ?? null)}, recounted ${JSON.stringify(b ?? null)}`);
    }
  }
  return lines;
}

/**
 * Items that belong to an article whose article item does not exist (claims, index items, listings, markers),
 * and speaker contributions or aggregates with no claim behind them: what a deletion must never leave.
 */
export function leftovers(items: readonly Item[]): Item[] {
  const articles = new Set(items.filter((i) => i.sk === "#ARTICLE").map((i) => String(i.pk)));
  const speakers = tallyClaims(items);
  return items.filter((i) => {
    const pk = String(i.pk);
    if (pk.startsWith("ARTICLE#")) return !articles.has(pk);
    if (i.type === "speaker-article") return !articles.has(`ARTICLE#${String(i.articleId)}`);
    if (i.type === "speaker") return !speakers.has(String(i.speakerKey));
    return false;
  });
}
