// Turns the body units of any format into blocks: drops page furniture, follows labels ("Details:",
// "Background:" over a bullet list, "Source:"), reads wire datelines, and keeps everything else verbatim.
import { looksLikeHeadline, noiseReason, opensLinkList } from "./boilerplate.ts";
import type { BlockDraft } from "./build-blocks.ts";
import { matchDateline } from "./dateline.ts";
import { dateLine } from "./header.ts";
import { leadInLabel, matchLabel } from "./labels.ts";
import type { Unit } from "./units.ts";

export interface CleanBody {
  drafts: BlockDraft[];
  /** The wire or outlet a dateline credits ("Reuters"). */
  credit?: string;
  /** The dateline's month and day, for a publication date when nothing better exists. */
  monthDay?: { month: number; day: number };
  /** The dateline's year, when it gives one. */
  year?: number;
}

/** Datelines open a story: only the first few paragraphs are checked, so a later "NATO — …" stays prose. */
const DATELINE_PARAGRAPHS = 3;
// recheck: only run on lines of at most TIME_ONLY_MAX characters (the spaces before the zone backtrack).
const TIME_ONLY = /^(?:updated:?\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\.?$/i;
/** Longer than any time label ("Updated: 10:45 a.m. CEST."); bounds the regex's work on a long line. */
const TIME_ONLY_MAX = 48;

/** "About the City of Springfield", "About Acme Corp.": the boilerplate that closes a press release. */
// recheck: anchored at the start; the lazy name takes at most 71 steps, each reading the trailing spaces once.
const ABOUT_SECTION = /^About\s+(?:the\s+)?(?:us|\p{Lu}[^.!?\n]{0,70}?)\s*:?$/u;
/** A safe-harbour notice that starts without its heading. */
const SAFE_HARBOUR_OPENING =
  /^(?:This|The)\s+(?:press\s+|news\s+)?(?:release|announcement|communication|document)\s+(?:contains|includes|may\s+contain)\s+(?:certain\s+)?["“]?forward[-\s]looking/i;
/** The legal notices that close a press release: what follows them is boilerplate too. */
const LEGAL_SECTION =
  /^(?:(?:Cautionary\s+(?:Note|Statement)\s+(?:Regarding|About|on)\s+)?Forward[-\s]Looking\s+(?:Statements|Information)|Safe\s+Harbou?r(?:\s+Statement)?|Cautionary\s+(?:Note|Statement)|Non-GAAP\s+Financial\s+Measures)\s*:?$/i;

/**
 * Where a press release's closing boilerplate starts: an "About …" heading past the first third of the body, and all
 * after it (the organisation's self-description, contacts, forward-looking-statement disclaimers).
 */
function boilerplateTail(units: readonly Unit[]): number {
  for (let k = Math.max(2, Math.floor(units.length / 3)); k < units.length; k++) {
    const text = units[k]!.text.trim().split("\n")[0]!.trim();
    if ((ABOUT_SECTION.test(text) || LEGAL_SECTION.test(text)) && text.split(/\s+/).length <= 8) return k;
    if (SAFE_HARBOUR_OPENING.test(text)) return k;
  }
  return units.length;
}

export function cleanBody(units: readonly Unit[]): CleanBody {
  const out: CleanBody = { drafts: [] };
  let inLinkList = false;
  /** A label standing alone ("Background:") applies to the list below it. */
  let openLabel: string | null = null;
  let paragraphs = 0;
  const end = boilerplateTail(units);

  for (const unit of units.slice(0, end)) {
    const marker = unit.markerLength ?? 0;
    const content = unit.text.slice(marker);
    if (content.trim().length === 0) continue;

    if (inLinkList) {
      if (unit.kind === "list-item" || unit.linkOnly || looksLikeHeadline(content)) continue;
      inLinkList = false;
    }
    if (opensLinkList(content)) {
      inLinkList = true;
      continue;
    }
    if (unit.linkOnly && unit.kind !== "heading") continue;
    if (unit.emphasis && (unit.kind === "paragraph" || unit.kind === "heading")) continue;
    if (noiseReason(content) !== null) continue;

    if (unit.kind !== "list-item") openLabel = null;
    const draft: BlockDraft = { kind: unit.kind, text: unit.text, contentOffset: marker };
    if (unit.cite) draft.cite = unit.cite;

    const label = matchLabel(content);
    if (label) {
      draft.label = label.label;
      draft.contentOffset = marker + label.contentOffset;
      if (label.labelOnly) {
        draft.kind = "heading";
        openLabel = label.label;
      } else if (label.isSource) {
        draft.kind = "source";
      }
    } else if (unit.leadIn) {
      const lead = leadInLabel(unit.leadIn);
      if (lead) {
        draft.label = lead;
        draft.contentOffset =
          marker + unit.leadIn.length + (/^\s*(?:[—–-]\s*)?/.exec(content.slice(unit.leadIn.length))?.[0].length ?? 0);
      }
    } else if (openLabel && unit.kind === "list-item") {
      draft.label = openLabel;
    }

    // A bare time or date ("2:45 p.m.", "4 July 2025") stamps the live-blog entry below it: a heading.
    if (
      draft.kind === "paragraph" &&
      ((content.length <= TIME_ONLY_MAX && TIME_ONLY.test(content)) || dateLine(content))
    )
      draft.kind = "heading";

    if (draft.kind === "paragraph" && !draft.label) {
      paragraphs++;
      const dateline = paragraphs <= DATELINE_PARAGRAPHS ? matchDateline(content) : null;
      if (dateline) {
        draft.contentOffset = marker + dateline.contentOffset;
        if (dateline.credit) {
          draft.credit = dateline.credit;
          out.credit ??= dateline.credit;
        }
        if (dateline.monthDay && !out.monthDay) {
          out.monthDay = dateline.monthDay;
          if (dateline.year) out.year = dateline.year;
        }
      }
    }
    out.drafts.push(draft);
  }

  out.drafts = dropPullQuotes(out.drafts);
  // A heading with no body after it (a trailing "More from us" section title) says nothing.
  while (out.drafts.length > 0 && out.drafts[out.drafts.length - 1]!.kind === "heading") out.drafts.pop();
  return out;
}

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/["“”‘’'«».,;:!?()\u2014\u2013\s-]+/g, " ")
    .trim();

/**
 * A pull quote repeats words the article prints elsewhere, set apart for display ("This is a fair deal" under the
 * paragraph that quotes it): a short block whose whole text is inside another block adds nothing and, cut off from
 * its frame, would lose its speaker.
 */
function dropPullQuotes(drafts: BlockDraft[]): BlockDraft[] {
  // Normalised lazily: only short block quotations are candidates, and only their neighbours are compared.
  const cache = new Map<number, string>();
  const textOf = (k: number): string => {
    let t = cache.get(k);
    if (t === undefined) {
      t = comparable(drafts[k]!.text.slice(drafts[k]!.contentOffset));
      cache.set(k, t);
    }
    return t;
  };
  return drafts.filter((d, k) => {
    const raw = d.text.length - d.contentOffset;
    if (d.kind !== "blockquote" || raw > 450 || raw < 20) return true;
    const t = textOf(k);
    if (t.length < 20) return true;
    // Set beside the paragraph it repeats: looking a few blocks either way keeps long articles linear.
    for (let j = Math.max(0, k - PULL_QUOTE_REACH); j <= Math.min(drafts.length - 1, k + PULL_QUOTE_REACH); j++) {
      if (j === k || drafts[j]!.text.length <= raw) continue;
      const other = textOf(j);
      if (other.length > t.length && other.includes(t)) return false;
    }
    return true;
  });
}

const PULL_QUOTE_REACH = 8;
