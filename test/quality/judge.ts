// How one predicted claim is judged against one gold claim. Each check returns null when the gold claim does
// not ask for it, so it does not count towards that figure.
import type { GoldClaim } from "./gold-file.ts";
import { hasTerm, norm } from "./terms.ts";

/** A claim as the extractor prints it; read loosely, since a broken extractor is what the scorer must catch. */
export interface Predicted {
  text?: string;
  evidence?: { quote?: string; start?: number; end?: number };
  attribution?: {
    speaker?: string | null;
    speakerType?: string | null;
    via?: string[];
    reportedBy?: string | null;
  };
  certainty?: string;
  polarity?: string;
  time?: { start?: string | null; end?: string | null } | null;
}

export interface PredictedArticle {
  title?: string | null;
  publishedAt?: string | null;
  authors?: string[];
  outlet?: string | null;
  text?: string;
}

/** The kinds of speaker that are the article's own voice. */
const SELF_TYPES = ["outlet", "author", "publisher", "article"];

export function contentMatch(g: GoldClaim, p: Predicted): boolean {
  const text = norm(p.text);
  return g.must.every((t) => hasTerm(text, t));
}

export function speakerOk(g: GoldClaim, p: Predicted, article: PredictedArticle): boolean | null {
  if (!g.speaker) return null;
  const said = norm(p.attribution?.speaker);
  return g.speaker.some((alt) => {
    if (alt === null) {
      if (!said) return true;
      if (SELF_TYPES.includes(norm(p.attribution?.speakerType))) return true;
      const own = [article.outlet, ...(article.authors ?? [])].map(norm).filter(Boolean);
      return own.some((o) => said.includes(o) || o.includes(said));
    }
    return said.length > 0 && alt.split("|").some((a) => said.includes(norm(a)));
  });
}

export function certaintyOk(g: GoldClaim, p: Predicted): boolean {
  return norm(p.certainty || "certain") === (g.certainty ?? "certain");
}

export function polarityOk(g: GoldClaim, p: Predicted): boolean {
  return norm(p.polarity || "positive") === (g.polarity ?? "positive");
}

export function timeOk(g: GoldClaim, p: Predicted): boolean | null {
  if (!g.date) return null;
  const [start = "", end] = g.date.split("/");
  const ps = String(p.time?.start ?? "");
  const pe = String(p.time?.end ?? p.time?.start ?? "");
  if (!ps.startsWith(start)) return false;
  return end ? pe.startsWith(end) : true;
}

export function viaOk(g: GoldClaim, p: Predicted): boolean | null {
  if (!g.via) return null;
  const chain = norm([...(p.attribution?.via ?? []), p.attribution?.reportedBy ?? ""].join(" ; "));
  return g.via.every((t) => hasTerm(chain, t));
}

/** Whether the quote is exactly the span of the text its offsets name. */
export function evidenceOk(p: Predicted, article: PredictedArticle): boolean {
  const ev = p.evidence ?? {};
  return (
    typeof article.text === "string" &&
    typeof ev.quote === "string" &&
    ev.quote.length > 0 &&
    article.text.slice(ev.start, ev.end) === ev.quote
  );
}

/**
 * The weight of pairing a gold claim with a predicted one: 0 when the content does not match, else 10, one more
 * for each of speaker, certainty and polarity that agree, and 5 more for a required claim (so recall comes first).
 */
export function pairWeight(g: GoldClaim, p: Predicted, article: PredictedArticle): number {
  if (!contentMatch(g, p)) return 0;
  const one = (ok: boolean | null) => (ok ? 1 : 0);
  return 10 + one(speakerOk(g, p, article)) + one(certaintyOk(g, p)) + one(polarityOk(g, p)) + (g.optional ? 0 : 5);
}
