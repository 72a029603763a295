// Builds valid extractions (article + claims, as the extractor emits them) for store and API tests: each claim's
// evidence is a real span of the article text, ids follow the extractor's `<articleId>-c0000` scheme.
import { articleIdFor, contentHashOf } from "../../functions/extraction/article-id.ts";
import { EXTRACTOR_VERSION } from "../../functions/extraction/version.ts";
import type { Extraction } from "../../functions/schemas/article.ts";
import type { AttributionKind, Certainty, Claim, Entity } from "../../functions/schemas/claim.ts";
import type { ObjectSource } from "../../functions/schemas/records.ts";
import type { PendingArticle } from "../../functions/store/claim-store.ts";

export interface ClaimSpec {
  text?: string;
  speaker?: string | null;
  certainty?: Certainty;
  /** `statement` unless given. */
  kind?: AttributionKind;
  entities?: (string | Entity)[];
  /** [start, end] as YYYY-MM-DD. */
  time?: [string, string] | null;
}

export interface ArticleSpec {
  /** Makes the content (and so the id) unique. */
  seed: string;
  claims: ClaimSpec[];
  publishedAt?: string | null;
  title?: string | null;
}

export function makeExtraction(spec: ArticleSpec): Extraction {
  const texts = spec.claims.map((c, i) => c.text ?? `Claim ${i} of ${spec.seed} is stated here.`);
  const text = `${spec.seed}\n\n${texts.join("\n\n")}`;
  const contentHash = contentHashOf(new TextEncoder().encode(text));
  const id = articleIdFor(contentHash);
  let offset = spec.seed.length + 2;
  const claims: Claim[] = spec.claims.map((c, ordinal) => {
    const quote = texts[ordinal]!;
    const start = offset;
    offset += quote.length + 2;
    return {
      id: `${id}-c${String(ordinal).padStart(4, "0")}`,
      ordinal,
      text: quote,
      evidence: { quote, start, end: start + quote.length },
      attribution: {
        speaker: c.speaker ?? null,
        speakerType: c.speaker ? "person" : null,
        cue: c.speaker ? "said" : null,
        kind: c.kind ?? "statement",
        via: [],
        reportedBy: null,
        anonymous: false,
      },
      certainty: c.certainty ?? "certain",
      polarity: "positive",
      time: c.time ? { text: "then", start: c.time[0], end: c.time[1] } : null,
      entities: (c.entities ?? []).map((e) => (typeof e === "string" ? { name: e, type: "organization" } : e)),
    };
  });
  return {
    extractorVersion: EXTRACTOR_VERSION,
    article: {
      id,
      contentHash,
      format: "text",
      title: spec.title ?? `Article ${spec.seed}`,
      publishedAt: spec.publishedAt === undefined ? "2025-07-07T09:00:00+01:00" : spec.publishedAt,
      authors: [],
      outlet: "Test Courier",
      url: null,
      text,
    },
    claims,
  };
}

export function pendingFor(extraction: Extraction, source: ObjectSource): PendingArticle {
  return { id: extraction.article.id, contentHash: extraction.article.contentHash, source };
}

export const source = (key: string, bucket = "claimtrack-test"): ObjectSource => ({ bucket, key });
