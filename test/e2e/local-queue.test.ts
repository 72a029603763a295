// The local ingest queue and its consumer behave like SQS and Lambda's SQS event source: batches, invisibility
// while in flight, redelivery of what failed (and only that), the dead-letter list after three deliveries, whole
// batches retried when the function throws or answers nonsense, and a journal that survives a crash. The
// handler here is a plain function recording what it was given; the queue code under test is the real one.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { fileJournal, replayJournal } from "../../local/queue/journal.ts";
import { createLocalQueue, type DeadLetter, type LocalQueue } from "../../local/queue/local-queue.ts";
import { createQueueConsumer, type QueueConsumer } from "../../local/queue/queue-consumer.ts";

type Behaviour = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

const dirs: string[] = [];
const consumers: QueueConsumer[] = [];
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function harness(behaviour: Behaviour, options: { visibilityTimeoutMs?: number; batchSize?: number } = {}) {
  const deliveries: { body: string; receiveCount: number; batch: number }[] = [];
  const deadLetters: DeadLetter[] = [];
  const warnings: string[] = [];
  let batches = 0;
  const queue = createLocalQueue({
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? 30,
    maxReceiveCount: 3,
    deadLetter: (m) => deadLetters.push(m),
  });
  const consumer = createQueueConsumer({
    queue,
    queueName: "q",
    functionName: "f",
    handler: async (event) => {
      const batch = ++batches;
      for (const r of event.Records) {
        deliveries.push({ body: r.body, receiveCount: Number(r.attributes.ApproximateReceiveCount), batch });
      }
      return behaviour(event);
    },
    batchSize: options.batchSize ?? 10,
    batchWindowMs: 20,
    maxConcurrency: 2,
    timeoutMs: 5_000,
    warn: (line) => warnings.push(line),
  });
  consumers.push(consumer);
  return { queue, consumer, deliveries, deadLetters, warnings, batchCount: () => batches };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const drained = (queue: LocalQueue) => () => queue.counts().total === 0;
const failing = (event: SQSEvent, bodies: (body: string) => boolean): SQSBatchResponse => ({
  batchItemFailures: event.Records.filter((r) => bodies(r.body)).map((r) => ({ itemIdentifier: r.messageId })),
});

describe("local ingest queue", () => {
  it("delivers every message once, in batches of at most the batch size, and deletes what succeeded", async () => {
    const h = harness(async () => ({ batchItemFailures: [] }));
    for (let i = 0; i < 25; i++) h.queue.send(`m${i}`);
    h.consumer.start();
    await until(drained(h.queue), "the queue to drain");
    expect(h.deliveries.map((d) => d.body).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`).sort());
    expect(h.deliveries.every((d) => d.receiveCount === 1)).toBe(true);
    const sizes = new Map<number, number>();
    for (const d of h.deliveries) sizes.set(d.batch, (sizes.get(d.batch) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(10);
    expect(sizes.size).toBeGreaterThanOrEqual(3);
    expect(h.deadLetters).toEqual([]);
  });

  it("redelivers only the messages a batch reported as failed, counting deliveries", async () => {
    let failedOnce = false;
    const h = harness(async (event) =>
      failing(event, (body) => {
        if (body !== "flaky" || failedOnce) return false;
        failedOnce = true;
        return true;
      }),
    );
    for (const body of ["a", "flaky", "b"]) h.queue.send(body);
    h.consumer.start();
    await until(drained(h.queue), "the queue to drain");
    expect(h.deliveries.filter((d) => d.body === "flaky").map((d) => d.receiveCount)).toEqual([1, 2]);
    expect(h.deliveries.filter((d) => d.body !== "flaky").map((d) => d.receiveCount)).toEqual([1, 1]);
    expect(h.warnings.some((w) => w.includes("failed, will be retried"))).toBe(true);
  });

  it("moves a message that fails three deliveries to the dead-letter list, with why, and keeps the rest", async () => {
    const body = JSON.stringify({ Records: [{ s3: { bucket: { name: "b" }, object: { key: "incoming/bad.txt" } } }] });
    const h = harness(async (event) => failing(event, (b) => b === body));
    h.queue.send(body);
    h.queue.send("fine");
    h.consumer.start();
    await until(() => h.deadLetters.length === 1 && drained(h.queue)(), "the dead letter");
    expect(h.deliveries.filter((d) => d.body === body).map((d) => d.receiveCount)).toEqual([1, 2, 3]);
    expect(h.deadLetters[0]).toMatchObject({ body, receiveCount: 3 });
    expect(h.deadLetters[0]!.lastError).toMatch(/reported it failed on delivery 3/);
    expect(h.warnings.some((w) => w.includes("incoming/bad.txt"))).toBe(true);
    expect(h.deliveries.filter((d) => d.body === "fine")).toHaveLength(1);
  });

  it("retries the whole batch when the function throws, and records the error", async () => {
    let calls = 0;
    const h = harness(async () => {
      if (++calls === 1) throw new Error("DynamoDB is unreachable");
      return { batchItemFailures: [] };
    });
    for (const body of ["x", "y"]) h.queue.send(body);
    h.consumer.start();
    await until(drained(h.queue), "the queue to drain");
    expect(h.deliveries.map((d) => `${d.body}${d.receiveCount}`).sort()).toEqual(["x1", "x2", "y1", "y2"]);
    expect(h.warnings.join("\n")).toMatch(/DynamoDB is unreachable/);
  });

  it("retries the whole batch when batchItemFailures names a message that was not in it", async () => {
    let calls = 0;
    const h = harness(async () => (++calls === 1 ? { batchItemFailures: [{ itemIdentifier: "nope" }] } : undefined));
    h.queue.send("z");
    h.consumer.start();
    await until(drained(h.queue), "the queue to drain");
    expect(h.deliveries.map((d) => d.receiveCount)).toEqual([1, 2]);
  });

  it("keeps a message invisible while its delivery is in flight", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = harness(
      async () => {
        await held;
        return { batchItemFailures: [] };
      },
      { visibilityTimeoutMs: 60_000 },
    );
    h.queue.send("slow");
    h.consumer.start();
    await until(() => h.deliveries.length === 1, "the first delivery");
    expect(h.queue.receive(10)).toEqual([]);
    expect(h.queue.counts()).toEqual({ total: 1, inFlight: 1, visible: 0 });
    // stop() waits for the delivery in flight, whose success still deletes the message.
    const stopped = h.consumer.stop();
    release();
    await stopped;
    expect(h.queue.counts().total).toBe(0);
  });

  it("journals every message so a restarted queue has what was accepted and not finished", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-queue-"));
    dirs.push(dir);
    const path = join(dir, "ingest.jsonl");
    let clock = 1_000_000;
    const open = () =>
      createLocalQueue({
        visibilityTimeoutMs: 60_000,
        maxReceiveCount: 3,
        deadLetter: () => {},
        journal: fileJournal(path),
        initial: replayJournal(path),
        now: () => clock,
      });
    const first = open();
    for (const body of ["one", "two", "three"]) first.send(body);
    const [inFlight] = first.receive(1);
    first.fail(inFlight!.messageId, "boom");
    const [done] = first.receive(1);
    first.delete(done!.messageId, done!.receiptHandle);
    // The process dies here: "one" was in flight, "two" finished, "three" never delivered.

    clock += 5_000;
    const second = open();
    // "one" stays invisible until its visibility timeout from the delivery that died, as in SQS.
    expect(second.counts()).toEqual({ total: 2, inFlight: 1, visible: 1 });
    const again = second.receive(10);
    expect(second.nextVisibleInMs()).toBe(55_000);
    clock += 55_000;
    again.push(...second.receive(10));
    expect(again.map((m) => [m.body, m.receiveCount, m.lastError])).toEqual([
      ["three", 1, null],
      ["one", 2, "boom"],
    ]);
    for (const m of again) second.delete(m.messageId, m.receiptHandle);
    expect(second.counts().total).toBe(0);
    // An empty queue leaves an empty journal, not a history.
    expect(readFileSync(path, "utf8")).toBe("");
    expect(replayJournal(path)).toEqual([]);
  });

  it("ignores a torn last journal line (a crash mid-write)", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrack-queue-"));
    dirs.push(dir);
    const path = join(dir, "ingest.jsonl");
    const journal = fileJournal(path);
    const message = { messageId: "m1", body: "b", sentAt: 1, receiveCount: 0, firstReceivedAt: 0, lastError: null };
    journal.append({ op: "send", message });
    appendFileSync(path, '{"op":"send","message":{"messageId":"m2","bo');
    expect(replayJournal(path)).toEqual([message]);
  });

  it("ignores a stale receipt handle: a message delivered again is deleted only by its latest delivery", () => {
    const queue = createLocalQueue({ visibilityTimeoutMs: 0, maxReceiveCount: 5, deadLetter: () => {} });
    queue.send("m");
    const [first] = queue.receive(1);
    const [second] = queue.receive(1);
    queue.delete(first!.messageId, first!.receiptHandle);
    expect(queue.counts().total).toBe(1);
    queue.delete(second!.messageId, second!.receiptHandle);
    expect(queue.counts().total).toBe(0);
  });
});
