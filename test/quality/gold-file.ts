// The gold format of ../shared/eval (see docs/quality.md): beside each article NAME.EXT stands NAME.gold.json.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";

export const GoldClaim = z.object({
  /** Terms that must all occur in the predicted claim's text. */
  must: z.array(z.string().min(1)).min(1),
  /** Accepted speakers; null accepts the article's own voice. */
  speaker: z.array(z.string().min(1).nullable()).min(1).optional(),
  certainty: z.enum(["certain", "probable", "possible"]).optional(),
  polarity: z.enum(["positive", "negative"]).optional(),
  /** YYYY, YYYY-MM, YYYY-MM-DD or a range start/end, compared by prefix. */
  date: z
    .string()
    .regex(/^\d{4}(-\d\d(-\d\d)?)?(\/\d{4}(-\d\d(-\d\d)?)?)?$/)
    .optional(),
  /** Terms that must occur in the attribution chain (via and reportedBy). */
  via: z.array(z.string().min(1)).min(1).optional(),
  /** May be listed or left out: counts for precision, not for recall. */
  optional: z.boolean().optional(),
  note: z.string().optional(),
});
export type GoldClaim = z.infer<typeof GoldClaim>;

export const GoldFile = z.object({
  meta: z.object({
    title: z.string().min(1),
    /** A prefix of the ISO timestamp. */
    publishedAt: z.string().min(4),
    authors: z.array(z.string().min(1)).optional(),
  }),
  claims: z.array(GoldClaim).min(1),
  /** Strings no claim should contain. */
  noise: z.array(z.string().min(1)).optional(),
});
export type GoldFile = z.infer<typeof GoldFile>;

export interface GoldArticle {
  /** The article's file name, e.g. "wire-01.txt". */
  file: string;
  path: string;
  gold: GoldFile;
}

/** Every article of a folder that has a gold file beside it, in the order of the gold files' names. */
export function readGoldDir(dir: string): GoldArticle[] {
  const files = readdirSync(dir).sort();
  const articles: GoldArticle[] = [];
  for (const goldName of files.filter((f) => f.endsWith(".gold.json"))) {
    const stem = goldName.slice(0, -".gold.json".length);
    const file = files.find((f) => f !== goldName && f.startsWith(`${stem}.`) && !f.endsWith(".gold.json"));
    if (!file) continue;
    const parsed = GoldFile.safeParse(JSON.parse(readFileSync(join(dir, goldName), "utf8")));
    if (!parsed.success) throw new Error(`${join(dir, goldName)}: ${z.prettifyError(parsed.error)}`);
    articles.push({ file, path: join(dir, file), gold: parsed.data });
  }
  return articles;
}
