// The facts export follows the fact items exactly: after every ingest (articles that share facts, a removal that
// dissolves one) the bucket holds one file per fact item of the table, with the bytes that item gives, and
// nothing else under export/facts/; the example queries join it with the claims in DuckDB. A run that dies after
// any single write (DynamoDB or S3) and is redelivered ends with exactly the files of a run that never failed.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { EXPORT_FACTS_PREFIX, exportFactKey } from "../../functions/export/export-layout.ts";
import { factExportFileOf } from "../../functions/export/fact-export.ts";
import { createS3FactExports } from "../../functions/export/fact-exports.ts";
import type { IngestHandler } from "../../functions/ingest/create-ingest-handler.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { factRecordOf } from "../../functions/store/fact-items.ts";
import { openClaimsDatabase } from "../../local/analytics/claims-database.ts";
import { syncExportMirror } from "../../local/analytics/export-mirror.ts";
import { parseNamedQueries } from "../../local/analytics/named-queries.ts";
import { exportKeys, objectBytes } from "../support/export-files.ts";
import { crashAfterWrites } from "../support/sdk-spy.ts";
import { trackingBytes, trackingSet } from "../support/tracking-set.ts";
import {
  BUCKET,
  encodeKey,
  FIXED_NOW,
  handlerWithStore,
  lambdaContext,
  type Notification,
  nextSequencer,
  notification,
  sqsEvent,
  sqsMessage,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();
const temp = mkdtempSync(join(tmpdir(), "claimtrack-fact-export-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const examples = parseNamedQueries(readFileSync(new URL("../../queries/examples.sql", import.meta.url), "utf8"));

const handlerOn = (dynamo: DynamoDBClient, s3: S3Client, tableName: string): IngestHandler =>
  handlerWithStore({
    s3,
    dynamo,
    tableName,
    idempotency: false,
    // One write at a time, so "dies after write n" names one point of the run.
    store: createDynamoClaimStore({
      client: dynamo,
      tableName,
      now: FIXED_NOW,
      concurrency: 1,
      factExports: createS3FactExports(s3, BUCKET),
    }),
  });

const deliver = async (tableName: string, n: Notification) => {
  const { db, s3 } = emulators();
  expect(await handlerOn(db.client, s3.client, tableName)(sqsEvent(sqsMessage(n)), lambdaContext())).toEqual({
    batchItemFailures: [],
  });
};

/** A third report of the library story: another budget figure, and a denial of the June start. */
const DISPUTE = new Uint8Array(
  readFileSync(new URL("../fixtures/tracking-conflict/f-library-dispute.txt", import.meta.url)),
);

async function upload(dir: string, prefix: string): Promise<Notification> {
  const body = prefix === "f-" ? DISPUTE : trackingBytes(prefix);
  const key = `incoming/${dir}/${prefix}.txt`;
  const res = await emulators().s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  return notification("s3-object-created-put.json", {
    key: encodeKey(key),
    size: body.length,
    eTag: res.ETag!.replaceAll('"', ""),
    sequencer: nextSequencer(),
  });
}

async function remove(dir: string, prefix: string): Promise<Notification> {
  const key = `incoming/${dir}/${prefix}.txt`;
  await emulators().s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  return notification("s3-object-removed-delete.json", { key: encodeKey(key), sequencer: nextSequencer() });
}

/** The fact files in the bucket: key → bytes (hex). */
async function factFiles(): Promise<Map<string, string>> {
  const { client } = emulators().s3;
  const keys = (await exportKeys(client, BUCKET)).filter((k) => k.startsWith(EXPORT_FACTS_PREFIX));
  const out = new Map<string, string>();
  for (const key of keys) out.set(key, Buffer.from(await objectBytes(client, BUCKET, key)).toString("hex"));
  return out;
}

/** Puts the fact files back as they were (the table is cloned the same way). */
async function restoreFactFiles(files: Map<string, string>): Promise<void> {
  const { client } = emulators().s3;
  for (const key of (await factFiles()).keys())
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  for (const [key, hex] of files)
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.from(hex, "hex") }));
}

const factItems = async (tableName: string) =>
  (await emulators().db.dumpTable(tableName)).filter((item) => item.type === "fact");

/** Exactly one file per fact item, holding what that item gives. */
async function expectFilesOfTable(tableName: string): Promise<void> {
  const expected = new Map(
    (await factItems(tableName)).map((item) => {
      const file = factExportFileOf(factRecordOf(item));
      return [file.key, Buffer.from(file.body).toString("hex")] as const;
    }),
  );
  expect(await factFiles()).toEqual(expected);
}

const prefixes = trackingSet.map((t) => t.file.slice(0, 2));

describe("the facts export", () => {
  it("holds every fact with all its members, joins the claims, and loses a dissolved fact", async () => {
    const { db, s3 } = emulators();
    await restoreFactFiles(new Map());
    const table = await db.newTable();
    for (const prefix of prefixes) await deliver(table, await upload("all", prefix));
    await expectFilesOfTable(table);
    const items = await factItems(table);
    expect(items.length).toBeGreaterThanOrEqual(4);

    // The council budget story (d-, e-): facts with a member in each article.
    const idOf = (prefix: string) => trackingSet.find((t) => t.file.startsWith(prefix))!.extraction.article.id;
    const [dId, eId] = [idOf("d-"), idOf("e-")];
    const shared = items.filter((i) => {
      const articles = new Set((i.members as { articleId: string }[]).map((m) => m.articleId));
      return articles.has(dId) && articles.has(eId) && articles.size === 2;
    });
    expect(shared.length).toBeGreaterThan(0);

    // DuckDB over the bucket's export, as npm run query reads it.
    const mirror = await syncExportMirror(s3.client, BUCKET, join(temp, "mirror"));
    const database = await openClaimsDatabase(mirror.root, mirror.factsRoot);
    try {
      const rows = (await database.query("SELECT fact_id, claim_id, article_id FROM facts ORDER BY claim_id")).rows;
      expect(rows).toHaveLength(items.reduce((n, i) => n + (i.members as unknown[]).length, 0));
      const sharedId = String(shared[0]!.id);
      expect(new Set(rows.filter((r) => r.fact_id === sharedId).map((r) => r.article_id))).toEqual(new Set([dId, eId]));
      // Every member is a claim of the claims table.
      const joined = await database.query(
        "SELECT count(*) AS n FROM facts f JOIN claims c ON c.claim_id = f.claim_id AND c.article_id = f.article_id",
      );
      expect(joined.rows).toEqual([{ n: rows.length }]);
      const run = async (name: string) => (await database.query(examples.find((q) => q.name === name)!.sql)).rows;
      const most = await run("facts-reported-by-most-outlets");
      expect(most.map((r) => r.fact_id).sort()).toEqual(items.map((i) => String(i.id)).sort());
      const top = most[0]!;
      expect(top.outlet_count as number).toBeGreaterThanOrEqual(most.at(-1)!.outlet_count as number);
      expect(most.find((r) => r.fact_id === sharedId)!.articles).toBe(2);
    } finally {
      database.close();
    }

    // e- removed: the facts it held with d- alone dissolve, their files go, nothing is left behind.
    await deliver(table, await remove("all", "e-"));
    await expectFilesOfTable(table);
    for (const item of shared) expect((await factFiles()).has(exportFactKey(String(item.id)))).toBe(false);

    // f- disputes the library story: its conflicts are on the fact files, and the example query lists them.
    await deliver(table, await upload("all", "f-"));
    await expectFilesOfTable(table);
    const after = await syncExportMirror(s3.client, BUCKET, join(temp, "mirror"));
    const disputed = await openClaimsDatabase(after.root, after.factsRoot);
    try {
      const conflicts = (await disputed.query(examples.find((q) => q.name === "conflicting-facts")!.sql)).rows;
      const stored = new Set(
        (await factItems(table)).flatMap((i) =>
          Object.values(i.rels as Record<string, { type: string; claims?: string[] }>)
            .filter((r) => r.type === "conflict")
            .map((r) => [...r.claims!].sort().join(" ")),
        ),
      );
      expect(stored.size).toBeGreaterThan(0);
      expect(new Set(conflicts.map((r) => [r.claim_id, r.other_claim_id].sort().join(" ")))).toEqual(stored);
      expect(conflicts).toHaveLength(stored.size);
    } finally {
      disputed.close();
    }
  }, 120_000);
});

interface Scenario {
  name: string;
  /** Ingests what must be there before; returns the event that is then delivered. */
  prepare(table: string): Promise<Notification>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "an article that joins and merges stored facts",
    async prepare(table) {
      await deliver(table, await upload("join", "a-"));
      await deliver(table, await upload("join", "c-"));
      return upload("join", "b-");
    },
  },
  {
    name: "a removal that splits and dissolves facts",
    async prepare(table) {
      for (const prefix of ["a-", "b-", "c-"]) await deliver(table, await upload("split", prefix));
      return remove("split", "b-");
    },
  },
];

describe.each(SCENARIOS)("$name, dying after every write (DynamoDB or S3) and redelivered", (scenario) => {
  it("ends with exactly the fact files of a run that never failed", { timeout: 300_000 }, async () => {
    const { db, s3 } = emulators();
    await restoreFactFiles(new Map());
    const start = await db.newTable();
    const event = await scenario.prepare(start);
    const before = await factFiles();

    const reference = await db.cloneTable(start);
    await deliver(reference, event);
    await expectFilesOfTable(reference);
    const expected = await factFiles();
    expect(expected).not.toEqual(before);

    let crashes = 0;
    for (let n = 0; ; n++) {
      const table = await db.cloneTable(start);
      await restoreFactFiles(before);
      const dynamo = db.newClient();
      const s3Client = s3.newClient();
      const crash = crashAfterWrites([dynamo, s3Client as never], n);
      const dying = await handlerOn(dynamo, s3Client, table)(sqsEvent(sqsMessage(event)), lambdaContext());
      dynamo.destroy();
      s3Client.destroy();
      if (!crash.crashed) {
        expect(dying).toEqual({ batchItemFailures: [] });
        expect(await factFiles()).toEqual(expected);
        break;
      }
      crashes++;
      expect(dying.batchItemFailures, `dying after write ${n}`).toHaveLength(1);
      await deliver(table, event);
      expect(await factFiles(), `after dying at write ${n + 1}`).toEqual(expected);
      await expectFilesOfTable(table);
    }
    console.info(`${scenario.name}: ${crashes} crash points`);
    expect(crashes).toBeGreaterThan(5);
  });
});
