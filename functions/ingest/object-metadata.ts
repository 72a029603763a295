// Article metadata from an object's user metadata (x-amz-meta-title, -outlet, -url, -published-at), checked with
// the same rules as metadata submitted through the API. A malformed field is left out — the article is still
// read, and its own text may supply the field — and reported so the uploader can be told.
import { SubmittedMetadata } from "../schemas/api.ts";
import { type ArticleObjectMetadata, fromObjectMetadata } from "../shared/object-metadata.ts";

export interface CheckedMetadata {
  metadata: { title?: string; outlet?: string; url?: string; publishedAt?: string };
  /** `field: problem` for each field left out. */
  rejected: string[];
}

const FIELDS = ["title", "outlet", "url", "publishedAt"] as const satisfies (keyof ArticleObjectMetadata)[];

export function articleMetadataOf(objectMetadata: Record<string, string | undefined>): CheckedMetadata {
  const raw = fromObjectMetadata(objectMetadata);
  const out: CheckedMetadata = { metadata: {}, rejected: [] };
  for (const field of FIELDS) {
    const value = raw[field];
    if (!value) continue;
    const parsed = SubmittedMetadata.shape[field].safeParse(value);
    if (parsed.success && parsed.data) out.metadata[field] = parsed.data;
    else out.rejected.push(`${field}: ${parsed.error?.issues[0]?.message ?? "invalid"}`);
  }
  return out;
}
