// The local S3 with the AWS CLI, as the banner tells a person to use it: `aws s3 cp/ls/sync/rm` (multipart for
// large files, streaming from stdin), `aws s3api put-object/get-object/head-object/list-objects-v2/
// delete-objects`, keys with spaces, unicode and `..`, the 1,024-byte limit, and unsigned requests refused.
// Skipped, saying so, where no AWS CLI is installed (CI installs Debian's).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectChange } from "../../local/s3-notifications.ts";
import { findAwsCli } from "../e2e/support/clients.ts";
import { type RunningLocalS3, startLocalS3 } from "../support/local-s3.ts";

const run = promisify(execFile);
const BUCKET = "cli-test";
const cli = await findAwsCli();
if (!cli) console.warn("aws-cli.test.ts: no AWS CLI installed (/usr/bin/aws or aws on PATH): skipped");

describe.skipIf(!cli)("the AWS CLI against the local S3", () => {
  const work = mkdtempSync(join(tmpdir(), "claimtrack-s3-cli-"));
  let s3: RunningLocalS3;
  const changes: ObjectChange[] = [];

  beforeAll(async () => {
    s3 = await startLocalS3({ buckets: [BUCKET] });
    s3.onChange((c) => changes.push(c));
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function aws(args: string[], options: { input?: string; secret?: string } = {}) {
    const child = run(cli!, ["--endpoint-url", s3.endpoint, ...args], {
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: work,
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: options.secret ?? "S3RVER",
        AWS_REGION: "us-east-1",
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_PAGER: "",
      },
    });
    if (options.input !== undefined) child.child.stdin!.end(options.input);
    return child;
  }
  const fail = async (args: string[], options: { secret?: string } = {}) => {
    try {
      await aws(args, options);
    } catch (err) {
      return String((err as { stderr?: string }).stderr);
    }
    throw new Error(`aws ${args.join(" ")} succeeded`);
  };
  const file = (name: string, content: string | Buffer) => {
    const path = join(work, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, content);
    return path;
  };

  it("cp, ls, cp back, rm: small and multipart files, keys with spaces, unicode and ..", {
    timeout: 180_000,
  }, async () => {
    const small = file("small.txt", "a small article");
    const large = file("large.bin", Buffer.alloc(20 * 1024 * 1024, "large article text "));
    await aws(["s3", "cp", "--only-show-errors", small, `s3://${BUCKET}/incoming/a b/../ü 1.txt`]);
    await aws(["s3", "cp", "--only-show-errors", large, `s3://${BUCKET}/incoming/large.bin`]);
    const { stdout: listing } = await aws(["s3", "ls", "--recursive", `s3://${BUCKET}/incoming/`]);
    expect(listing).toContain(" 15 incoming/a b/../ü 1.txt");
    expect(listing).toContain(` ${20 * 1024 * 1024} incoming/large.bin`);
    const head = JSON.parse(
      (await aws(["s3api", "head-object", "--bucket", BUCKET, "--key", "incoming/large.bin"])).stdout,
    ) as { ETag: string; ContentLength: number };
    // The CLI uploads files over 8 MB in parts.
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}-\d+"$/);
    expect(changes.map((c) => c.eventName)).toEqual(["ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload"]);

    await aws(["s3", "cp", "--only-show-errors", `s3://${BUCKET}/incoming/large.bin`, join(work, "large.out")]);
    expect(readFileSync(join(work, "large.out")).equals(readFileSync(large))).toBe(true);
    await aws(["s3", "cp", "--only-show-errors", `s3://${BUCKET}/incoming/a b/../ü 1.txt`, join(work, "small.out")]);
    expect(readFileSync(join(work, "small.out"), "utf8")).toBe("a small article");

    await aws(["s3", "rm", "--only-show-errors", "--recursive", `s3://${BUCKET}/incoming/`]);
    expect((await aws(["s3", "ls", "--recursive", `s3://${BUCKET}/`])).stdout).toBe("");
    expect(
      changes
        .filter((c) => c.eventName === "ObjectRemoved:Delete")
        .map((c) => c.key)
        .sort(),
    ).toEqual(["incoming/a b/../ü 1.txt", "incoming/large.bin"]);
  });

  it("streams uploads from stdin, small and multipart", { timeout: 120_000 }, async () => {
    await aws(["s3", "cp", "-", `s3://${BUCKET}/stdin/small.txt`], { input: "piped article" });
    const big = "piped line of text\n".repeat(600_000);
    await aws(["s3", "cp", "-", `s3://${BUCKET}/stdin/big.txt`], { input: big });
    const { stdout } = await aws(["s3", "cp", `s3://${BUCKET}/stdin/big.txt`, "-"]);
    expect(stdout).toBe(big);
    expect((await aws(["s3", "cp", `s3://${BUCKET}/stdin/small.txt`, "-"])).stdout).toBe("piped article");
  });

  it("sync up and down, with only the changed file sent again", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 12; i++) file(`tree/folder ${i % 3}/article-${i}.txt`, `article ${i}`);
    await aws(["s3", "sync", "--only-show-errors", join(work, "tree"), `s3://${BUCKET}/synced/`]);
    file("tree/folder 1/article-4.txt", "article 4, longer now");
    const { stdout } = await aws(["s3", "sync", join(work, "tree"), `s3://${BUCKET}/synced/`]);
    expect(
      stdout
        .trim()
        .split("\n")
        .filter((l) => l.includes("upload:")),
    ).toHaveLength(1);
    await aws(["s3", "sync", "--only-show-errors", `s3://${BUCKET}/synced/`, join(work, "down")]);
    expect(readFileSync(join(work, "down", "folder 1", "article-4.txt"), "utf8")).toBe("article 4, longer now");
    expect(readFileSync(join(work, "down", "folder 2", "article-11.txt"), "utf8")).toBe("article 11");
  });

  it("s3api: put-object with metadata, get-object, list-objects-v2, delete-objects; 1,025-byte keys refused", {
    timeout: 120_000,
  }, async () => {
    const body = file("api.txt", "through s3api");
    const longest = `api/${"k".repeat(1020)}`;
    for (const key of ["api/one.txt", "api/two.txt", longest]) {
      await aws([
        "s3api",
        "put-object",
        "--bucket",
        BUCKET,
        "--key",
        key,
        "--body",
        body,
        "--content-type",
        "text/plain",
        "--metadata",
        "source=cli",
      ]);
    }
    expect(await fail(["s3api", "put-object", "--bucket", BUCKET, "--key", `${longest}k`, "--body", body])).toContain(
      "KeyTooLongError",
    );
    const got = JSON.parse(
      (await aws(["s3api", "get-object", "--bucket", BUCKET, "--key", "api/one.txt", join(work, "api.out")])).stdout,
    ) as { ContentType: string; Metadata: Record<string, string> };
    expect(got).toMatchObject({ ContentType: "text/plain", Metadata: { source: "cli" } });
    expect(readFileSync(join(work, "api.out"), "utf8")).toBe("through s3api");
    const listed = JSON.parse(
      (await aws(["s3api", "list-objects-v2", "--bucket", BUCKET, "--prefix", "api/", "--max-items", "10"])).stdout,
    ) as { Contents: { Key: string }[] };
    expect(listed.Contents.map((o) => o.Key)).toEqual([longest, "api/one.txt", "api/two.txt"]);
    const deleted = JSON.parse(
      (
        await aws([
          "s3api",
          "delete-objects",
          "--bucket",
          BUCKET,
          "--delete",
          JSON.stringify({ Objects: [{ Key: "api/one.txt" }, { Key: longest }] }),
        ])
      ).stdout,
    ) as { Deleted: { Key: string }[] };
    expect(deleted.Deleted.map((d) => d.Key).sort()).toEqual([longest, "api/one.txt"]);
    const left = JSON.parse(
      (await aws(["s3api", "list-objects-v2", "--bucket", BUCKET, "--prefix", "api/"])).stdout,
    ) as { Contents: { Key: string }[] };
    expect(left.Contents.map((o) => o.Key)).toEqual(["api/two.txt"]);
  });

  it("refuses unsigned and wrongly signed requests", async () => {
    expect(await fail(["--no-sign-request", "s3", "ls", `s3://${BUCKET}/`])).toContain("AccessDenied");
    expect(await fail(["s3", "ls", `s3://${BUCKET}/`], { secret: "not-the-secret" })).toContain(
      "SignatureDoesNotMatch",
    );
  });
});
