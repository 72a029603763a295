// The extractor the scorer judges: the project's own, called in-process on the file's bytes, its result passed
// through JSON as `npm run extract -- FILE` prints it (so the scorer sees exactly what the command would print).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { extract } from "../../functions/extraction/extract.ts";
import type { Predicted, PredictedArticle } from "./judge.ts";

export interface ExtractorOutput {
  article?: PredictedArticle;
  claims?: Predicted[];
}

/** Extracts one article file; throws (as the command fails) when the article is refused. */
export type Extractor = (path: string) => ExtractorOutput;

export const extractFile: Extractor = (path) => {
  const result = extract({ bytes: readFileSync(path), fileName: basename(path) });
  return JSON.parse(JSON.stringify(result)) as ExtractorOutput;
};
