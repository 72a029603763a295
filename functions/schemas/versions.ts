// An article's versions: every new content under one key is the next version of the article the key held, and
// the claim changes between consecutive versions are kept with the newer one (docs/store.md#versions).
import * as z from "zod";
import { ArticleId, ClaimId, pageOf } from "./api.ts";
import { EXAMPLE_ARTICLE, EXAMPLE_CLAIM } from "./examples.ts";
import { ArticleStatus } from "./records.ts";

export const ClaimRef = z
  .object({
    claimId: ClaimId,
    text: z.string().describe("The claim's text (cut at 500 characters; `GET /claims/{id}` has it whole)."),
  })
  .describe("A claim of one version, readable by id with `GET /claims/{id}`.");
export type ClaimRef = z.infer<typeof ClaimRef>;

export const VersionChanges = z
  .object({
    added: z.array(ClaimRef).describe("Claims of this version that the previous one did not make."),
    removed: z.array(ClaimRef).describe("Claims of the previous version that this one no longer makes."),
    changed: z
      .array(
        z.object({
          before: ClaimRef.describe("The previous version's claim."),
          after: ClaimRef.describe("This version's claim."),
        }),
      )
      .describe("The same claim with other figures or wording: the same fact, or half of its word bigrams."),
    counts: z
      .object({
        added: z.number().int().nonnegative().describe("Added claims, all of them."),
        removed: z.number().int().nonnegative().describe("Removed claims, all of them."),
        changed: z.number().int().nonnegative().describe("Changed claims, all of them."),
      })
      .describe("How many claims were added, removed and changed, whether or not all are listed."),
    complete: z.boolean().describe("False when more than 50 changes were found: the lists hold the first 50."),
  })
  .describe("How this version's claims differ from its predecessor's; claims the same in both are left out.");
export type VersionChanges = z.infer<typeof VersionChanges>;

const EXAMPLE_PREVIOUS_ID = "9a7e3c1d5b2f80c4e6a2";
const EXAMPLE_VERSION = {
  id: EXAMPLE_ARTICLE.id,
  version: 2,
  key: EXAMPLE_ARTICLE.sources[0]!.key,
  previousId: EXAMPLE_PREVIOUS_ID,
  nextId: null,
  status: "PROCESSED",
  publishedAt: EXAMPLE_ARTICLE.metadata.publishedAt,
  receivedAt: EXAMPLE_ARTICLE.receivedAt,
  claimCount: 1,
  changes: {
    added: [],
    removed: [],
    changed: [
      {
        before: { claimId: `${EXAMPLE_PREVIOUS_ID}-c0000`, text: "The first crossing will run in April" },
        after: { claimId: EXAMPLE_CLAIM.id, text: EXAMPLE_CLAIM.text },
      },
    ],
    counts: { added: 0, removed: 0, changed: 1 },
    complete: true,
  },
};

export const ArticleVersion = z
  .object({
    id: ArticleId.describe("The version's article id (readable with `GET /articles/{id}`)."),
    version: z.number().int().positive().describe("1 for the first content seen under the key, then 2, 3, …"),
    key: z.string().min(1).describe("The S3 key whose successive contents these versions are."),
    previousId: z
      .string()
      .nullable()
      .describe("The version before this one; null for the first (or when only later versions are kept)."),
    nextId: z.string().nullable().describe("The version that replaced this one; null for the newest."),
    status: ArticleStatus.describe("The version's article status when it was last recorded."),
    publishedAt: z.string().nullable().describe("The publication time the version gives; null when unknown."),
    receivedAt: z.iso.datetime().describe("When the pipeline first recorded the version."),
    claimCount: z.number().int().nonnegative().describe("The version's claims; 0 until it is processed."),
    changes: VersionChanges.nullable().describe(
      "The claim changes from the previous version; null for the first version and until this one is processed.",
    ),
  })
  .meta({ examples: [EXAMPLE_VERSION] });
export type ArticleVersion = z.infer<typeof ArticleVersion>;

export const ArticleVersionPage = pageOf(ArticleVersion, EXAMPLE_VERSION);
