// The pipeline tracks facts: the tracking set uploaded to S3 and ingested through the handler in shuffled
// orders gives the same facts every time; an object removed from the bucket takes its claims out of them.
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { shuffled, trackingBytes, trackingSet } from "../support/tracking-set.ts";
import {
  BUCKET,
  encodeKey,
  FIXED_NOW,
  handlerWithStore,
  lambdaContext,
  nextSequencer,
  notification,
  sqsEvent,
  sqsMessage,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();

function handlerFor(tableName: string) {
  const { db, s3 } = emulators();
  return handlerWithStore({
    s3: s3.client,
    dynamo: db.client,
    tableName,
    store: createDynamoClaimStore({ client: db.client, tableName, now: FIXED_NOW }),
  });
}

async function upload(tableName: string, dir: string, file: string) {
  const body = trackingBytes(file.slice(0, 2));
  const key = `incoming/${dir}/${file}`;
  const res = await emulators().s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const n = notification("s3-object-created-put.json", {
    key: encodeKey(key),
    size: body.length,
    eTag: res.ETag!.replaceAll('"', ""),
    sequencer: nextSequencer(),
  });
  expect(await handlerFor(tableName)(sqsEvent(sqsMessage(n)), lambdaContext())).toEqual({ batchItemFailures: [] });
}

async function facts(tableName: string) {
  return (await emulators().db.dumpTable(tableName))
    .filter((i) => i.type === "fact")
    .map((f) => `${f.id}: ${(f.members as { claimId: string }[]).map((m) => m.claimId).join(" ")}`)
    .sort();
}

describe("ingest links each completed article to the stored facts", () => {
  it("gives the same facts whatever order the articles arrive in", { timeout: 120_000 }, async () => {
    const { db } = emulators();
    const files = trackingSet.map((t) => t.file);
    const reference = await db.newTable();
    for (const f of files) await upload(reference, "in-order", f);
    const expected = await facts(reference);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    for (const seed of [5, 17]) {
      const table = await db.newTable();
      for (const f of shuffled(files, seed)) await upload(table, `order-${seed}`, f);
      expect(await facts(table), `order ${seed}`).toEqual(expected);
    }
  });

  it("takes a removed object's claims out of their facts", { timeout: 60_000 }, async () => {
    const { db, s3 } = emulators();
    const table = await db.newTable();
    for (const t of trackingSet) await upload(table, "removal", t.file);
    const gone = trackingSet.find((t) => t.file.startsWith("e-"))!;
    const key = `incoming/removal/${gone.file}`;
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    const removed = notification("s3-object-removed-delete.json", { key: encodeKey(key), sequencer: nextSequencer() });
    expect(await handlerFor(table)(sqsEvent(sqsMessage(removed)), lambdaContext())).toEqual({ batchItemFailures: [] });
    const left = await facts(table);
    expect(left.join("\n")).not.toContain(gone.extraction.article.id);
    expect(left.length).toBeGreaterThanOrEqual(3);
  });
});
