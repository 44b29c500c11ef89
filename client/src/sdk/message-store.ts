import type { ChatMessage } from './types';

/** tempIds are unique per sender and room only. */
export const messageKey = (senderId: string, tempId: string): string => `${senderId}/${tempId}`;

/**
 * One room's messages: each once (by sender and tempId), ascending by seq, messages not yet
 * accepted (no seq) last in the order they were written. `lastSeq` is the highest position
 * seen, for gap detection and `sync`.
 */
export class MessageStore {
  private readonly byKey = new Map<string, ChatMessage>();
  private readonly bySeq = new Map<number, string>();
  private sorted: ChatMessage[] | null = [];
  /** Whether older history may exist before the oldest message held. */
  hasOlder = true;

  constructor(public lastSeq = 0) {}

  get(key: string): ChatMessage | undefined {
    return this.byKey.get(key);
  }

  atSeq(seq: number): ChatMessage | undefined {
    const key = this.bySeq.get(seq);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** Adds a message or merges it into the copy held; a late copy never undoes a confirmation. */
  upsert(message: ChatMessage): ChatMessage {
    const key = messageKey(message.sender.id, message.tempId);
    const known = this.byKey.get(key);
    return this.put(key, known ? { ...known, ...message, state: known.state === 'confirmed' ? 'confirmed' : message.state } : message);
  }

  patch(key: string, change: Partial<ChatMessage>): ChatMessage | undefined {
    const known = this.byKey.get(key);
    return known && this.put(key, { ...known, ...change });
  }

  /** Ascending by seq; unaccepted messages last. */
  list(): ChatMessage[] {
    this.sorted ??= [...this.byKey.values()].sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
    return this.sorted;
  }

  /**
   * Where a catch-up starts: after the last position held, or before the first message held
   * unconfirmed, so a confirmation missed while disconnected comes back as the saved copy.
   */
  resumeAfter(): number {
    const unconfirmed = this.list().find((m) => m.seq !== undefined && m.state !== 'confirmed');
    return unconfirmed ? Math.min(this.lastSeq, unconfirmed.seq! - 1) : this.lastSeq;
  }

  oldestSeq(): number | undefined {
    return this.list().find((m) => m.seq !== undefined)?.seq;
  }

  private put(key: string, message: ChatMessage): ChatMessage {
    this.byKey.set(key, message);
    if (message.seq !== undefined) {
      this.bySeq.set(message.seq, key);
      this.lastSeq = Math.max(this.lastSeq, message.seq);
    }
    this.sorted = null;
    return message;
  }
}
