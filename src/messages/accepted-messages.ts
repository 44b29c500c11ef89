import { Injectable } from '@nestjs/common';
import { SavedMessage } from '../persistence/models';

export interface AcceptedMessage {
  seq: number;
  createdAt: Date;
  saved?: SavedMessage;
}

const WINDOW_MS = 10 * 60_000;
const MAX_ENTRIES = 200_000;

/**
 * The idempotency window: (roomId, senderId, tempId) of recently accepted messages, so a
 * resend is answered with the original seq instead of a second broadcast. Older resends
 * are still caught at save time by the store's unique index (reported as duplicate).
 */
@Injectable()
export class AcceptedMessages {
  private readonly entries = new Map<string, AcceptedMessage & { at: number }>();

  static key(roomId: string, senderId: string, tempId: string): string {
    return `${roomId}\u0000${senderId}\u0000${tempId}`;
  }

  get(key: string): AcceptedMessage | undefined {
    return this.entries.get(key);
  }

  add(key: string, entry: AcceptedMessage): void {
    this.evict();
    this.entries.set(key, { ...entry, at: Date.now() });
  }

  markSaved(key: string, saved: SavedMessage): void {
    const entry = this.entries.get(key);
    if (entry) entry.saved = saved;
  }

  /** After a failed save: the client may resend the same tempId and be accepted anew. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  // Map order is insertion order, so the oldest entries are first.
  private evict(): void {
    const cutoff = Date.now() - WINDOW_MS;
    for (const [key, entry] of this.entries) {
      if (this.entries.size < MAX_ENTRIES && entry.at > cutoff) break;
      this.entries.delete(key);
    }
  }
}
