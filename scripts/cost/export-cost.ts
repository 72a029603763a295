// What the export (claim files, and the fact files tracking writes) adds per article (measured from the ingest bundle's requests under export/), and the
// price of one Athena query that scans the whole table: Athena bills the bytes it reads from S3 — the gzipped
// files — at $5 per TB, at least 10 MB per query.
import { EXPORT_CLAIMS_PREFIX, EXPORT_FACTS_PREFIX, EXPORT_PREFIX } from "../../functions/export/export-layout.ts";
import type { RecordedRequest } from "../bundle/counting-proxy.ts";
import { PRICES } from "./prices.ts";

export const ATHENA_PRICE_PER_TB = 5;
const ATHENA_MIN_BYTES_PER_QUERY = 10 * 1024 ** 2;
const TB = 1024 ** 4;

export interface ExportMeasurement {
  articles: number;
  puts: number;
  gets: number;
  deletes: number;
  /** Bytes of the claim files as stored (gzipped JSON Lines). */
  claimFileBytes: number;
  /** Of the PUTs, those of fact files (one per fact item written). */
  factPuts: number;
  /** Bytes of the fact files written (gzipped JSON Lines; a fact rewritten as members join counts each time). */
  factFileBytes: number;
}

export function measureExport(requests: readonly RecordedRequest[], articles: number): ExportMeasurement {
  const under = (r: RecordedRequest) => decodeURIComponent(r.path).includes(`/${EXPORT_PREFIX}`);
  const exported = requests.filter(under);
  const putsUnder = (prefix: string) =>
    exported.filter((r) => r.method === "PUT" && decodeURIComponent(r.path).includes(`/${prefix}`));
  const claimPuts = putsUnder(EXPORT_CLAIMS_PREFIX);
  const factPuts = putsUnder(EXPORT_FACTS_PREFIX);
  return {
    articles,
    puts: exported.filter((r) => r.method === "PUT").length,
    gets: exported.filter((r) => r.method === "GET" || r.method === "HEAD").length,
    deletes: exported.filter((r) => r.method === "DELETE").length,
    claimFileBytes: claimPuts.reduce((n, r) => n + r.body.length, 0),
    factPuts: factPuts.length,
    factFileBytes: factPuts.reduce((n, r) => n + r.body.length, 0),
  };
}

export function exportCostNote(m: ExportMeasurement, scale = 1_000_000): string {
  const per = (n: number) => n / m.articles;
  const bytesPerArticle = per(m.claimFileBytes);
  const scanBytes = Math.max(ATHENA_MIN_BYTES_PER_QUERY, bytesPerArticle * scale);
  const putCost = ((per(m.puts) * scale) / 1000) * PRICES.s3.perThousandPuts;
  const getCost = ((per(m.gets) * scale) / 1000) * PRICES.s3.perThousandGets;
  const storage = ((bytesPerArticle * scale) / 1024 ** 3) * PRICES.s3.storagePerGbMonth;
  const usd = (n: number) => `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`;
  return [
    `Export, per article: ${per(m.puts).toFixed(1)} S3 PUT (${per(m.factPuts).toFixed(1)} of fact files), ${per(m.gets).toFixed(1)} GET, ${(bytesPerArticle / 1024).toFixed(2)} KB`,
    `of gzipped claim lines and ${(per(m.factFileBytes) / 1024).toFixed(2)} KB of fact lines written (${m.articles} articles measured). Per ${scale.toLocaleString("en-US")} articles: ${usd(putCost + getCost)} of`,
    `requests once, ${usd(storage)} a month of storage, and ${usd((scanBytes / TB) * ATHENA_PRICE_PER_TB)} for one Athena query`,
    `scanning the whole table (${(scanBytes / 1024 ** 3).toFixed(2)} GB at $${ATHENA_PRICE_PER_TB} per TB; a filter on \`published\` reads only those months).`,
  ].join("\n");
}
