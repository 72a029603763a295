// Tracking's writes, run inside the claim store's own: completing an article links it (before the article
// becomes PROCESSED, so a crash anywhere is finished by the redelivery that completes the article again), and
// deleting or failing an article unlinks it first. No transactions: every step is a deterministic write, and
// the order keeps every fact reachable from a claim's membership until nothing refers to it any more:
//   link:   tracking item → key items → (pendingFacts) → fact items → memberships and relations → obsolete facts
//           deleted → pendingFacts removed. A rerun reads `pendingFacts` again, so a fact whose members already
//           moved is still found and deleted.
//   unlink: per fact: pieces with new ids → the other members' memberships → the piece that keeps the id (or
//           the deletion); then the relations on other articles and their facts; key items; the tracking item.
// Linking and unlinking may run at once (an article deleted while another links to it). Each write to a tracking
// item sets a fresh `token` on it, and linking writes one to every article with a member in a fact it wrote
// (conditional on the item existing); unlinking deletes its tracking item only if the token it read is still
// there, and otherwise unlinks again from what it reads now. So either the linker's write comes first and the
// unlinker sees the fact, or the unlinker's delete comes first and the linker finds the article gone and takes
// its claims out of the facts it just wrote: no fact keeps a claim of a deleted article.
// Every fact item's export copy (ctx.factExports) is put just before the item and deleted just before it.
import { createHash } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Extraction } from "../../schemas/article.ts";
import { mapLimit } from "../../shared/map-limit.ts";
import {
  type ArticleTrack,
  articleIdOfClaim,
  blockingKeys,
  claimIdOf,
  factsOfLinks,
  type Link,
  linksOf,
  packArticle,
  type Relation,
  relationKey,
  relationsOf,
  type StoredFact,
} from "../../tracking/incremental.ts";
import {
  type FactState,
  factItem,
  factRecordOf,
  factStateOf,
  type MemberInfo,
  memberOf,
  relsFor,
  type TrackState,
  trackItem,
  trackKeyItem,
  trackStateOf,
} from "../fact-items.ts";
import type { Item } from "../items.ts";
import { articlePk, FACT_SK, factPk, nameKey, TRACK_SK, trackKeyPk } from "../keys.ts";
import { deleteAll, putAll } from "./batch.ts";
import { getAll } from "./batch-get.ts";
import { ignoringConditionFailure, type StoreContext, tokenUnchanged } from "./context.ts";

/** Newest articles read per blocking key, within the article's month and the months either side. */
export const MAX_POSTINGS_PER_KEY = 16;
/** Candidate articles whose claims are compared with the new article's: those sharing the most keys. */
export const MAX_CANDIDATE_ARTICLES = 24;

export interface Tracker {
  track(extraction: Extraction, sortTime: string): Promise<void>;
  untrack(articleId: string): Promise<void>;
}

/** JSON with object keys sorted: DynamoDB does not keep a map's key order, comparisons must not depend on it. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
const hashOf = (value: unknown): string => createHash("sha256").update(canon(value)).digest("hex").slice(0, 32);

const ordinalOf = (claimId: string): string => String(Number(/-c(\d+)$/.exec(claimId)![1]));

const touches = (r: Relation, ids: Set<string>): boolean =>
  r.type === "conflict" ? ids.has(r.claims[0]) || ids.has(r.claims[1]) : ids.has(r.from) || ids.has(r.to);
const claimsOf = (r: Relation): string[] => (r.type === "conflict" ? [...r.claims] : [r.from, r.to]);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export function createTracker(ctx: StoreContext): Tracker {
  const getTrack = async (articleId: string): Promise<{ state: TrackState; token: string | null } | null> => {
    const res = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: TRACK_SK },
        ConsistentRead: true,
      }),
    );
    if (!res.Item) return null;
    return { state: trackStateOf(res.Item), token: typeof res.Item.token === "string" ? res.Item.token : null };
  };

  const readFacts = async (ids: Iterable<string>): Promise<Map<string, { state: FactState; hash: string }>> => {
    const items = await getAll(
      ctx,
      [...ids].map((id) => ({ pk: factPk(id), sk: FACT_SK })),
    );
    return new Map(
      items
        .filter((i) => i.type === "fact")
        .map((i) => [String(i.id), { state: factStateOf(i), hash: String(i.hash) }]),
    );
  };

  // A fact's export copy is written just before its item and deleted just before it: a crash between the two
  // leaves the item as it was, so the rerun writes (or deletes) it again, and its copy with it.
  const putFact = async (fact: FactState) => {
    const item = factItem(fact);
    await ctx.factExports?.put(factRecordOf(item));
    await ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: { ...item, hash: hashOf(item) } }));
  };
  const factHash = (fact: FactState) => hashOf(factItem(fact));
  const deleteFact = async (id: string) => {
    await ctx.factExports?.delete(id);
    await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk: factPk(id), sk: FACT_SK } }));
  };

  /**
   * Sets and removes entries of an article's tracking maps (`facts`, `rels`) and sets a fresh token; `exists` is
   * false when the article is gone (nothing written). With nothing to set or remove, only the token is set.
   */
  const updateTrack = async (
    articleId: string,
    set: Array<[string, string, unknown]>,
    remove: Array<[string, string]>,
    returnNew = false,
  ): Promise<{ exists: boolean; state: TrackState | null }> => {
    const names: Record<string, string> = { "#token": "token" };
    const values: Record<string, unknown> = { ":token": ctx.newToken() };
    const path = (map: string, key: string, i: number) => {
      names[`#m${map}`] = map;
      names[`#k${i}`] = key;
      return `#m${map}.#k${i}`;
    };
    let i = 0;
    const sets = set.map(([map, key, value]) => {
      values[`:v${i}`] = value;
      return `${path(map, key, i)} = :v${i++}`;
    });
    const removes = remove.map(([map, key]) => path(map, key, i++));
    let state: TrackState | null = null;
    const exists = await ignoringConditionFailure(
      ctx.doc
        .send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: { pk: articlePk(articleId), sk: TRACK_SK },
            UpdateExpression: [
              `SET ${[...sets, "#token = :token"].join(", ")}`,
              removes.length ? `REMOVE ${removes.join(", ")}` : "",
            ]
              .join(" ")
              .trim(),
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ...(returnNew ? { ReturnValues: "ALL_NEW" as const } : {}),
          }),
        )
        .then((res) => {
          if (res.Attributes) state = trackStateOf(res.Attributes);
        }),
    );
    return { exists, state };
  };

  const setPending = (articleId: string, ids: string[] | null) =>
    ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: { pk: articlePk(articleId), sk: TRACK_SK },
        UpdateExpression: ids ? "SET pendingFacts = :ids" : "REMOVE pendingFacts",
        ...(ids ? { ExpressionAttributeValues: { ":ids": ids } } : {}),
      }),
    );

  /** Articles sharing the most blocking keys with this one, in its month and the months either side. */
  const candidatesOf = async (track: ArticleTrack, keys: string[]): Promise<string[]> => {
    const month = track.sortTime.slice(0, 7);
    const tally = new Map<string, number>();
    await mapLimit(keys, ctx.concurrency, async (key) => {
      const res = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :lo AND :hi",
          ExpressionAttributeValues: {
            ":pk": trackKeyPk(nameKey(key)),
            ":lo": addMonths(month, -1),
            ":hi": `${addMonths(month, 1)}~`,
          },
          ScanIndexForward: false,
          Limit: MAX_POSTINGS_PER_KEY,
        }),
      );
      for (const item of res.Items ?? []) {
        const id = String(item.articleId);
        if (id !== track.articleId) tally.set(id, (tally.get(id) ?? 0) + 1);
      }
    });
    return [...tally.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, MAX_CANDIDATE_ARTICLES)
      .map(([id]) => id);
  };

  /** Links again up to this many times while the articles it links to are deleted; then fails, to be retried. */
  const MAX_LINK_ROUNDS = 4;

  async function track(extraction: Extraction, sortTime: string, round = 0): Promise<void> {
    const mine = packArticle(extraction, sortTime);
    const id = mine.articleId;
    const keys = blockingKeys(mine);
    const trackHash = hashOf(mine);
    let state = (await getTrack(id))?.state ?? null;
    if (state?.track && hashOf(state.track) !== trackHash) {
      await untrack(id); // re-extracted: its old claims leave their facts first
      state = null;
    }
    if (!state) {
      const item = trackItem(mine, keys);
      await ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: item }));
      state = trackStateOf(item);
    }
    await putAll(
      ctx,
      keys.map((k) => trackKeyItem(mine, k)),
    );

    const candidateIds = await candidatesOf(mine, keys);
    const loaded = new Map<string, TrackState>([[id, state]]);
    for (const item of await getAll(
      ctx,
      candidateIds.map((c) => ({ pk: articlePk(c), sk: TRACK_SK })),
    ))
      loaded.set(String(item.pk).slice("ARTICLE#".length), trackStateOf(item));
    const candidates = [...loaded.values()].filter((s) => s.track.articleId !== id).map((s) => s.track);
    const links: Link[] = linksOf(mine, candidates);
    const storedFactOf = (claimId: string): string | undefined =>
      loaded.get(articleIdOfClaim(claimId))?.facts[ordinalOf(claimId)];

    // The facts the links touch, then the relations (judged with those links), then the facts they touch.
    const touched = new Set<string>([...Object.values(state.facts), ...state.pendingFacts]);
    for (const l of links) for (const c of [l.a, l.b]) if (storedFactOf(c)) touched.add(storedFactOf(c)!);
    const before = await readFacts(touched);
    const provisional = factsOfLinks([...[...before.values()].flatMap((f) => f.state.links), ...links]);
    const provisionalOf = new Map(provisional.flatMap((f) => f.members.map((m) => [m.claimId, f.id] as const)));
    const relations = relationsOf(mine, candidates, (c) => provisionalOf.get(c) ?? storedFactOf(c) ?? null);
    const more = new Set<string>();
    for (const r of relations)
      for (const c of claimsOf(r)) {
        const f = provisionalOf.get(c) ?? storedFactOf(c);
        if (f && !before.has(f) && !touched.has(f)) more.add(f);
      }
    for (const [fid, f] of await readFacts(more)) before.set(fid, f);

    const after = factsOfLinks([...[...before.values()].flatMap((f) => f.state.links), ...links]);
    const afterOf = new Map(after.flatMap((f) => f.members.map((m) => [m.claimId, f.id] as const)));
    const info = new Map<string, MemberInfo>();
    const pool = new Map<string, Relation>();
    for (const { state: f } of before.values()) {
      for (const [c, m] of Object.entries(f.info)) info.set(c, m);
      for (const r of Object.values(f.rels)) pool.set(relationKey(r), r);
    }
    for (const s of loaded.values()) {
      for (const c of s.track.claims) {
        const m = memberOf(s.track, c.ordinal);
        info.set(m.claimId, m);
      }
      for (const r of Object.values(s.rels)) pool.set(relationKey(r), r);
    }
    for (const r of relations) pool.set(relationKey(r), r);
    const states: FactState[] = after.map((f) => ({
      ...f,
      info: Object.fromEntries(f.members.map((m) => [m.claimId, info.get(m.claimId)!])),
      rels: relsFor(f, pool.values()),
    }));
    const obsolete = [...before.keys()].filter((fid) => !afterOf.size || !after.some((f) => f.id === fid)).sort();

    if (obsolete.length > 0 && canon(state.pendingFacts) !== canon(obsolete)) await setPending(id, obsolete);
    const changed = states.filter((f) => before.get(f.id)?.hash !== factHash(f));
    await mapLimit(changed, ctx.concurrency, putFact);

    // Memberships and relations, one update per article.
    const listedIn = new Map<string, Set<string>>();
    for (const { state: f } of before.values())
      for (const m of f.members) listedIn.set(m.claimId, (listedIn.get(m.claimId) ?? new Set()).add(f.id));
    const updates = new Map<string, { set: Array<[string, string, unknown]>; remove: Array<[string, string]> }>();
    const of = (articleId: string) => {
      const u = updates.get(articleId) ?? { set: [], remove: [] };
      updates.set(articleId, u);
      return u;
    };
    for (const claimId of new Set([...listedIn.keys(), ...afterOf.keys()])) {
      const now = afterOf.get(claimId) ?? null;
      const articleId = articleIdOfClaim(claimId);
      const s = loaded.get(articleId);
      const current = s ? (s.facts[ordinalOf(claimId)] ?? null) : null;
      const stale = s
        ? current !== now
        : [...(listedIn.get(claimId) ?? [])].some((f) => f !== now) || !listedIn.has(claimId);
      if (!stale) continue;
      if (now) of(articleId).set.push(["facts", ordinalOf(claimId), now]);
      else of(articleId).remove.push(["facts", ordinalOf(claimId)]);
    }
    for (const r of relations) {
      for (const articleId of new Set(claimsOf(r).map(articleIdOfClaim))) {
        const known = loaded.get(articleId)?.rels[relationKey(r)];
        if (!known || canon(known) !== canon(r)) of(articleId).set.push(["rels", relationKey(r), r]);
      }
    }
    // Every article with a member in a fact written here hears of it (a token, at least): see the header.
    for (const f of changed) for (const m of f.members) of(m.articleId);
    const gone = new Set<string>();
    await mapLimit([...updates.entries()], ctx.concurrency, async ([articleId, u]) => {
      if (!(await updateTrack(articleId, u.set, u.remove)).exists) gone.add(articleId);
    });
    await mapLimit(obsolete, ctx.concurrency, deleteFact);
    if (obsolete.length > 0 || state.pendingFacts.length > 0) await setPending(id, null);
    if (gone.size > 0) {
      // Deleted while this article linked to them: their claims leave the facts just written, and the article
      // links again against what is stored now (the deletion may have moved memberships this run overwrote).
      if (round + 1 >= MAX_LINK_ROUNDS) throw new Error(`article ${id}: the articles it links to kept being deleted`);
      const goneClaims = new Set(
        changed.flatMap((f) => f.members.filter((m) => gone.has(m.articleId)).map((m) => m.claimId)),
      );
      await forget(
        goneClaims,
        changed.filter((f) => f.members.some((m) => goneClaims.has(m.claimId))).map((f) => f.id),
        relations.filter((r) => touches(r, goneClaims)),
      );
      await track(extraction, sortTime, round + 1);
    }
  }

  /** Unlinks up to this many times while linkers keep writing to the article; then fails, to be retried. */
  const MAX_UNLINK_ROUNDS = 8;

  async function untrack(articleId: string): Promise<void> {
    for (let round = 0; round < MAX_UNLINK_ROUNDS; round++) {
      const read = await getTrack(articleId);
      if (!read) return;
      const { state, token } = read;
      const gone = new Set(state.track.claims.map((c) => claimIdOf(articleId, c.ordinal)));
      await forget(
        gone,
        [...new Set([...Object.values(state.facts), ...state.pendingFacts])].sort(),
        Object.values(state.rels),
      );
      await deleteAll(
        ctx,
        state.keys.map((k) => trackKeyItem(state.track, k) as Item),
      );
      const deleted = await ignoringConditionFailure(
        ctx.doc.send(
          new DeleteCommand({
            TableName: ctx.tableName,
            Key: { pk: articlePk(articleId), sk: TRACK_SK },
            ...tokenUnchanged(token),
          }),
        ),
      );
      if (deleted) return;
    }
    throw new Error(`article ${articleId}: its tracking item kept changing while it was unlinked`);
  }

  /**
   * Takes the claims `gone` out of the facts `factIds` (split into what their other links still hold together, a
   * piece of one claim dissolving) and the relations `rels` off the other articles and their facts.
   */
  async function forget(gone: Set<string>, factIds: string[], rels: Relation[]): Promise<void> {
    for (const fid of factIds) {
      const found = (await readFacts([fid])).get(fid);
      if (!found?.state.members.some((m) => gone.has(m.claimId))) continue;
      const fact = found.state;
      const left = fact.links.filter((l) => !gone.has(l.a) && !gone.has(l.b));
      const factRels = Object.values(fact.rels).filter((r) => !touches(r, gone));
      const pieces: FactState[] = factsOfLinks(left).map((p: StoredFact) => ({
        ...p,
        info: Object.fromEntries(p.members.map((m) => [m.claimId, fact.info[m.claimId]!])),
        rels: relsFor(p, factRels),
      }));
      const pieceOf = new Map(pieces.flatMap((p) => p.members.map((m) => [m.claimId, p.id] as const)));
      await mapLimit(
        pieces.filter((p) => p.id !== fid),
        ctx.concurrency,
        putFact,
      );
      const byArticle = new Map<string, { set: Array<[string, string, unknown]>; remove: Array<[string, string]> }>();
      for (const m of fact.members) {
        if (gone.has(m.claimId)) continue;
        const now = pieceOf.get(m.claimId) ?? null;
        if (now === fid) continue;
        const u = byArticle.get(m.articleId) ?? { set: [], remove: [] };
        if (now) u.set.push(["facts", ordinalOf(m.claimId), now]);
        else u.remove.push(["facts", ordinalOf(m.claimId)]);
        byArticle.set(m.articleId, u);
      }
      await mapLimit([...byArticle.entries()], ctx.concurrency, ([a, u]) => updateTrack(a, u.set, u.remove));
      const kept = pieces.find((p) => p.id === fid);
      if (kept) await putFact(kept);
      else await deleteFact(fid);
    }
    // Relations with other articles' claims: off their tracking items, and off the facts those claims are in.
    for (const r of [...rels].sort((x, y) => (relationKey(x) < relationKey(y) ? -1 : 1))) {
      for (const other of claimsOf(r).filter((c) => !gone.has(c))) {
        const { state: s } = await updateTrack(articleIdOfClaim(other), [], [["rels", relationKey(r)]], true);
        const fid = s?.facts[ordinalOf(other)];
        if (!fid) continue;
        const found = (await readFacts([fid])).get(fid);
        if (!found || !(relationKey(r) in found.state.rels)) continue;
        const { [relationKey(r)]: _dropped, ...restRels } = found.state.rels;
        await putFact({ ...found.state, rels: restRels });
      }
    }
  }

  return { track, untrack };
}
