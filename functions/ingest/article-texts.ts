// The articles' plain texts in the bucket, behind a small interface: the pipeline writes an article's text when
// it processes the article and deletes it with the article, so `GET /articles/{id}/text` can serve the text the
// evidence offsets index without extracting again. The key is derived from the article id (article-text-key.ts).
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { articleTextKey } from "../shared/article-text-key.ts";

export interface ArticleTexts {
  /** Writes (or rewrites, byte for byte the same for the same extraction) the article's text. */
  put(articleId: string, text: string): Promise<void>;
  /** Deleting a text that does not exist succeeds, as in S3. */
  delete(articleId: string): Promise<void>;
}

export function createS3ArticleTexts(s3: S3Client, bucket: string): ArticleTexts {
  return {
    async put(articleId, text) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: articleTextKey(articleId),
          Body: text,
          ContentType: "text/plain; charset=utf-8",
        }),
      );
    },
    async delete(articleId) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: articleTextKey(articleId) }));
    },
  };
}
