// An extraction thread whose extractor is deliberately slow on some inputs: a file containing the word STALL
// runs an exponentially backtracking regex (as the time bombs found in the readers did) before extracting; the
// rest are extracted as usual. Stopping it proves termination reaches a thread stuck inside the regex engine.
import { extract } from "../../../functions/extraction/extract.ts";
import { serveExtractor } from "../../../functions/ingest/serve-extractor.ts";

const EXPONENTIAL = /^(a+)+$/;

serveExtractor((input, options) => {
  if (new TextDecoder().decode(input.bytes).includes("STALL")) EXPONENTIAL.test(`${"a".repeat(40)}!`);
  return extract(input, options);
});
