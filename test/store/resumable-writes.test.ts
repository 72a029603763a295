// Processing that stops half-way and runs again: for every write an operation makes, a run that dies right
// after it, followed by a full rerun, must leave exactly the table a run without failure leaves — the same
// claims, index items and speaker counts, nothing more. Also: UnprocessedItems retries, and redelivery while
// a first run is still in flight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimStore } from "../../functions/store/claim-store.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { ArticleNotFoundError, StoreBusyError } from "../../functions/store/errors.ts";
import { MAX_VERSIONS } from "../../functions/store/version-items.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { crashAfterWrites, dropFromBatches, InjectedFailure, pauseAt } from "../support/sdk-spy.ts";
import { trackingSet } from "../support/tracking-set.ts";

let db: RunningDynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

const clock = () => new Date("2025-07-08T12:00:00.000Z");
const healthy = (tableName: string): ClaimStore => createDynamoClaimStore({ client: db.client, tableName, now: clock });

/** The table's items in key order, without the random tokens of in-flight count changes. */
async function snapshot(tableName: string, ignore: string[] = []) {
  const items = await db.dumpTable(tableName);
  return items
    .map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => k !== "token" && !ignore.includes(k))))
    .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

const manyClaims = (seed: string, n: number, speakers: string[]) =>
  makeExtraction({
    seed,
    claims: Array.from({ length: n }, (_, i) => ({
      speaker: i % 5 === 4 ? null : speakers[i % speakers.length]!,
      entities: i % 3 === 0 ? ["Ukraine", `Entity ${i % 7}`] : [],
      time: i % 4 === 0 ? (["2025-07-01", "2025-07-31"] as [string, string]) : null,
      certainty: (["certain", "probable", "possible"] as const)[i % 3],
    })),
  });

const first = manyClaims("first", 10, ["Keir Starmer", "Mark Rutte"]);
const firstRedone = {
  ...first,
  claims: first.claims.slice(0, 4).map((c) => ({ ...c, certainty: "possible" as const })),
};
const second = manyClaims("second", 8, ["Mark Rutte", "Ursula von der Leyen"]);
/** Another content whose claims mostly restate `second`'s: the changes between them are all kinds. */
const firstRedoneContent = manyClaims("third", 6, ["Mark Rutte", "Keir Starmer"]);
const smallVersions = Array.from({ length: MAX_VERSIONS + 1 }, (_, i) =>
  makeExtraction({ seed: `story v${i + 1}`, claims: [{ speaker: "Keir Starmer" }] }),
);

interface Scenario {
  name: string;
  setup(store: ClaimStore): Promise<void>;
  run(store: ClaimStore): Promise<unknown>;
}

/** The tracking set, but one article: its facts exist, the article joins and merges them. */
const completeAll = async (s: ClaimStore, except: string | null = null) => {
  for (const { file, extraction } of trackingSet) {
    if (file === except) continue;
    await s.recordPending(pendingFor(extraction, source(`incoming/${file}`)));
    await s.completeArticle(extraction);
  }
};
const trackedFile = (prefix: string) => trackingSet.find((t) => t.file.startsWith(prefix))!;

const scenarios: Scenario[] = [
  {
    name: "completing an article that joins and merges stored facts",
    async setup(s) {
      const b = trackedFile("b-");
      await completeAll(s, b.file);
      await s.recordPending(pendingFor(b.extraction, source(`incoming/${b.file}`)));
    },
    run: (s) => s.completeArticle(trackedFile("b-").extraction),
  },
  {
    name: "deleting an article that holds facts together",
    setup: (s) => completeAll(s),
    run: (s) => s.deleteArticle(trackedFile("b-").extraction.article.id),
  },
  {
    name: "re-extracting a tracked article with fewer claims",
    setup: (s) => completeAll(s),
    run: (s) => {
      const { extraction } = trackedFile("a-");
      return s.completeArticle({ ...extraction, extractorVersion: "2099.01.01", claims: extraction.claims.slice(1) });
    },
  },
  {
    name: "completing a new article",
    async setup(s) {
      await s.recordPending(pendingFor(second, source("incoming/second.txt")));
      await s.completeArticle(second);
      await s.recordPending(pendingFor(first, source("incoming/first.txt")));
    },
    run: (s) => s.completeArticle(first),
  },
  {
    name: "re-extracting an article with other claims",
    async setup(s) {
      await s.recordPending(pendingFor(first, source("incoming/first.txt")));
      await s.completeArticle(first);
    },
    run: (s) => s.completeArticle(firstRedone),
  },
  {
    name: "a key overwritten with new content",
    async setup(s) {
      await s.recordPending(pendingFor(first, source("incoming/a.txt")));
      await s.completeArticle(first);
    },
    async run(s) {
      await s.recordPending(pendingFor(second, source("incoming/a.txt")));
      await s.completeArticle(second);
    },
  },
  {
    name: "a third version of a key: archiving the second, its history and the claim changes",
    async setup(s) {
      await s.recordPending(pendingFor(first, source("incoming/a.txt")));
      await s.completeArticle(first);
      await s.recordPending(pendingFor(second, source("incoming/a.txt")));
      await s.completeArticle(second);
    },
    async run(s) {
      await s.recordPending(pendingFor(firstRedoneContent, source("incoming/a.txt")));
      await s.completeArticle(firstRedoneContent);
    },
  },
  {
    name: `a key's ${MAX_VERSIONS + 1}th version, deleting the oldest`,
    async setup(s) {
      for (const ex of smallVersions.slice(0, MAX_VERSIONS)) {
        await s.recordPending(pendingFor(ex, source("incoming/story.txt")));
        await s.completeArticle(ex);
      }
    },
    async run(s) {
      const last = smallVersions[MAX_VERSIONS]!;
      await s.recordPending(pendingFor(last, source("incoming/story.txt")));
      await s.completeArticle(last);
    },
  },
  {
    name: "removing a key that has earlier versions",
    async setup(s) {
      for (const ex of [first, second]) {
        await s.recordPending(pendingFor(ex, source("incoming/a.txt")));
        await s.completeArticle(ex);
      }
    },
    run: (s) => s.removeSource(source("incoming/a.txt")),
  },
  {
    name: "deleting an article",
    async setup(s) {
      for (const [ex, key] of [
        [first, "incoming/first.txt"],
        [second, "incoming/second.txt"],
      ] as const) {
        await s.recordPending(pendingFor(ex, source(key)));
        await s.completeArticle(ex);
      }
    },
    run: (s) => s.deleteArticle(first.article.id),
  },
  {
    name: "failing a processed article",
    async setup(s) {
      await s.recordPending(pendingFor(first, source("incoming/first.txt")));
      await s.completeArticle(first);
    },
    run: (s) => s.markFailed(first.article.id, "the extractor found no claims"),
  },
  {
    name: "removing the last source of an article",
    async setup(s) {
      await s.recordPending(pendingFor(first, source("incoming/first.txt")));
      await s.completeArticle(first);
    },
    run: (s) => s.removeSource(source("incoming/first.txt")),
  },
];

describe.each(scenarios)("$name, dying after every possible write and run again", (scenario) => {
  it("ends in exactly the table of a run that never failed", async () => {
    const reference = await db.newTable();
    await scenario.setup(healthy(reference));
    await scenario.run(healthy(reference));
    const expected = await snapshot(reference);
    expect(expected.some((i) => i.type === "speaker" && "pending" in i)).toBe(false);

    const start = await db.newTable();
    await scenario.setup(healthy(start));
    let crashes = 0;
    for (let n = 0; ; n++) {
      const table = await db.cloneTable(start);
      const client = db.newClient();
      const crash = crashAfterWrites(client, n);
      const dying = createDynamoClaimStore({ client, tableName: table, now: clock, concurrency: 1 });
      const outcome = await scenario.run(dying).then(
        () => "done",
        (err) => err,
      );
      client.destroy();
      if (!crash.crashed) {
        expect(outcome).toBe("done");
        expect(await snapshot(table)).toEqual(expected);
        break;
      }
      expect(outcome).toBeInstanceOf(InjectedFailure);
      crashes++;
      await scenario.run(healthy(table));
      expect(await snapshot(table), `after dying at write ${n + 1}`).toEqual(expected);
    }
    // Each scenario makes several writes: the loop really tried every crash point.
    expect(crashes).toBeGreaterThan(5);
    // A tracked article makes dozens of writes, each a crash point with its own table.
  }, 240_000);
});

describe("batches", () => {
  it("retries the writes DynamoDB leaves unprocessed until all are written", async () => {
    const table = await db.newTable();
    await healthy(table).recordPending(pendingFor(first, source("incoming/first.txt")));
    const client = db.newClient();
    const dropped = dropFromBatches(client, 3, 4);
    const store = createDynamoClaimStore({ client, tableName: table, retry: { baseDelayMs: 1 } });
    await store.completeArticle(first);
    expect(dropped.dropped).toBeGreaterThan(0);
    expect((await store.listArticleClaims(first.article.id, { limit: 200 }))?.items).toHaveLength(10);

    const reference = await db.newTable();
    await healthy(reference).recordPending(pendingFor(first, source("incoming/first.txt")));
    await healthy(reference).completeArticle(first);
    const volatile = ["receivedAt", "updatedAt", "processedAt", "addedAt"];
    expect(await snapshot(table, volatile)).toEqual(await snapshot(reference, volatile));
  });

  it("gives up with StoreBusyError when DynamoDB keeps refusing, and a rerun completes the article", async () => {
    const table = await db.newTable();
    await healthy(table).recordPending(pendingFor(first, source("incoming/first.txt")));
    const client = db.newClient();
    dropFromBatches(client, 2, 1_000);
    const busy = createDynamoClaimStore({ client, tableName: table, retry: { attempts: 3, baseDelayMs: 1 } });
    await expect(busy.completeArticle(first)).rejects.toBeInstanceOf(StoreBusyError);
    expect((await healthy(table).getArticle(first.article.id))?.status).toBe("PENDING");
    const done = await healthy(table).completeArticle(first);
    expect(done).toMatchObject({ status: "PROCESSED", claimCount: 10 });
  });
});

describe("redelivery while the first run is in flight", () => {
  it("two runs of the same article at once count every speaker once", async () => {
    const table = await db.newTable();
    await healthy(table).recordPending(pendingFor(first, source("incoming/first.txt")));
    const a = createDynamoClaimStore({ client: db.client, tableName: table, now: clock });
    const b = createDynamoClaimStore({ client: db.newClient(), tableName: table, now: clock });
    await Promise.all([a.completeArticle(first), b.completeArticle(first)]);

    const reference = await db.newTable();
    await healthy(reference).recordPending(pendingFor(first, source("incoming/first.txt")));
    await healthy(reference).completeArticle(first);
    const volatile = ["version", "receivedAt", "updatedAt", "processedAt", "addedAt"];
    expect(await snapshot(table, volatile)).toEqual(await snapshot(reference, volatile));
    expect((await a.listSpeakers({ limit: 10 })).items).toMatchObject([
      { name: "Keir Starmer", claimCount: 4, articleCount: 1 },
      { name: "Mark Rutte", claimCount: 4, articleCount: 1 },
    ]);
  });
});

describe("a writer and a deletion of the same article interleaved", () => {
  /** The same article (same id) extracted again: other certainties, and one more claim by a new speaker. */
  const again = {
    ...first,
    claims: [
      ...first.claims.map((c) => ({ ...c, certainty: "possible" as const })),
      {
        ...first.claims[0]!,
        id: `${first.article.id}-c0010`,
        ordinal: 10,
        attribution: { ...first.claims[0]!.attribution, speaker: "Third Speaker" },
      },
    ],
  };
  const processed = async () => {
    const table = await db.newTable();
    await healthy(table).recordPending(pendingFor(first, source("incoming/first.txt")));
    await healthy(table).completeArticle(first);
    return table;
  };

  it("a speaker marker the deletion removed after the writer read it is written again, and cleaned up", async () => {
    const table = await processed();
    const client = db.newClient();
    // The writer has read the partition (markers included) and written its claims; it stops before its first
    // speaker contribution while the article is deleted.
    const pause = pauseAt(client, "PutItemCommand", '"speaker-article"');
    const writer = createDynamoClaimStore({ client, tableName: table, now: clock });
    const writing = writer.completeArticle(again);
    await pause.reached;
    await healthy(table).deleteArticle(first.article.id);
    pause.release();
    await expect(writing).rejects.toBeInstanceOf(ArticleNotFoundError);
    expect(await snapshot(table)).toEqual([]);
  });

  it("what a writer wrote after the deletion read the partition goes, even when the writer stops waiting", async () => {
    const table = await processed();
    const writerClient = db.newClient();
    const deleterClient = db.newClient();
    // The writer has found the article unfenced and read its partition; it stops before writing its claims.
    const writerPause = pauseAt(writerClient, "BatchWriteItemCommand", "CLAIM#");
    const writing = createDynamoClaimStore({ client: writerClient, tableName: table, now: clock }).completeArticle(
      again,
    );
    await writerPause.reached;
    // The deletion sets its fence and reads the partition; it stops before its first delete.
    const deleterPause = pauseAt(deleterClient, "DeleteItemCommand", "SPEAKER#");
    const deleting = createDynamoClaimStore({ client: deleterClient, tableName: table, now: clock }).deleteArticle(
      first.article.id,
    );
    await deleterPause.reached;
    // The writer writes everything (a new claim and a new speaker among it), then waits for the fence until it
    // gives up: its message is retried later, and the retry finds the object gone.
    writerPause.release();
    await expect(writing).rejects.toBeInstanceOf(StoreBusyError);
    deleterPause.release();
    await deleting;
    expect(await snapshot(table)).toEqual([]);
  }, 20_000);
});
