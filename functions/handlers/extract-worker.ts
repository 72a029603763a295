// The ingest function's extraction thread (started by functions/handlers/ingest.ts through thread-extractor.ts):
// the extractor, served to the handler's thread. Bundled beside the handler as extract-worker.mjs.
import { extract } from "../extraction/extract.ts";
import { serveExtractor } from "../ingest/serve-extractor.ts";

serveExtractor(extract);
