// What a fault-injection run does to the bucket, decided up front from a seed: uploads of distinct articles, the
// same bytes under many keys at once, overwrites and deletes — as lanes of operations, one lane per key, applied
// in order — and what the system must hold once it has all been processed (the model the audit compares with).
import { extract } from "../../functions/extraction/extract.ts";
import { type ArticleFile, articleFile, paragraphPool, random } from "../../test/e2e/support/articles.ts";

export type Operation = { kind: "put"; key: string; file: ArticleFile } | { kind: "delete"; key: string };

export interface WorkloadOptions {
  seed: number;
  /** PUTs in all, duplicates and overwrites included. */
  uploads: number;
  /** Contents uploaded under `keysPerDuplicate` keys each, at about the same time. */
  duplicatedContents: number;
  keysPerDuplicate: number;
  /** PUTs of new content to a key already written. */
  overwrites: number;
  /** DELETEs; the first `keysPerDuplicate` remove every key of one duplicated content. */
  deletes: number;
  /** Under the ingest prefix; keeps runs apart. */
  folder: string;
}

export interface ExpectedArticle {
  file: ArticleFile;
  /** The keys that hold it at the end. */
  keys: Set<string>;
  /** What the extractor makes of it (the claims the system must store). */
  claims: number;
}

export interface Workload {
  /** One lane per key: its operations in order. Lanes of one duplicated content are adjacent. */
  lanes: Operation[][];
  operations: number;
  /** By article id: what must exist at the end. */
  expected: Map<string, ExpectedArticle>;
  /** Ids of content that was uploaded but is held by no key at the end: it must be gone. */
  removed: Set<string>;
  figures: { uploads: number; duplicatedKeys: number; overwrites: number; deletes: number; keys: number };
}

/** Short distinct articles (a headline and one or two paragraphs of the seeds'), so a run stays quick. */
function articles(count: number, tag: string, next: () => number): ArticleFile[] {
  const pool = paragraphPool();
  return Array.from({ length: count }, (_, i) => {
    const size = 1 + Math.floor(next() * 2);
    const body = Array.from({ length: size }, () => pool[Math.floor(next() * pool.length)]!).join("\n\n");
    return articleFile(`${tag}-${i}.txt`, Buffer.from(`Fault run ${tag}, report ${i + 1}\n\n${body}\n`));
  });
}

export function planWorkload(options: WorkloadOptions): Workload {
  const next = random(options.seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const { duplicatedContents, keysPerDuplicate: perDup, overwrites, deletes } = options;
  const singles = options.uploads - duplicatedContents * perDup - overwrites;
  if (singles < 0) throw new Error("more duplicate and overwrite uploads than uploads");
  const tag = `s${options.seed}`;
  const files = articles(singles + duplicatedContents + overwrites, tag, next);
  let fileIndex = 0;
  const key = (name: string) => `${options.folder}${name}.txt`;

  // Blocks of lanes: a single key, or the keys of one duplicated content (uploaded together).
  const blocks: Operation[][][] = [];
  for (let i = 0; i < singles; i++)
    blocks.push([[{ kind: "put", key: key(`single-${i}`), file: files[fileIndex++]! }]]);
  const duplicateBlocks: Operation[][][] = [];
  for (let d = 0; d < duplicatedContents; d++) {
    const file = files[fileIndex++]!;
    const block: Operation[][] = Array.from({ length: perDup }, (_, k) => [
      { kind: "put", key: key(`dup-${d}-${k}`), file },
    ]);
    duplicateBlocks.push(block);
    blocks.push(block);
  }
  const lanes = () => blocks.flat();
  for (let o = 0; o < overwrites; o++) {
    const lane = pick(lanes());
    lane.push({ kind: "put", key: lane[0]!.key, file: files[fileIndex++]! });
  }
  // Every key of one duplicated content first (its article must go), then keys at random.
  const deleted = new Set<Operation[]>();
  if (deletes >= perDup && duplicateBlocks.length > 0) for (const lane of duplicateBlocks[0]!) deleted.add(lane);
  const candidates = lanes();
  while (deleted.size < Math.min(deletes, candidates.length)) deleted.add(pick(candidates));
  for (const lane of deleted) lane.push({ kind: "delete", key: lane[0]!.key });

  // Shuffle the blocks (Fisher–Yates), keeping each block's lanes together.
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }

  const all = lanes();
  const expected = new Map<string, ExpectedArticle>();
  const uploaded = new Set<string>();
  const receivedAt = new Date().toISOString();
  for (const lane of all) {
    for (const op of lane) if (op.kind === "put") uploaded.add(op.file.id);
    const last = lane[lane.length - 1]!;
    if (last.kind !== "put") continue;
    const known = expected.get(last.file.id);
    if (known) known.keys.add(last.key);
    else {
      const { bytes, name, contentType } = last.file;
      const claims = extract({ bytes, fileName: name, contentType, metadata: {}, receivedAt }).claims.length;
      expected.set(last.file.id, { file: last.file, keys: new Set([last.key]), claims });
    }
  }
  return {
    lanes: all,
    operations: all.reduce((n, lane) => n + lane.length, 0),
    expected,
    removed: new Set([...uploaded].filter((id) => !expected.has(id))),
    figures: {
      uploads: options.uploads,
      duplicatedKeys: duplicatedContents * perDup,
      overwrites,
      deletes: deleted.size,
      keys: all.length,
    },
  };
}
