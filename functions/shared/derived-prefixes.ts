// The bucket prefixes the system writes itself, beside the ingest prefix: objects created under them are not
// uploads, so neither the local stack's warning nor the deployed count of uploads outside the ingest prefix
// takes them for a misplaced article.
import { EXPORT_PREFIX } from "../export/export-layout.ts";
import { TEXT_PREFIX } from "./article-text-key.ts";

export const DERIVED_PREFIXES: readonly string[] = [TEXT_PREFIX, EXPORT_PREFIX];

/** An object the system derived from an article (its text, its claims export), not an upload. */
export const isDerivedKey = (key: string): boolean => DERIVED_PREFIXES.some((prefix) => key.startsWith(prefix));
