// `npm run recount` against dynalite with deliberately wrong counts: it reports each fix, the counts then equal
// a recount of the claims by hand, and a second run fixes nothing.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import {
  articlePk,
  contributionSk,
  nameKey,
  SPEAKER_SK,
  speakerArticleSk,
  speakerPk,
} from "../../functions/store/keys.ts";
import { type RunningDynalite, startDynalite } from "../support/dynalite.ts";
import { makeExtraction, pendingFor, source } from "../support/extractions.ts";
import { countMismatches, listedSpeakers, tallyClaims } from "../support/speaker-tally.ts";

let db: RunningDynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

const run = promisify(execFile);
const recount = (table: string, ...extra: string[]) =>
  run(process.execPath, ["scripts/recount.ts", "--table", table, "--endpoint", db.endpoint, ...extra], {
    timeout: 60_000,
  });

describe("npm run recount", () => {
  it("repairs wrong counts, missing and stray contributions, and is idempotent", async () => {
    const table = await db.newTable();
    const store = createDynamoClaimStore({ client: db.client, tableName: table });
    const speakers = ["Mark Rutte", "Keir Starmer", "Kaja Kallas"];
    for (const seed of ["a", "b", "c"]) {
      const ex = makeExtraction({
        seed,
        claims: Array.from({ length: 6 }, (_, i) => ({ speaker: speakers[i % 3]!, entities: [], time: null })),
      });
      await store.recordPending(pendingFor(ex, source(`incoming/${seed}.txt`)));
      await store.completeArticle(ex);
    }
    const doc = DynamoDBDocumentClient.from(db.client);
    const rutte = nameKey("Mark Rutte");
    // Wrong: an inflated aggregate, a contribution of an article that does not exist, a lost contribution,
    // and an aggregate of a speaker nobody quotes.
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: speakerPk(rutte), sk: SPEAKER_SK },
        UpdateExpression: "SET claimCount = :n",
        ExpressionAttributeValues: { ":n": 99 },
      }),
    );
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: speakerPk(rutte),
          sk: speakerArticleSk("gone0000000000000000"),
          type: "speaker-article",
          articleId: "gone0000000000000000",
          speakerKey: rutte,
          name: "Mark Rutte",
          claimCount: 3,
        },
      }),
    );
    const starmer = nameKey("Keir Starmer");
    const someArticle = (await store.listArticles({ limit: 1 })).items[0]!.id;
    await doc.send(
      new DeleteCommand({ TableName: table, Key: { pk: speakerPk(starmer), sk: speakerArticleSk(someArticle) } }),
    );
    await doc.send(
      new DeleteCommand({ TableName: table, Key: { pk: articlePk(someArticle), sk: contributionSk(starmer) } }),
    );
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: speakerPk("nobody"),
          sk: SPEAKER_SK,
          type: "speaker",
          speakerKey: "nobody",
          name: "Nobody",
          claimCount: 4,
          articleCount: 1,
          gsi3pk: "SPEAKERS",
          gsi3sk: "9999999995#nobody",
        },
      }),
    );
    expect(countMismatches(await listedSpeakers(store), tallyClaims(await db.dumpTable(table)))).toHaveLength(2);

    const dry = await recount(table, "--dry-run");
    expect(dry.stdout).toContain("would fix 2 speakers");
    expect(countMismatches(await listedSpeakers(store), tallyClaims(await db.dumpTable(table)))).toHaveLength(2);

    const first = await recount(table);
    expect(first.stdout).toContain(
      `fixed ${rutte}: was {"claimCount":99,"articleCount":3}, now {"claimCount":6,"articleCount":3}`,
    );
    expect(first.stdout).toContain("fixed nobody:");
    expect(first.stdout).toMatch(/fixed 2 speakers, 1 contributions written, 1 removed/);
    expect(countMismatches(await listedSpeakers(store), tallyClaims(await db.dumpTable(table)))).toEqual([]);
    expect((await listedSpeakers(store)).get(starmer)).toEqual({ claimCount: 6, articleCount: 3 });

    const second = await recount(table);
    expect(second.stdout).toContain("fixed 0 speakers, 0 contributions written, 0 removed");
  });

  it("re-indexes claims written under older key rules, so today's reads find them", async () => {
    const table = await db.newTable();
    const store = createDynamoClaimStore({ client: db.client, tableName: table });
    const ex = makeExtraction({ seed: "old-keys", claims: [{ speaker: "Radosław Sikorski" }, { speaker: null }] });
    await store.recordPending(pendingFor(ex, source("incoming/old-keys.txt")));
    await store.completeArticle(ex);
    // As an older release wrote the claim: its speaker keyed by case alone, under its whole name, no outlet key.
    const doc = DynamoDBDocumentClient.from(db.client);
    const [claim] = (await db.dumpTable(table)).filter((i) => i.type === "claim" && i.speakerKey);
    const { outletKey: _outlet, ...old } = claim!;
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { ...old, speakerKey: "radosław sikorski", gsi2pk: "SPEAKER#radosław sikorski" },
      }),
    );
    const found = async () => (await store.findClaims({ speaker: "Radoslaw Sikorski" }, { limit: 10 })).items;
    const byOutlet = async () => (await store.findClaims({ outlet: "test courier" }, { limit: 10 })).items;
    expect(await found()).toEqual([]);
    expect(await byOutlet()).toHaveLength(1);

    const first = await recount(table);
    expect(first.stdout).toMatch(/; 1 claims re-indexed/);
    expect((await found()).map((c) => c.id)).toEqual([ex.claims[0]!.id]);
    expect(await byOutlet()).toHaveLength(2);
    expect((await recount(table)).stdout).toMatch(/; 0 claims re-indexed/);
  });

  it("names the problem in one line when no local stack runs", async () => {
    const res = await run(process.execPath, ["scripts/recount.ts"], {
      env: { ...process.env, CLAIMTRACK_HOME: "/nonexistent-claimtrack-home" },
    }).catch((err: { stderr: string; code: number }) => err);
    expect(res).toMatchObject({ code: 1 });
    expect((res as { stderr: string }).stderr.trim().split("\n")).toEqual([
      "recount: no claimtrack stack is running with CLAIMTRACK_HOME=/nonexistent-claimtrack-home: run npm start",
    ]);
  });
});
