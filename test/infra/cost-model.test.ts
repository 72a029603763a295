// The cost arithmetic, checked against numbers worked out by hand from the price list.
import { describe, expect, it } from "vitest";
import { costFor, costTable, type Measurement, markdownTable, usd } from "../../scripts/cost/model.ts";

const MIB = 1024 ** 2;
const measurement: Measurement = {
  articles: 10,
  invocations: 1,
  handlerMs: 1000,
  memoryMb: 1024,
  s3: { puts: 10, gets: 10 },
  dynamodb: { writeUnits: 200, readUnits: 4, requests: 30, items: 150 },
  sqs: { requests: 12 },
  storedBytes: { s3: 10 * MIB, dynamodb: 2 * MIB },
};

describe("costFor", () => {
  const byService = (n: number) => Object.fromEntries(costFor(measurement, n).map((l) => [l.service, l]));

  it("prices Lambda by GB-seconds and invocations", () => {
    // 1,000 articles = 100 runs: 100 s at 1 GB and 100 invocations.
    expect(byService(1000).Lambda!.ingest).toBeCloseTo(100 * 0.0000133334 + 100 * 0.2e-6, 12);
  });

  it("prices DynamoDB by request units and storage with point-in-time recovery", () => {
    const line = byService(1000).DynamoDB!;
    expect(line.ingest).toBeCloseTo(20_000 * 0.625e-6 + 400 * 0.125e-6, 12);
    expect(line.perMonth).toBeCloseTo((200 / 1024) * (0.25 + 0.2), 12);
  });

  it("prices S3 requests by class and storage per month", () => {
    const line = byService(1000).S3!;
    expect(line.ingest).toBeCloseTo(1000 * 0.000005 + 1000 * 0.0000004, 12);
    expect(line.perMonth).toBeCloseTo((1000 / 1024) * 0.023, 12);
  });

  it("prices SQS per request", () => {
    expect(byService(1000).SQS!.ingest).toBeCloseTo(1200 * 0.4e-6, 12);
  });

  it("scales linearly with the article count", () => {
    const small = costFor(measurement, 1000);
    const large = costFor(measurement, 1_000_000);
    small.forEach((line, i) => {
      expect(large[i]!.ingest).toBeCloseTo(line.ingest * 1000, 9);
      expect(large[i]!.perMonth).toBeCloseTo(line.perMonth * 1000, 9);
    });
  });

  it("refuses an empty measurement", () => {
    expect(() => costFor({ ...measurement, articles: 0 }, 1000)).toThrow(/at least one article/);
  });
});

describe("costTable", () => {
  it("has a total row per article count that adds up its lines", () => {
    const table = costTable(measurement, [1000, 1_000_000]);
    const totals = table.split("\n").filter((row) => row.includes("**total**"));
    expect(totals).toHaveLength(2);
    const ingest = costFor(measurement, 1000).reduce((sum, l) => sum + l.ingest, 0);
    expect(totals[0]).toContain(`**${usd(ingest)}**`);
    expect(table).toMatch(/\| 1,000,000 \| Lambda +\|/);
  });
});

describe("markdownTable", () => {
  it("pads and aligns columns the way the formatter does", () => {
    expect(markdownTable(["n", "name"], "rl", [["1,000", "S3"]])).toBe(
      ["|     n | name |", "| ----: | ---- |", "| 1,000 | S3   |"].join("\n"),
    );
  });
});
