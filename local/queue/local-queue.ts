// A queue with the semantics of the SQS standard queue the deployed system uses, for the local stack: a
// received message stays invisible for the visibility timeout and comes back unless it is deleted; each
// delivery counts, and a message received `maxReceiveCount` times without being deleted goes to the
// dead-letter list instead of being delivered again (SQS's redrive policy). Every change goes through the
// journal first, so accepted messages survive a restart; messages in flight when the process stopped become
// visible again when their visibility timeout from the last delivery ends, as in SQS — not at once: the dead
// delivery's in-progress idempotency record lasts until that delivery's deadline, which is within the
// visibility timeout, so a redelivery before it would only find the record and spend a delivery.
import { randomUUID } from "node:crypto";
import { type Journal, noJournal, type StoredMessage } from "./journal.ts";

export interface ReceivedMessage extends StoredMessage {
  /** Changes on every delivery, as in SQS. */
  receiptHandle: string;
}

export interface DeadLetter extends StoredMessage {
  deadLetteredAt: number;
}

export interface LocalQueueOptions {
  visibilityTimeoutMs: number;
  maxReceiveCount: number;
  /** Where dead-lettered messages go (the stack appends them to a file under CLAIMTRACK_HOME). */
  deadLetter: (message: DeadLetter) => void;
  journal?: Journal;
  /** Messages replayed from the journal. */
  initial?: StoredMessage[];
  now?: () => number;
}

export interface QueueCounts {
  /** Messages waiting or in flight. */
  total: number;
  /** Received and not yet deleted or visible again. */
  inFlight: number;
  /** Ready to be received. */
  visible: number;
}

export interface LocalQueue {
  send(body: string): string;
  /** Up to `max` visible messages, oldest first; each becomes invisible for the visibility timeout. */
  receive(max: number): ReceivedMessage[];
  /** Acknowledges a delivery. A stale receipt handle (the message was delivered again since) is ignored. */
  delete(messageId: string, receiptHandle: string): void;
  /** Records why a delivery failed; the message comes back when its visibility timeout ends. */
  fail(messageId: string, reason: string): void;
  /** Milliseconds until a message can be received (0: now), or null when the queue is empty. */
  nextVisibleInMs(): number | null;
  counts(): QueueCounts;
  /** Called after every send (the consumer wakes up). */
  onSend(listener: () => void): void;
}

interface Entry {
  message: StoredMessage;
  visibleAt: number;
  receiptHandle: string | null;
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const journal = options.journal ?? noJournal;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const listeners: (() => void)[] = [];
  for (const message of options.initial ?? []) {
    const visibleAt = message.lastReceivedAt ? message.lastReceivedAt + options.visibilityTimeoutMs : 0;
    entries.set(message.messageId, { message: { ...message }, visibleAt, receiptHandle: null });
  }
  journal.rewrite([...entries.values()].map((e) => e.message));

  const remove = (messageId: string) => {
    journal.append({ op: "delete", messageId });
    entries.delete(messageId);
    // An empty queue starts a new log rather than replaying thousands of finished messages next time.
    if (entries.size === 0) journal.rewrite([]);
  };

  return {
    send(body) {
      const message: StoredMessage = {
        messageId: randomUUID(),
        body,
        sentAt: now(),
        receiveCount: 0,
        firstReceivedAt: 0,
        lastError: null,
      };
      journal.append({ op: "send", message });
      entries.set(message.messageId, { message, visibleAt: 0, receiptHandle: null });
      for (const listener of listeners) listener();
      return message.messageId;
    },
    receive(max) {
      const at = now();
      const received: ReceivedMessage[] = [];
      for (const entry of [...entries.values()]) {
        if (received.length >= max) break;
        if (entry.visibleAt > at) continue;
        const { message } = entry;
        if (message.receiveCount >= options.maxReceiveCount) {
          // The dead-letter list is written before the message leaves the queue: a crash between the two
          // leaves it in both, never in neither.
          options.deadLetter({ ...message, deadLetteredAt: at });
          remove(message.messageId);
          continue;
        }
        journal.append({ op: "receive", messageId: message.messageId, at });
        message.receiveCount += 1;
        message.firstReceivedAt ||= at;
        message.lastReceivedAt = at;
        entry.visibleAt = at + options.visibilityTimeoutMs;
        entry.receiptHandle = randomUUID();
        received.push({ ...message, receiptHandle: entry.receiptHandle });
      }
      return received;
    },
    delete(messageId, receiptHandle) {
      const entry = entries.get(messageId);
      if (entry && entry.receiptHandle === receiptHandle) remove(messageId);
    },
    fail(messageId, reason) {
      const entry = entries.get(messageId);
      if (!entry) return;
      journal.append({ op: "fail", messageId, reason });
      entry.message.lastError = reason;
    },
    nextVisibleInMs() {
      if (entries.size === 0) return null;
      const at = now();
      let next = Number.POSITIVE_INFINITY;
      for (const entry of entries.values()) next = Math.min(next, Math.max(0, entry.visibleAt - at));
      return next;
    },
    counts() {
      const at = now();
      let inFlight = 0;
      for (const entry of entries.values()) if (entry.visibleAt > at) inFlight++;
      return { total: entries.size, inFlight, visible: entries.size - inFlight };
    },
    onSend(listener) {
      listeners.push(listener);
    },
  };
}
