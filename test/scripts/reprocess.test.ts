// `npm run reprocess` as a person runs it: against the running local stack (`npm start` in its own process), where
// it runs the stack's ingest handler itself, and as deployed, where it puts one re-run event per stored object on
// the ingest queue (an SQS stand-in speaking SQS's protocol) for the ingest function to take.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectEventOf } from "../../functions/ingest/object-events.ts";
import { REPROCESS_EVENT } from "../../functions/ingest/reprocess.ts";
import { IngestMessageBody } from "../../functions/schemas/s3-notification.ts";
import { createDynamoClaimStore } from "../../functions/store/dynamo-claim-store.ts";
import { ROOT } from "../e2e/support/articles.ts";
import { type StackProcess, startStack } from "../e2e/support/stack-process.ts";
import { startSqsStandIn } from "../support/sqs-stand-in.ts";

const run = promisify(execFile);

const ARTICLES = [
  "Bridge repairs start in March\n\nRepairs to the river bridge will start in March, the city's chief engineer " +
    "Lena Okafor said on Monday.\n\nThe work will close one lane for six weeks, she added.\n",
  "Library extends opening hours\n\nThe central library will open until 9 pm on weekdays from April, its " +
    "director Tomas Reyes said.\n\nReyes said the change would cost about 40,000 euros a year.\n",
];

describe("npm run reprocess", () => {
  const home = mkdtempSync(join(tmpdir(), "claimtrack-reprocess-"));
  let stack: StackProcess;
  const ids: string[] = [];

  const reprocess = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ["scripts/reprocess.ts", ...args], {
      cwd: ROOT,
      timeout: 120_000,
      env: { ...process.env, CLAIMTRACK_HOME: home, ...env },
    });
  const claimsOf = async (id: string) => {
    const res = await fetch(`${stack.endpoints.api}/articles/${id}/claims?limit=200`);
    return ((await res.json()) as { items: { id: string; text: string }[] }).items;
  };

  beforeAll(async () => {
    stack = await startStack(home, { CLAIMTRACK_SEEDS: "none" });
    for (const body of ARTICLES) {
      const res = await fetch(`${stack.endpoints.api}/articles`, {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body,
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const res = await fetch(`${stack.endpoints.api}/articles/${id}`);
        if (res.ok && ((await res.json()) as { status: string }).status === "PROCESSED") break;
        if (Date.now() > deadline) throw new Error(`article ${id} was not processed:\n${stack.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("locally: finds nothing an older engine made, then re-runs every object with --all", {
    timeout: 120_000,
  }, async () => {
    const before = await Promise.all(ids.map(claimsOf));
    const nothing = await reprocess([]);
    expect(nothing.stdout).toContain("2 articles read, 0 selected, 0 objects run again");

    const all = await reprocess(["--all"]);
    expect(all.stdout).toMatch(/reprocess: 2\/2 articles read, 2 objects redone/);
    expect(all.stdout).toContain("2 articles read, 2 selected, 2 objects run again");
    expect(all.stdout).toContain("reprocess: 2 redone with");
    expect(all.stdout).toContain("0 still to do");
    // The same engine again changes no claim, and a finished run leaves no position to resume from.
    expect(await Promise.all(ids.map(claimsOf))).toEqual(before);
    expect(existsSync(join(home, "reprocess.json"))).toBe(false);
  });

  it("deployed: puts one re-run event per stored object on the ingest queue", { timeout: 120_000 }, async () => {
    const queue = await startSqsStandIn();
    try {
      const { table, dynamodb, region } = stack.endpoints;
      const res = await reprocess(
        ["--all", "--no-wait", "--queue-url", queue.queueUrl, "--table", table, "--endpoint", dynamodb],
        { AWS_REGION: region, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", CLAIMTRACK_HOME: "" },
      );
      expect(res.stdout).toContain("2 selected, 2 objects enqueued");
      expect(queue.bodies).toHaveLength(2);

      const client = new DynamoDBClient({
        region,
        endpoint: dynamodb,
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      });
      const store = createDynamoClaimStore({ client, tableName: table });
      const expected = (await Promise.all(ids.map((id) => store.getArticle(id)))).flatMap((a) => a!.sources);
      const events = queue.bodies.map((body) => {
        const parsed = IngestMessageBody.parse(JSON.parse(body));
        if (!("Records" in parsed)) throw new Error("not a notification");
        return objectEventOf(parsed.Records[0]!);
      });
      expect(events.map((e) => e.action)).toEqual(["created", "created"]);
      expect(events.map((e) => e.eventName)).toEqual([REPROCESS_EVENT, REPROCESS_EVENT]);
      expect(events.map((e) => e.key).sort()).toEqual(expected.map((s) => s.key).sort());
      // Each carries the order of the event that recorded its object, so a later upload wins over the re-run.
      for (const e of events) {
        expect(e.sequencer).toBe((await store.findSourceRecord({ bucket: e.bucket, key: e.key }))!.sequencer);
      }
      client.destroy();
      expect(existsSync(join(ROOT, "reprocess-state.json"))).toBe(false);
    } finally {
      await queue.close();
    }
  });

  it("names the problem in one line", async () => {
    const noStack = await reprocess([], { CLAIMTRACK_HOME: "/nonexistent-claimtrack-home" }).catch(
      (err: { stderr: string; code: number }) => err,
    );
    expect(noStack).toMatchObject({ code: 1 });
    expect((noStack as { stderr: string }).stderr.trim().split("\n")).toEqual([
      "reprocess: no claimtrack stack is running with CLAIMTRACK_HOME=/nonexistent-claimtrack-home: run npm start",
    ]);
    const half = await reprocess(["--queue-url", "http://127.0.0.1:9/q"]).catch((err: { stderr: string }) => err);
    expect((half as { stderr: string }).stderr.trim()).toBe(
      "reprocess: --queue-url and --table go together (deployed)",
    );
  });
});
