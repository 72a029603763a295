// The extractor's version, stored on every article it processes, so `npm run reprocess` can re-extract exactly
// the articles an older engine read. A constant rather than a hash of the engine's sources: it is the same in
// the CLI, the local stack and the Lambda bundle (which carries no sources to hash) with no build step, and it
// changes only when the output does — a refactor, a comment or a reformat never sends an archive of millions of
// articles through re-extraction. Bump it (the date of the change, a `.n` suffix for a second change that day)
// with every change that alters any article's metadata or claims; versions compare as strings.
export const EXTRACTOR_VERSION = "2026.12.04.6";
