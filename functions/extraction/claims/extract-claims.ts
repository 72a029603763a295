// Placeholder: one claim per block. Replaced by the claim extractor.
import type { Claim } from "../../schemas/claim.ts";
import type { ArticleDocument } from "../reading/document.ts";

export function extractClaims(doc: ArticleDocument, articleId: string): Claim[] {
  return doc.blocks.map((b, i) => {
    const quote = doc.text.slice(b.contentStart, b.end);
    return {
      id: `${articleId}-c${String(i).padStart(4, "0")}`,
      ordinal: i,
      text: quote,
      evidence: { quote, start: b.contentStart, end: b.end },
      attribution: { speaker: null, speakerType: null, cue: null, via: [], reportedBy: null, anonymous: false },
      certainty: "certain",
      polarity: "positive",
      time: null,
      entities: [],
    };
  });
}
