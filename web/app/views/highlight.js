// The article's text with every claim's evidence marked. Evidence spans may overlap (one sentence can carry
// several claims), so the text is cut at every span boundary and each piece is marked with all the claims that
// cover it: a claim's pieces are contiguous, and together read exactly `text.slice(start, end)`, its quote.
import { h } from "../dom.js";

/**
 * @param {string} text
 * @param {object[]} claims ClaimRecords of this article
 * @param {(speaker: string | null) => string} colorOf
 */
export function highlightedText(text, claims, colorOf) {
  const cuts = new Set([0, text.length]);
  for (const { evidence } of claims) {
    cuts.add(evidence.start);
    cuts.add(evidence.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const container = h("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = claims.filter((c) => c.evidence.start <= from && c.evidence.end >= to);
    if (covering.length === 0) {
      container.append(piece);
      continue;
    }
    const speakers = [...new Set(covering.map((c) => c.attribution.speaker ?? "the article itself"))];
    const colors = [...new Set(covering.map((c) => colorOf(c.attribution.speaker)))];
    container.append(
      h(
        "mark",
        {
          dataset: { claims: covering.map((c) => c.id).join(" ") },
          title: speakers.join(", "),
          class: colors.length > 1 ? "overlap" : null,
          style: { "--speaker": colors[0], "--speaker-2": colors[1] ?? colors[0] },
        },
        piece,
      ),
    );
  }
  return container;
}
