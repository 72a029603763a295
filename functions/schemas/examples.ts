// Example values for the OpenAPI document, attached to their schemas with `.meta({ examples })` where the schemas
// are defined. One small invented article runs through all of them, so ids, offsets and counts agree with each
// other. They are not typed with the records' types (those are inferred from the schemas that carry these
// examples, which would be circular): test/api/openapi-document.test.ts parses every example with its schema.

const ARTICLE_ID = "4f1c0a9e2b7d36e58a10";
const CONTENT_HASH = `${ARTICLE_ID}c3d94b7e02f61a5d8e4b3c2a1f0e9d8c7b6a5f4e3d2c`;

/** The article's text: what `GET /articles/{id}/text` serves and the evidence offsets index. */
export const EXAMPLE_TEXT =
  "Harbour council backs new ferry route\n\n" +
  "The first crossing will run in May, council leader Ana Ribeiro told reporters on Tuesday.";

const QUOTE = "The first crossing will run in May";

export const EXAMPLE_CLAIM = {
  id: `${ARTICLE_ID}-c0000`,
  ordinal: 0,
  text: "The first crossing of the new ferry route will run in May",
  evidence: { quote: QUOTE, start: EXAMPLE_TEXT.indexOf(QUOTE), end: EXAMPLE_TEXT.indexOf(QUOTE) + QUOTE.length },
  attribution: {
    speaker: "Ana Ribeiro",
    speakerType: "person",
    cue: "told",
    kind: "statement",
    via: [],
    reportedBy: null,
    anonymous: false,
  },
  certainty: "certain",
  polarity: "positive",
  time: { text: "in May", start: "2025-05-01", end: "2025-05-31" },
  entities: [{ name: "Ana Ribeiro", type: "person" }],
  articleId: ARTICLE_ID,
  publishedAt: "2025-03-04T09:00:00+01:00",
};

export const EXAMPLE_ARTICLE = {
  id: ARTICLE_ID,
  contentHash: CONTENT_HASH,
  metadata: {
    title: "Harbour council backs new ferry route",
    publishedAt: "2025-03-04T09:00:00+01:00",
    authors: [],
    outlet: "The Coastal Herald",
    url: "https://herald.example.org/ferry-route",
    format: "text",
  },
  status: "PROCESSED",
  failureReason: null,
  claimCount: 1,
  receivedAt: "2025-03-04T08:05:12.345Z",
  updatedAt: "2025-03-04T08:05:13.020Z",
  processedAt: "2025-03-04T08:05:13.020Z",
  version: 2,
  // A version string as functions/extraction/version.ts writes it (not imported: the API bundle holds no extractor code).
  extractorVersion: "2026.12.03",
  sources: [{ bucket: "claimtrack-articles", key: "incoming/ferry-route.txt" }],
};

const { sources: _sources, ...EXAMPLE_SUMMARY } = EXAMPLE_ARTICLE;

export { EXAMPLE_SUMMARY };

export const EXAMPLE_SPEAKER = {
  name: "Ana Ribeiro",
  aliases: ["Ana Ribeiro", "ANA RIBEIRO"],
  claimCount: 1,
  articleCount: 1,
};

/** A `nextCursor` as the store hands it out (opaque to clients). */
export const EXAMPLE_CURSOR = "eyJwayI6IkFSVElDTEUjNGYxYzBhOWUyYjdkMzZlNThhMTAifQ";

export const EXAMPLE_UPLOAD = {
  url: "https://claimtrack-articles.s3.eu-west-1.amazonaws.com/incoming/uploads/0b6f3c1e/ferry-route.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900",
  method: "PUT",
  headers: { "content-type": "text/plain", "content-length": "5120", "x-amz-meta-title": "Ferry route" },
  source: { bucket: "claimtrack-articles", key: "incoming/uploads/0b6f3c1e/ferry-route.txt" },
  expiresAt: "2025-03-04T08:20:00.000Z",
};
