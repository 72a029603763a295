// Export files made from the seed articles by the extractor and the export's own writer, laid out as the bucket
// lays them out under export/claims/ — for the query tests and the benchmark's checks.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type ExportFile, exportFileOf } from "../../functions/export/claim-export.ts";
import { EXPORT_CLAIMS_PREFIX } from "../../functions/export/export-layout.ts";
import { extract } from "../../functions/extraction/extract.ts";

const SEEDS = new URL("../../seeds/", import.meta.url);

export function seedExportFiles(): ExportFile[] {
  return readdirSync(SEEDS).map((name) => {
    const { article, claims } = extract(
      { bytes: readFileSync(new URL(name, SEEDS)), fileName: name },
      { maxBytes: 5e6 },
    );
    return exportFileOf({ id: article.id, version: 1, metadata: article }, claims);
  });
}

/** Writes the files under `root` as they sit under export/claims/ (root holds the published=… folders). */
export function writeExportFiles(root: string, files: readonly ExportFile[]): void {
  for (const file of files) {
    const path = join(root, file.key.slice(EXPORT_CLAIMS_PREFIX.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.body);
  }
}
