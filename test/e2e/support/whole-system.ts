// The end-to-end scenario, used as a person would use the system: start it, upload with the AWS SDK and the AWS
// CLI, query over HTTP, post, delete, upload bad files, stop it with a signal and start it again. Every claim the
// API serves is checked against what the extractor makes of the same file. Run on the TypeScript sources and,
// once, on the bundles `cdk synth` stages (the caller passes CLAIMTRACK_HANDLERS).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../../functions/schemas/article.ts";
import type { ArticleRecord, ClaimRecord } from "../../../functions/schemas/records.ts";
import { keysMeant, speakerKey, surnameOf } from "../../../functions/store/speaker-names.ts";
import type { AccessLogLine } from "../../../local/access-log.ts";
import { endpointsPath } from "../../../local/endpoints.ts";
import { type ArticleFile, articleFile, expectedExtraction, ROOT, recombinedArticles, seedFiles } from "./articles.ts";
import { apiClient, awsS3Cp, findAwsCli, putMultipart, putObject, s3ClientFor } from "./clients.ts";
import { type StackProcess, startStack } from "./stack-process.ts";

const MINUTE = 60_000;
const CLI_SEED = "up-2025-07-07-coalition-rome.txt";
const CLI_KEY = "incoming/cli uploads/coalition rome (AWS CLI).txt";

/** A stored claim without what the store adds: exactly the extractor's record. */
const asExtracted = ({ articleId: _a, publishedAt: _p, ...claim }: ClaimRecord) => claim;

async function expectServedAsExtracted(api: ReturnType<typeof apiClient>, file: ArticleFile, expected: Extraction) {
  const article = await api.settled(file.id);
  expect(article.failureReason, file.name).toBeNull();
  expect(article.status, file.name).toBe("PROCESSED");
  expect(article.claimCount, file.name).toBe(expected.claims.length);
  expect(article.metadata.title, file.name).toBe(expected.article.title);
  const claims = await api.claimsOf(file.id);
  expect(claims.map(asExtracted), file.name).toEqual(expected.claims);
  expect(claims.every((c) => c.articleId === file.id && c.publishedAt === expected.article.publishedAt)).toBe(true);
  return article;
}

/**
 * `stackEnv` adds to the stack's environment; `handlers` is what its banner must say it runs (so a run meant for
 * the bundles cannot quietly run the sources).
 */
export function describeWholeSystem(label: string, stackEnv: () => Record<string, string>, handlers: () => string) {
  describe(`the whole system on one machine (${label})`, () => {
    let home: string;
    let stack: StackProcess;
    let s3: S3Client;
    let api: ReturnType<typeof apiClient>;
    const seeds = seedFiles();
    const expected = new Map(seeds.map((f) => [f.name, expectedExtraction(f)]));

    const start = async () => {
      stack = await startStack(home, { CLAIMTRACK_SEEDS: "none", ...stackEnv() });
      s3?.destroy();
      s3 = s3ClientFor(stack.endpoints);
      api = apiClient(stack.endpoints);
    };

    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), "claimtrack-e2e-"));
      await start();
      expect(stack.output()).toContain(`handlers   ${handlers()}\n`);
    }, 4 * MINUTE);
    afterAll(async () => {
      await stack?.stop("SIGKILL");
      s3?.destroy();
      rmSync(home, { recursive: true, force: true });
    });

    it("ingests every seed uploaded with the AWS SDK, and one with `aws s3 cp`, exactly as the extractor reads them", {
      timeout: 6 * MINUTE,
    }, async () => {
      const cli = await findAwsCli();
      for (const seed of seeds) {
        if (seed.name === CLI_SEED && cli) continue;
        await putObject(s3, stack.endpoints, `incoming/sdk/${seed.name}`, seed.bytes, seed.contentType);
      }
      const cliSeed = seeds.find((s) => s.name === CLI_SEED)!;
      if (cli) {
        const file = join(home, CLI_SEED);
        writeFileSync(file, cliSeed.bytes);
        await awsS3Cp(cli, stack.endpoints, file, CLI_KEY);
      } else {
        console.warn("skipped the `aws s3 cp` upload: no AWS CLI on this machine (CI installs Debian's awscli)");
      }

      for (const seed of seeds) await expectServedAsExtracted(api, seed, expected.get(seed.name)!);
      const viaCli = await api.article(cliSeed.id);
      expect(viaCli?.sources).toEqual([
        { bucket: stack.endpoints.bucket, key: cli ? CLI_KEY : `incoming/sdk/${CLI_SEED}` },
      ]);
    });

    it("answers queries across articles: by speaker, the speakers list, the claims feed", {
      timeout: 2 * MINUTE,
    }, async () => {
      const all = [...expected.values()].flatMap((e) => e.claims);
      const counts = new Map<string, number>();
      for (const c of all) {
        const speaker = c.attribution.speaker;
        if (speaker) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      }
      const [speaker] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
      // Every spelling of the speaker, and a surname alone that means them (docs/store.md, speaker keys).
      const keyOf = (c: Pick<ClaimRecord, "attribution">) =>
        c.attribution.speaker ? speakerKey(c.attribution.speaker) : null;
      const key = speakerKey(speaker);
      const namesakes = [...new Set(all.map(keyOf))].filter((k) => k !== null && surnameOf(k) === surnameOf(key));
      const meant = new Set(keysMeant(key, namesakes as string[]));
      const bySpeaker = await api.all<ClaimRecord>(`/claims?speaker=${encodeURIComponent(speaker)}`);
      expect(bySpeaker.map((c) => c.id).sort()).toEqual(
        all
          .filter((c) => meant.has(keyOf(c) ?? ""))
          .map((c) => c.id)
          .sort(),
      );
      const speakers = await api.all<{ name: string; claimCount: number }>("/speakers");
      expect(speakers.find((s) => speakerKey(s.name) === key)?.claimCount).toBe(
        all.filter((c) => keyOf(c) === key).length,
      );
      const feed = await api.all<ClaimRecord>("/claims");
      expect(feed.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
      const docs = await api.get<string>("/docs");
      expect(docs.status).toBe(200);
      expect(docs.headers.get("content-type")).toMatch(/text\/html/);
    });

    /** Posts a file to the API and checks it is served as the extractor reads the object the API stored. */
    const postAndCheck = async (body: string | Uint8Array, contentType: string) => {
      const accepted = await api.post<{ id: string; status: string; source: { key: string } }>(
        "/articles",
        body,
        contentType,
      );
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      expect(accepted.headers.get("location")).toBe(`/articles/${accepted.body.id}`);
      const object = await s3.send(
        new GetObjectCommand({ Bucket: stack.endpoints.bucket, Key: accepted.body.source.key }),
      );
      const stored = articleFile(
        accepted.body.source.key.split("/").pop()!,
        Buffer.from(await object.Body!.transformToByteArray()),
        object.ContentType,
      );
      expect(stored.id).toBe(accepted.body.id);
      return { stored, article: await expectServedAsExtracted(api, stored, expectedExtraction(stored)) };
    };

    it("takes articles posted to the API through the same pipeline: JSON, and a raw file byte for byte", {
      timeout: 3 * MINUTE,
    }, async () => {
      const [fresh] = recombinedArticles(1, `posted-${label}`);
      const json = JSON.stringify({ title: "Posted to the API", outlet: "E2E Courier", body: fresh!.bytes.toString() });
      const { article } = await postAndCheck(json, "application/json");
      expect(article.metadata).toMatchObject({ title: "Posted to the API", outlet: "E2E Courier" });

      const cp1252 = readFileSync(join(ROOT, "test/fixtures/reading/cp1252.txt"));
      const raw = await postAndCheck(cp1252, "text/plain; charset=windows-1252");
      expect(raw.stored.bytes).toEqual(cp1252);
      expect(raw.article.metadata.title).toBe("Bürgermeister vows to reopen Lindenstraße bridge");
    });

    it("removes an article deleted through the API, and one whose object is deleted from the bucket", {
      timeout: 3 * MINUTE,
    }, async () => {
      const [viaApi, viaBucket] = [seeds[0]!, seeds[1]!];
      const deleted = await api.delete(`/articles/${viaApi.id}`);
      // Accepted: the API deletes the objects, the pipeline removes the article and its claims.
      expect(deleted.status).toBe(202);
      await api.gone(viaApi.id);
      expect((await api.get(`/articles/${viaApi.id}/claims`)).status).toBe(404);
      await expect(
        s3.send(new HeadObjectCommand({ Bucket: stack.endpoints.bucket, Key: `incoming/sdk/${viaApi.name}` })),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });

      await s3.send(new DeleteObjectCommand({ Bucket: stack.endpoints.bucket, Key: `incoming/sdk/${viaBucket.name}` }));
      await api.gone(viaBucket.id);
      expect((await api.get(`/articles/${viaBucket.id}/claims`)).status).toBe(404);
      const ids = new Set((await api.all<ClaimRecord>("/claims")).map((c) => c.articleId));
      expect(ids.has(viaApi.id) || ids.has(viaBucket.id)).toBe(false);
    });

    it("records bad files (binary, empty, 20 MB) as FAILED with their reason, and leaves the rest alone", {
      timeout: 4 * MINUTE,
    }, async () => {
      const before = await api.articles();
      const png = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(2048, 7)]);
      const text = seeds[2]!.bytes;
      const large = Buffer.alloc(20 * 1024 * 1024);
      for (let offset = 0; offset < large.length; offset += text.length) text.copy(large, offset);
      const bad = {
        binary: "incoming/bad/scan.png.txt",
        empty: "incoming/bad/empty.txt",
        large: "incoming/bad/twenty-megabytes.txt",
      };
      await putObject(s3, stack.endpoints, bad.binary, png, "text/plain");
      await putObject(s3, stack.endpoints, bad.empty, Buffer.alloc(0), "text/plain");
      await putMultipart(s3, stack.endpoints, bad.large, large);

      const failedFor = async (key: string): Promise<ArticleRecord> => {
        const deadline = Date.now() + 3 * MINUTE;
        for (;;) {
          for (const summary of await api.articles()) {
            if (summary.status !== "FAILED") continue;
            const article = await api.article(summary.id);
            if (article?.sources.some((s) => s.key === key)) return article;
          }
          if (Date.now() > deadline) throw new Error(`no FAILED article for ${key}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      };
      expect((await failedFor(bad.binary)).failureReason).toMatch(/^BINARY: the file looks like a PNG image/);
      expect((await failedFor(bad.empty)).failureReason).toMatch(/^EMPTY: the file is empty/);
      expect((await failedFor(bad.large)).failureReason).toMatch(
        /^TOO_LARGE: the file is 20971520 bytes, over the 5242880-byte limit/,
      );
      // The 20 MB object was judged by its size: never downloaded.
      const s3Log = readFileSync(join(home, "logs", "s3-access.log"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as AccessLogLine);
      const largePath = `/${stack.endpoints.bucket}/${bad.large.split("/").map(encodeURIComponent).join("/")}`;
      const reads = s3Log.filter((l) => l.path.split("?")[0] === largePath && l.method === "GET");
      expect(reads).toEqual([]);
      expect(s3Log.some((l) => l.path.split("?")[0] === largePath && l.method === "HEAD")).toBe(true);

      // Everything that was there is untouched.
      const after = new Map((await api.articles()).map((a) => [a.id, a]));
      for (const a of before) expect(after.get(a.id)).toEqual(a);
    });

    it("stops on SIGTERM without losing uploads still queued, and keeps everything across a restart", {
      timeout: 8 * MINUTE,
    }, async () => {
      const before = await api.articles();
      const claimsBefore = new Map<string, ClaimRecord[]>();
      for (const a of before) if (a.status === "PROCESSED") claimsBefore.set(a.id, await api.claimsOf(a.id));
      const late = recombinedArticles(8, `late-${label}`);
      await Promise.all(
        late.map((f) => putObject(s3, stack.endpoints, `incoming/late/${f.name}`, f.bytes, f.contentType)),
      );
      // Stopped at once: some of these are still queued or being processed.
      expect(await stack.stop("SIGTERM")).toBe(0);
      expect(stack.output()).toMatch(/SIGTERM: finishing the work in flight/);
      expect(stack.output()).toMatch(/Stopped(; \d+ queued message\(s\) will be processed on the next start)?\.\n$/);
      expect(() => readFileSync(endpointsPath(home))).toThrow();

      await start();
      for (const f of late) await expectServedAsExtracted(api, f, expectedExtraction(f));
      const after = new Map((await api.articles()).map((a) => [a.id, a]));
      for (const a of before) expect(after.get(a.id), a.id).toEqual(a);
      for (const [id, claims] of claimsBefore) expect(await api.claimsOf(id)).toEqual(claims);
      expect(stack.output()).not.toMatch(/dead-lettered/);
    });
  });
}
