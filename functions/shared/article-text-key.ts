// Where an article's plain text is kept in the bucket: the text every claim's evidence offsets index, written by
// the ingest pipeline when the article is processed and read by `GET /articles/{id}/text`. Outside the ingest
// prefix, so writing it never notifies the pipeline.

/** The bucket prefix of the derived texts (env.ts keeps it apart from the ingest prefix). */
export const TEXT_PREFIX = "text/";

/** `text/<article id>.txt`: the id is the content's hash, so one article has one key whatever its sources. */
export function articleTextKey(articleId: string): string {
  return `${TEXT_PREFIX}${articleId}.txt`;
}
