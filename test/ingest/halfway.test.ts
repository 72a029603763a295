// Processing that stops half-way and runs again. For every write the pipeline makes (idempotency records and
// store writes alike), a run whose DynamoDB dies right after that write — as a Lambda does at its timeout — is
// reported for retry, and the redelivery leaves exactly the table a run without failure leaves: one article,
// exactly its claims, speaker counts applied once.

import { readFileSync } from "node:fs";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import type { SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import type { IngestHandler } from "../../functions/ingest/create-ingest-handler.ts";
import { IDEMPOTENCY_PK } from "../../functions/ingest/idempotency.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { crashAfterWrites } from "../support/sdk-spy.ts";
import { trackingBytes } from "../support/tracking-set.ts";
import {
  BUCKET,
  encodeKey,
  FIXED_NOW,
  handlerWithStore,
  lambdaContext,
  type Notification,
  nextSequencer,
  notification,
  seed,
  sqsEvent,
  sqsMessage,
  useEmulators,
} from "./harness.ts";

const emulators = useEmulators();

const handlerOn = (client: DynamoDBClient, tableName: string): IngestHandler =>
  handlerWithStore({
    s3: emulators().s3.client,
    dynamo: client,
    tableName,
    // One write at a time, so "dies after write n" names one point of the run.
    store: createDynamoClaimStore({ client, tableName, now: FIXED_NOW, concurrency: 1 }),
  });

/** The table without idempotency records and without what only counts writes (tokens, versions). */
async function snapshot(tableName: string) {
  return (await emulators().db.dumpTable(tableName))
    .filter((item) => item.pk !== IDEMPOTENCY_PK)
    .map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => k !== "token" && k !== "version")))
    .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

async function put(key: string, body: Uint8Array): Promise<Notification> {
  const res = await emulators().s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  return notification("s3-object-created-put.json", {
    key: encodeKey(key),
    size: body.length,
    eTag: res.ETag!.replaceAll('"', ""),
    sequencer: nextSequencer(),
  });
}

const text = (s: string) => new TextEncoder().encode(s);
const versionFixture = (name: string) => readFileSync(new URL(`../fixtures/versions/${name}`, import.meta.url));
/** Small articles (two speakers, a few claims) keep the number of crash points — and the test's time — down. */
const BUDGET = text(
  "Council backs budget\n\nThe city council approved a new budget on Tuesday, Mayor Jane Doe said.\n\n" +
    '"We will hire 200 new teachers next year," Doe told reporters.\n\n' +
    "The opposition will vote against it, councillor Max Roe said on Wednesday.\n",
);
const HARBOUR = text(
  "Harbour to reopen\n\nThe harbour will reopen to ferries on Monday, the port authority said.\n\n" +
    '"Repairs to the north pier are finished," harbour master Ana Lima told reporters.\n',
);

interface Scenario {
  name: string;
  /** Puts objects and ingests what must be there before; returns the event that is then delivered. */
  prepare(ingest: (n: Notification) => Promise<void>): Promise<Notification>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "an article that joins stored facts",
    async prepare(ingest) {
      // Two articles of one story are in; the third restates, re-counts and reschedules what they said.
      await ingest(await put("incoming/halfway/a.txt", trackingBytes("a-")));
      await ingest(await put("incoming/halfway/c.txt", trackingBytes("c-")));
      return put("incoming/halfway/b.txt", trackingBytes("b-"));
    },
  },
  {
    name: "a new article",
    prepare: () => put("incoming/halfway/new.txt", seed("up-2025-07-07-coalition-rome.txt")),
  },
  {
    name: "a key overwritten with new content",
    async prepare(ingest) {
      await ingest(await put("incoming/halfway/overwritten.txt", BUDGET));
      return put("incoming/halfway/overwritten.txt", HARBOUR);
    },
  },
  {
    name: "a key's next version whose claims changed (history and change list)",
    async prepare(ingest) {
      await ingest(await put("incoming/halfway/budget.txt", versionFixture("budget-v1.txt")));
      return put("incoming/halfway/budget.txt", versionFixture("budget-v2.txt"));
    },
  },
  {
    name: "an object with an earlier version removed (its history goes too)",
    async prepare(ingest) {
      await ingest(await put("incoming/halfway/story.txt", BUDGET));
      await ingest(await put("incoming/halfway/story.txt", HARBOUR));
      await emulators().s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "incoming/halfway/story.txt" }));
      return notification("s3-object-removed-delete.json", {
        key: encodeKey("incoming/halfway/story.txt"),
        sequencer: nextSequencer(),
      });
    },
  },
  {
    name: "a bad file (FAILED)",
    prepare: () => put("incoming/halfway/empty.txt", new Uint8Array(0)),
  },
  {
    name: "an object removed",
    async prepare(ingest) {
      await ingest(await put("incoming/halfway/removed.txt", BUDGET));
      await emulators().s3.client.send(
        new DeleteObjectCommand({ Bucket: BUCKET, Key: "incoming/halfway/removed.txt" }),
      );
      return notification("s3-object-removed-delete.json", {
        key: encodeKey("incoming/halfway/removed.txt"),
        sequencer: nextSequencer(),
      });
    },
  },
];

describe.each(SCENARIOS)("$name, dying after every write and redelivered", (scenario) => {
  it("ends in exactly the table of a run that never failed", { timeout: 120_000 }, async () => {
    const { db } = emulators();
    const start = await db.newTable();
    const event: SQSEvent = sqsEvent(
      sqsMessage(
        await scenario.prepare(async (n) => {
          expect(await handlerOn(db.client, start)(sqsEvent(sqsMessage(n)), lambdaContext())).toEqual({
            batchItemFailures: [],
          });
        }),
      ),
    );

    const reference = await db.cloneTable(start);
    expect(await handlerOn(db.client, reference)(event, lambdaContext())).toEqual({ batchItemFailures: [] });
    const expected = await snapshot(reference);

    let crashes = 0;
    for (let n = 0; ; n++) {
      const table = await db.cloneTable(start);
      const client = db.newClient();
      const crash = crashAfterWrites(client, n);
      // The invocation's deadline is now: like a Lambda killed at its timeout, its in-progress idempotency
      // record stops blocking the redelivery at once.
      const dying = await handlerOn(client, table)(event, lambdaContext(1));
      client.destroy();
      if (!crash.crashed) {
        expect(dying).toEqual({ batchItemFailures: [] });
        expect(await snapshot(table)).toEqual(expected);
        break;
      }
      crashes++;
      expect(dying.batchItemFailures, `dying after write ${n}`).toEqual([
        { itemIdentifier: event.Records[0]!.messageId },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const redelivered = await handlerOn(db.client, table)(event, lambdaContext());
      expect(redelivered, `redelivered after dying at write ${n + 1}`).toEqual({ batchItemFailures: [] });
      expect(await snapshot(table), `after dying at write ${n + 1}`).toEqual(expected);
    }
    console.info(`${scenario.name}: ${crashes} crash points`);
    expect(crashes).toBeGreaterThan(2);
  });
});
