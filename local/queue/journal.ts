// The local queue's write-ahead log: one JSON line per operation, appended synchronously before the operation
// is acknowledged, so a message that was accepted survives any stop of the process, Ctrl-C or kill -9. On start
// the log is replayed and rewritten with only the live messages (compaction), so it never grows without bound.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface StoredMessage {
  messageId: string;
  body: string;
  /** Epoch ms when the message was sent. */
  sentAt: number;
  /** Deliveries so far; kept across restarts so a poison message still reaches the dead-letter list. */
  receiveCount: number;
  /** Epoch ms of the first delivery, 0 before it. */
  firstReceivedAt: number;
  /** Epoch ms of the latest delivery: after a restart the message stays invisible until its timeout from then. */
  lastReceivedAt?: number;
  /** Why the last delivery failed; null until one did. */
  lastError: string | null;
}

export type JournalEntry =
  | { op: "send"; message: StoredMessage }
  | { op: "receive"; messageId: string; at: number }
  /** A delivery that failed, and why: the reason a dead-lettered message carries. */
  | { op: "fail"; messageId: string; reason: string }
  | { op: "delete"; messageId: string };

export interface Journal {
  append(entry: JournalEntry): void;
  /** Replaces the log by these live messages (after a replay, or when the queue is empty). */
  rewrite(messages: StoredMessage[]): void;
}

/** The live messages a log describes, in the order they were sent. A torn last line (a crash mid-write) is skipped. */
export function replayJournal(path: string): StoredMessage[] {
  if (!existsSync(path)) return [];
  const live = new Map<string, StoredMessage>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (entry.op === "send") live.set(entry.message.messageId, { ...entry.message });
    else if (entry.op === "delete") live.delete(entry.messageId);
    else {
      const message = live.get(entry.messageId);
      if (!message) continue;
      if (entry.op === "fail") message.lastError = entry.reason;
      else {
        message.receiveCount += 1;
        message.firstReceivedAt ||= entry.at;
        message.lastReceivedAt = entry.at;
      }
    }
  }
  return [...live.values()];
}

export function fileJournal(path: string): Journal {
  mkdirSync(dirname(path), { recursive: true });
  return {
    append(entry) {
      appendFileSync(path, `${JSON.stringify(entry)}\n`);
    },
    rewrite(messages) {
      const next = `${path}.next`;
      writeFileSync(next, messages.map((message) => `${JSON.stringify({ op: "send", message })}\n`).join(""));
      renameSync(next, path);
    },
  };
}

/** For a queue that lives only as long as the process (tests). */
export const noJournal: Journal = { append() {}, rewrite() {} };
