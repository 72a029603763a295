// The local stack's S3 notifications: what the local S3 (or a listing) reports becomes the record S3 itself would send
// the ingest queue — only under the ingest prefix, only creations and removals, keys form-encoded — and the
// ingest function's own schema accepts it.
import { describe, expect, it } from "vitest";
import { IngestMessageBody } from "../../functions/schemas/s3-notification.ts";
import {
  encodeS3EventKey,
  notificationFor,
  notificationMessage,
  strayUploadWarning,
} from "../../local/s3-notifications.ts";

const created = { bucket: "articles", key: "incoming/a.txt", eventName: "ObjectCreated:Put", size: 12, eTag: '"abc"' };

describe("local S3 notifications", () => {
  it("warns about an upload outside the ingest prefix, counting them, and says where to put it", () => {
    const stray = { ...created, key: "elsewhere/dev notes.txt" };
    expect(strayUploadWarning(stray, "incoming/", 2)).toBe(
      "s3://articles/elsewhere/dev notes.txt is outside incoming/, so it is not ingested (2 such uploads since " +
        "start): upload it as s3://articles/incoming/dev notes.txt",
    );
    expect(strayUploadWarning({ ...stray, key: "top.txt" }, "incoming/", 1)).toContain("(1 such upload since start)");
    // Articles, the ingest function's own texts and removals are not strays.
    expect(strayUploadWarning(created, "incoming/", 1)).toBeNull();
    expect(strayUploadWarning({ ...created, key: "text/0123456789abcdef0123.txt" }, "incoming/", 1)).toBeNull();
    const exported = "export/claims/published=2025-07/0123456789abcdef0123.jsonl.gz";
    expect(strayUploadWarning({ ...created, key: exported }, "incoming/", 1)).toBeNull();
    expect(strayUploadWarning({ ...stray, eventName: "ObjectRemoved:Delete" }, "incoming/", 1)).toBeNull();
  });

  it("encodes keys as S3 does: + for spaces, %XX for the rest, / kept", () => {
    expect(encodeS3EventKey("incoming/my folder/a+b (1) é.txt")).toBe("incoming/my+folder/a%2Bb+(1)+%C3%A9.txt");
    // Decoding the S3 way (+ first, then percent-escapes) gives the key back.
    const key = "incoming/x y/100% +sure?.md";
    expect(decodeURIComponent(encodeS3EventKey(key).replaceAll("+", " "))).toBe(key);
  });

  it("sends a creation with size and ETag (unquoted), a removal without, and nothing outside the prefix", () => {
    const put = notificationFor(created, "incoming/")!;
    expect(put).toMatchObject({
      eventSource: "aws:s3",
      eventName: "ObjectCreated:Put",
      s3: {
        bucket: { name: "articles", arn: "arn:aws:s3:::articles" },
        object: { key: "incoming/a.txt", size: 12, eTag: "abc" },
      },
    });
    const removed = notificationFor(
      { bucket: "b", key: "incoming/a.txt", eventName: "ObjectRemoved:Delete" },
      "incoming/",
    )!;
    expect(removed.s3.object).not.toHaveProperty("size");
    expect(removed.s3.object).not.toHaveProperty("eTag");
    expect(notificationFor({ ...created, key: "elsewhere/a.txt" }, "incoming/")).toBeNull();
    expect(notificationFor({ ...created, eventName: "ObjectTagging:Put" }, "incoming/")).toBeNull();
  });

  it("orders the changes of a key by sequencer", () => {
    const sequencers = Array.from({ length: 50 }, () => notificationFor(created, "incoming/")!.s3.object.sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(sequencers.length);
  });

  it("makes messages the ingest function's schema accepts", () => {
    const body = JSON.parse(notificationMessage(notificationFor(created, "incoming/")!));
    expect(IngestMessageBody.safeParse(body).success).toBe(true);
    expect(body.Records).toHaveLength(1);
  });
});
