// Tracking's items: an article's tracking item (its claims packed at article grain, each claim's fact, the
// relations that touch them), its blocking-key items (gsi2: the candidate index) and fact items (gsi1: the
// facts feed). Pure: records in, items out and back.

import type { Conflict, TrackedArticle, Update } from "../schemas/fact.ts";
import { type FactMember, FactRecord, type FactStatus, type FactSummary } from "../schemas/fact-records.ts";
import { corroborationOf } from "../tracking/corroboration.ts";
import {
  type ArticleTrack,
  claimIdOf,
  type Relation,
  relationKey,
  type StoredFact,
  unpackClaim,
} from "../tracking/packed.ts";
import type { Item } from "./items.ts";
import {
  articlePk,
  FACT_SK,
  FACTS_FEED,
  factFeedSk,
  factPk,
  nameKey,
  TRACK_SK,
  trackKeyIndexSk,
  trackKeyPk,
  trackKeySk,
} from "./keys.ts";

/** An article's tracking item as read back. */
export interface TrackState {
  track: ArticleTrack;
  /** Claim ordinal → its fact. */
  facts: Record<string, string>;
  /** relationKey → relation: every conflict and update that involves one of the article's claims. */
  rels: Record<string, Relation>;
  /** Facts a link step was rewriting when it stopped: its rerun reads them again (see tracking.ts). */
  pendingFacts: string[];
  keys: string[];
}

export function trackItem(track: ArticleTrack, keys: string[]): Item {
  return {
    pk: articlePk(track.articleId),
    sk: TRACK_SK,
    type: "article-track",
    track,
    keys,
    facts: {},
    rels: {},
  };
}

export function trackStateOf(item: Item): TrackState {
  return {
    track: item.track as ArticleTrack,
    facts: (item.facts ?? {}) as Record<string, string>,
    rels: (item.rels ?? {}) as Record<string, Relation>,
    pendingFacts: (item.pendingFacts ?? []) as string[],
    keys: (item.keys ?? []) as string[],
  };
}

export function trackKeyItem(track: ArticleTrack, key: string): Item {
  const k = nameKey(key);
  return {
    pk: articlePk(track.articleId),
    sk: trackKeySk(k),
    type: "track-key",
    articleId: track.articleId,
    gsi2pk: trackKeyPk(k),
    gsi2sk: trackKeyIndexSk(track.sortTime, track.articleId),
  };
}

/** What a fact item shows of one member: taken from its article's tracking item when the member joins. */
export function memberOf(track: ArticleTrack, ordinal: number): FactMember & { entities: string[] } {
  const c = track.claims.find((x) => x.ordinal === ordinal)!;
  return {
    claimId: claimIdOf(track.articleId, ordinal),
    articleId: track.articleId,
    text: c.text,
    speaker: c.speaker,
    reportedBy: c.reportedBy,
    via: c.via,
    certainty: c.certainty,
    polarity: c.polarity,
    outlet: track.outlet,
    title: track.title,
    publishedAt: track.publishedAt,
    reportedAt: track.sortTime,
    entities: c.entities,
  };
}

export type MemberInfo = ReturnType<typeof memberOf>;

/** A fact as stored, with what the API shows of its members and the relations that touch them. */
export interface FactState extends StoredFact {
  info: Record<string, MemberInfo>;
  rels: Record<string, Relation>;
}

const touches = (r: Relation, ids: Set<string>): boolean =>
  r.type === "conflict" ? ids.has(r.claims[0]) || ids.has(r.claims[1]) : ids.has(r.from) || ids.has(r.to);

/** Keeps the relations of `rels` that touch a member of `fact`, in key order (so equal facts store equal items). */
export function relsFor(fact: StoredFact, rels: Iterable<Relation>): Record<string, Relation> {
  const ids = new Set(fact.members.map((m) => m.claimId));
  const out: Record<string, Relation> = {};
  for (const r of [...rels].sort((x, y) => (relationKey(x) < relationKey(y) ? -1 : 1)))
    if (touches(r, ids)) out[relationKey(r)] = r;
  return out;
}

function corroboration(info: MemberInfo[]) {
  const articles = new Map<string, TrackedArticle>();
  for (const m of info) {
    const a = articles.get(m.articleId) ?? {
      file: m.articleId,
      article: {
        id: m.articleId,
        contentHash: "0".repeat(64),
        format: "text" as const,
        title: m.title,
        publishedAt: m.publishedAt,
        authors: [],
        outlet: m.outlet,
        url: null,
        text: "",
      },
      claims: [],
    };
    a.claims.push({
      ...unpackClaim(m.articleId, {
        ordinal: 0,
        text: m.text,
        speaker: m.speaker,
        speakerType: null,
        cue: null,
        via: m.via,
        reportedBy: m.reportedBy,
        certainty: m.certainty,
        polarity: m.polarity,
        time: null,
        entities: [],
      }),
      id: m.claimId,
      factId: null,
      link: null,
    });
    articles.set(m.articleId, a);
  }
  return corroborationOf(
    info.map((m) => ({ claimId: m.claimId, articleId: m.articleId })),
    articles,
  );
}

function statusesOf(info: MemberInfo[], rels: Relation[]): FactStatus[] {
  const ids = new Set(info.map((m) => m.claimId));
  const out: FactStatus[] = [];
  if (corroboration(info).independentSources >= 2) out.push("corroborated");
  if (rels.some((r) => r.type === "conflict")) out.push("contested");
  const updatesOfMembers = rels.filter(
    (r): r is Relation & { type: "update" } => r.type === "update" && ids.has(r.from),
  );
  if (updatesOfMembers.some((u) => u.kind === "correction" || u.kind === "revised-figure")) out.push("corrected");
  if (updatesOfMembers.some((u) => u.kind === "retraction" || u.kind === "denial")) out.push("retracted");
  return out;
}

const byTime = (x: MemberInfo, y: MemberInfo): number =>
  x.reportedAt < y.reportedAt ? -1 : x.reportedAt > y.reportedAt ? 1 : x.claimId < y.claimId ? -1 : 1;

export function factItem(fact: FactState): Item {
  const info = fact.members.map((m) => fact.info[m.claimId]!).sort(byTime);
  const rels = Object.values(fact.rels);
  const first = info[0]!;
  const last = info[info.length - 1]!;
  return {
    pk: factPk(fact.id),
    sk: FACT_SK,
    type: "fact",
    id: fact.id,
    members: fact.members,
    links: fact.links,
    info: fact.info,
    rels: fact.rels,
    text: first.text,
    firstReported: first.reportedAt,
    lastReported: last.reportedAt,
    statuses: statusesOf(info, rels),
    speakerKeys: [...new Set(info.flatMap((m) => (m.speaker ? [nameKey(m.speaker)] : [])))].sort(),
    entityKeys: [...new Set(info.flatMap((m) => m.entities.map(nameKey)))].sort(),
    gsi1pk: FACTS_FEED,
    gsi1sk: factFeedSk(last.reportedAt, fact.id),
  };
}

export function factStateOf(item: Item): FactState {
  return {
    id: String(item.id),
    members: item.members as StoredFact["members"],
    links: item.links as StoredFact["links"],
    info: item.info as Record<string, MemberInfo>,
    rels: (item.rels ?? {}) as Record<string, Relation>,
  };
}

const publicMember = ({ entities: _e, ...m }: MemberInfo): FactMember => m;

export function conflictsAndUpdates(rels: Relation[]): { conflicts: Conflict[]; updates: Update[] } {
  const conflicts: Conflict[] = [];
  const updates: Update[] = [];
  for (const r of rels) {
    if (r.type === "conflict") conflicts.push({ claims: r.claims, why: r.why });
    else updates.push({ from: r.from, to: r.to, kind: r.kind, why: r.why });
  }
  return { conflicts, updates };
}

export function factRecordOf(item: Item): FactRecord {
  const fact = factStateOf(item);
  const info = fact.members.map((m) => fact.info[m.claimId]!).sort(byTime);
  const { conflicts, updates } = conflictsAndUpdates(Object.values(fact.rels));
  const at = new Map(info.map((m) => [m.claimId, m.reportedAt]));
  const timeline: FactRecord["timeline"] = info.map((m, i) => ({
    at: m.reportedAt,
    claimId: m.claimId,
    event: i === 0 ? ("first-report" as const) : ("report" as const),
  }));
  for (const u of updates) {
    const when = at.get(u.to);
    if (when && u.from !== u.to) timeline.push({ at: when, claimId: u.to, event: "update", kind: u.kind });
  }
  timeline.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return FactRecord.parse({
    id: fact.id,
    text: String(item.text),
    statuses: item.statuses,
    members: info.map(publicMember),
    links: fact.links,
    corroboration: corroboration(info),
    conflicts,
    updates,
    timeline,
    firstReported: String(item.firstReported),
    lastReported: String(item.lastReported),
  });
}

export function factSummaryOf(item: Item): FactSummary {
  const fact = factStateOf(item);
  const info = fact.members.map((m) => fact.info[m.claimId]!);
  return {
    id: fact.id,
    text: String(item.text),
    statuses: item.statuses as FactStatus[],
    corroboration: corroboration(info),
    firstReported: String(item.firstReported),
    lastReported: String(item.lastReported),
    memberCount: fact.members.length,
  };
}

export { publicMember };
