import type { Message } from 'kafkajs';

/** The records of one batch's transaction, grouped by topic as kafkajs's sendBatch takes them. */
export class BatchOutput {
  private readonly byTopic = new Map<string, Message[]>();

  add(topic: string, message: Message): void {
    const messages = this.byTopic.get(topic);
    if (messages) messages.push(message);
    else this.byTopic.set(topic, [message]);
  }

  get size(): number {
    let size = 0;
    for (const messages of this.byTopic.values()) size += messages.length;
    return size;
  }

  topicMessages(): { topic: string; messages: Message[] }[] {
    return [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  /** The messages produced to `topic` (tests and logs). */
  messagesOf(topic: string): readonly Message[] {
    return this.byTopic.get(topic) ?? [];
  }
}

/** What a batch did, counted once its transaction committed (metrics). */
export interface BatchTally {
  received: number;
  /** Order-created records for an order already received: `entry` = the same entry again, `order` = another entry. */
  duplicates: { entry: number; order: number };
  routed: Map<string, number>;
  deadLetters: Map<string, number>;
  confirmed: number;
  unchanged: number;
  /** Order-status-updated records whose entry id was seen before for the order. */
  repeatedReports: number;
}

export function emptyTally(): BatchTally {
  return {
    received: 0,
    duplicates: { entry: 0, order: 0 },
    routed: new Map(),
    deadLetters: new Map(),
    confirmed: 0,
    unchanged: 0,
    repeatedReports: 0,
  };
}

export function countInto(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * What to do with a batch: the records to produce and the offset to commit with them, in one
 * transaction. `nextOffset` is the batch's end unless processing stopped early (`held`), in which
 * case it is the offset of the first record not processed yet.
 */
export interface BatchPlan {
  output: BatchOutput;
  nextOffset: string;
  held: boolean;
  tally: BatchTally;
}
