// The one use case the handler calls per S3 event: created objects are ingested, removed ones remove their
// article's source, and events about anything outside the ingest prefix are left alone.
import { type IngestDeps, type IngestOutcome, ignored } from "./deps.ts";
import { ingestObject } from "./ingest-object.ts";
import { isIngestObject, type ObjectEvent } from "./object-events.ts";
import { removeObject } from "./remove-object.ts";

export async function handleObjectEvent(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  if (!isIngestObject(event, deps.bucket, deps.ingestPrefix)) {
    return ignored(`not an article: outside s3://${deps.bucket}/${deps.ingestPrefix} or a folder marker`);
  }
  switch (event.action) {
    case "created":
      return ingestObject(deps, event);
    case "removed":
      return removeObject(deps, event);
    default:
      return ignored(`${event.eventName} events are not handled`);
  }
}
