// Turns measured per-article numbers (handler time, requests, bytes written) into dollars for N articles.
// Pure arithmetic over a Measurement and the PRICES: no AWS, no I/O, so it is unit-tested on its own.
import { PRICES, type Prices } from "./prices.ts";

/** What one measurement run of the ingest pipeline observed, totalled over `articles` articles. */
export interface Measurement {
  articles: number;
  /** Handler invocations (SQS batches) it took. */
  invocations: number;
  /** Summed handler wall time over all invocations, milliseconds, measured warm. */
  handlerMs: number;
  /** The ingest function's configured memory. */
  memoryMb: number;
  /** S3 requests: the uploads themselves and the ingest function's reads. */
  s3: { puts: number; gets: number };
  /** DynamoDB request units consumed by the writes and reads the handler sent. */
  dynamodb: { writeUnits: number; readUnits: number; requests: number; items: number };
  /** SQS requests: S3's SendMessage per upload plus the poller's receive and delete per batch. */
  sqs: { requests: number };
  /** Bytes at rest after ingestion: the article objects, and the table (with index copies). */
  storedBytes: { s3: number; dynamodb: number };
}

export interface CostLine {
  service: "Lambda" | "DynamoDB" | "S3" | "SQS";
  /** One-off cost of ingesting the articles. */
  ingest: number;
  /** What the stored result then costs per month. */
  perMonth: number;
  basis: string;
}

const GB = 1024 ** 3;

/** The cost of ingesting `articles` articles at the measured per-article rates. */
export function costFor(m: Measurement, articles: number, prices: Prices = PRICES): CostLine[] {
  if (m.articles <= 0) throw new Error("a measurement needs at least one article");
  const scale = articles / m.articles;
  const gbSeconds = (m.handlerMs / 1000) * (m.memoryMb / 1024) * scale;
  const invocations = m.invocations * scale;
  const dynamoGb = (m.storedBytes.dynamodb * scale) / GB;
  const s3Gb = (m.storedBytes.s3 * scale) / GB;
  return [
    {
      service: "Lambda",
      ingest: gbSeconds * prices.lambda.perGbSecondArm + (invocations / 1e6) * prices.lambda.perMillionRequests,
      perMonth: 0,
      basis: `${fmt(gbSeconds)} GB-s, ${fmt(invocations)} invocations`,
    },
    {
      service: "DynamoDB",
      ingest:
        ((m.dynamodb.writeUnits * scale) / 1e6) * prices.dynamodb.perMillionWriteUnits +
        ((m.dynamodb.readUnits * scale) / 1e6) * prices.dynamodb.perMillionReadUnits,
      perMonth: dynamoGb * (prices.dynamodb.storagePerGbMonth + prices.dynamodb.pointInTimeRecoveryPerGbMonth),
      basis: `${fmt(m.dynamodb.writeUnits * scale)} WRU, ${fmt(m.dynamodb.readUnits * scale)} RRU, ${fmtBytes(dynamoGb * GB)} stored`,
    },
    {
      service: "S3",
      ingest:
        ((m.s3.puts * scale) / 1000) * prices.s3.perThousandPuts +
        ((m.s3.gets * scale) / 1000) * prices.s3.perThousandGets,
      perMonth: s3Gb * prices.s3.storagePerGbMonth,
      basis: `${fmt(m.s3.puts * scale)} PUT, ${fmt(m.s3.gets * scale)} GET, ${fmtBytes(s3Gb * GB)} stored`,
    },
    {
      service: "SQS",
      ingest: ((m.sqs.requests * scale) / 1e6) * prices.sqs.perMillionRequests,
      perMonth: 0,
      basis: `${fmt(m.sqs.requests * scale)} requests`,
    },
  ];
}

/** A Markdown table of the costs for each article count. */
export function costTable(m: Measurement, counts: number[], prices: Prices = PRICES): string {
  const rows: string[][] = [];
  for (const n of counts) {
    const lines = costFor(m, n, prices);
    for (const line of lines) {
      rows.push([n.toLocaleString("en-US"), line.service, usd(line.ingest), usd(line.perMonth), line.basis]);
    }
    const ingest = lines.reduce((sum, l) => sum + l.ingest, 0);
    const month = lines.reduce((sum, l) => sum + l.perMonth, 0);
    rows.push([n.toLocaleString("en-US"), "**total**", `**${usd(ingest)}**`, `**${usd(month)}**`, ""]);
  }
  return markdownTable(["articles", "service", "ingest (one-off)", "storage per month", "basis"], "rlrrl", rows);
}

/** A Markdown table laid out the way the repository's formatter (biome) lays it out: padded, aligned columns. */
export function markdownTable(header: string[], align: string, rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) => (align[i] === "r" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function usd(amount: number): string {
  if (amount === 0) return "$0";
  if (amount < 0.01) return `$${amount.toPrecision(2)}`;
  return `$${amount.toFixed(2)}`;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : Number(n.toPrecision(3)).toString();
}

function fmtBytes(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
