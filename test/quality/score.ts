// Scores an extractor on a gold folder with the figures of ../shared/eval/score.mjs (see docs/quality.md).

import { type Extractor, extractFile } from "./extractor.ts";
import type { GoldArticle, GoldClaim } from "./gold-file.ts";
import {
  certaintyOk,
  contentMatch,
  evidenceOk,
  type Predicted,
  type PredictedArticle,
  pairWeight,
  polarityOk,
  speakerOk,
  timeOk,
  viaOk,
} from "./judge.ts";
import { assign } from "./matching.ts";
import { hasTerm, norm } from "./terms.ts";

export interface Summary {
  articles: number;
  failed: number;
  gold: number;
  predicted: number;
  recall: number;
  precision: number;
  f1: number;
  /** Accuracies over matched pairs (or over predicted claims for evidence), two decimals, "n/a" without any. */
  speaker: string;
  certainty: string;
  polarity: string;
  time: string;
  via: string;
  evidence: string;
  meta: string;
  compound: number;
  noise: number;
}

export type ArticleReport =
  | { article: string; error: string }
  | {
      article: string;
      gold: number;
      predicted: number;
      matched: number;
      missed: string[];
      unmatched: string[];
      wrong: string[];
    };

export interface Score {
  summary: Summary;
  report: ArticleReport[];
}

interface Tally {
  ok: number;
  of: number;
}

function bump(t: Tally, ok: boolean | null): void {
  if (ok === null) return;
  t.of++;
  if (ok) t.ok++;
}

const tally = (): Tally => ({ ok: 0, of: 0 });
const ratio = (a: number, b: number) => (b ? a / b : 0);
const pct = (t: Tally) => (t.of ? (t.ok / t.of).toFixed(2) : "n/a");

/** Why a matched pair is wrong, or null when every asked-for field agrees. */
function wrongness(g: GoldClaim, p: Predicted, article: PredictedArticle): string | null {
  const bad: string[] = [];
  if (speakerOk(g, p, article) === false) {
    bad.push(`speaker ${JSON.stringify(p.attribution?.speaker ?? null)} want ${JSON.stringify(g.speaker)}`);
  }
  if (!certaintyOk(g, p)) bad.push(`certainty ${p.certainty} want ${g.certainty ?? "certain"}`);
  if (!polarityOk(g, p)) bad.push(`polarity ${p.polarity} want ${g.polarity ?? "positive"}`);
  if (timeOk(g, p) === false) bad.push(`time ${JSON.stringify(p.time ?? null)} want ${g.date}`);
  if (viaOk(g, p) === false) bad.push(`via ${JSON.stringify(p.attribution?.via ?? [])} want ${g.via?.join(", ")}`);
  return bad.length ? `${p.text} :: ${bad.join("; ")}` : null;
}

export function score(articles: GoldArticle[], extractor: Extractor = extractFile): Score {
  const total = {
    articles: 0,
    failed: 0,
    gold: 0,
    goldMatched: 0,
    predicted: 0,
    predictedMatched: 0,
    compound: 0,
    noise: 0,
    speaker: tally(),
    certainty: tally(),
    polarity: tally(),
    time: tally(),
    via: tally(),
    evidence: tally(),
    meta: tally(),
  };
  const report: ArticleReport[] = [];
  for (const { file, path, gold } of articles) {
    total.articles++;
    const required = gold.claims.filter((c) => !c.optional);
    let out: ReturnType<Extractor>;
    try {
      out = extractor(path);
    } catch (error) {
      total.failed++;
      total.gold += required.length;
      report.push({ article: file, error: String((error as Error).message ?? error).slice(0, 500) });
      continue;
    }
    const article = out.article ?? {};
    const predicted = Array.isArray(out.claims) ? out.claims : [];
    const pairs = assign(gold.claims.map((g) => predicted.map((p) => pairWeight(g, p, article))));
    const matchedGold = new Set(pairs.map(([g]) => g));
    const matchedPred = new Set(pairs.map(([, p]) => p));
    // A claim that holds two or more required gold claims is not atomic: it is compound, and not precise.
    const hits = predicted.map((p) => required.filter((g) => contentMatch(g, p)).length);
    total.gold += required.length;
    total.goldMatched += pairs.filter(([g]) => !gold.claims[g]?.optional).length;
    total.predicted += predicted.length;
    total.predictedMatched += [...matchedPred].filter((i) => (hits[i] ?? 0) < 2).length;
    for (const [gi, pi] of pairs) {
      const g = gold.claims[gi]!;
      const p = predicted[pi]!;
      bump(total.speaker, speakerOk(g, p, article));
      bump(total.certainty, certaintyOk(g, p));
      bump(total.polarity, polarityOk(g, p));
      bump(total.time, timeOk(g, p));
      bump(total.via, viaOk(g, p));
    }
    predicted.forEach((p, i) => {
      if ((hits[i] ?? 0) >= 2) total.compound++;
      if ((gold.noise ?? []).some((t) => hasTerm(norm(p.text), t))) total.noise++;
      bump(total.evidence, evidenceOk(p, article));
    });
    const m = gold.meta;
    if (m.title) bump(total.meta, norm(article.title) === norm(m.title));
    if (m.publishedAt) bump(total.meta, String(article.publishedAt ?? "").startsWith(m.publishedAt));
    if (m.authors) {
      const authors = (article.authors ?? []).map(norm);
      bump(
        total.meta,
        m.authors.every((a) => authors.includes(norm(a))),
      );
    }
    report.push({
      article: file,
      gold: required.length,
      predicted: predicted.length,
      matched: pairs.length,
      missed: gold.claims.filter((g, i) => !g.optional && !matchedGold.has(i)).map((g) => g.must.join(" + ")),
      unmatched: predicted.filter((_, i) => !matchedPred.has(i)).map((p) => p.text ?? ""),
      wrong: pairs.map(([gi, pi]) => wrongness(gold.claims[gi]!, predicted[pi]!, article)).filter((w) => w !== null),
    });
  }
  const recall = ratio(total.goldMatched, total.gold);
  const precision = ratio(total.predictedMatched, total.predicted);
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  return {
    summary: {
      articles: total.articles,
      failed: total.failed,
      gold: total.gold,
      predicted: total.predicted,
      recall: +recall.toFixed(3),
      precision: +precision.toFixed(3),
      f1: +f1.toFixed(3),
      speaker: pct(total.speaker),
      certainty: pct(total.certainty),
      polarity: pct(total.polarity),
      time: pct(total.time),
      via: pct(total.via),
      evidence: pct(total.evidence),
      meta: pct(total.meta),
      compound: total.compound,
      noise: total.noise,
    },
    report,
  };
}

/** The one-line summary, worded as the shared scorer words it. */
export function summaryLine(s: Summary): string {
  return (
    `articles ${s.articles} (failed ${s.failed}) · claims F1 ${s.f1} (P ${s.precision} R ${s.recall}) · ` +
    `speaker ${s.speaker} · certainty ${s.certainty} · polarity ${s.polarity} · time ${s.time} · ` +
    `via ${s.via} · evidence ${s.evidence} · meta ${s.meta} · compound ${s.compound} · noise ${s.noise}`
  );
}
