import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { storeUnavailable } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { SavedMessage } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';

export interface AcceptedMessage {
  seq: number;
  createdAt: Date;
  saved?: SavedMessage;
}

const WINDOW_MS = 10 * 60_000;
const MAX_ENTRIES = 200_000;

/**
 * The idempotency window: (roomId, senderId, tempId) of recently accepted messages, so a
 * resend is answered with the original seq without a store read. A resend from outside the
 * window is looked up in the store by the pipeline.
 */
@Injectable()
export class AcceptedMessages {
  private readonly entries: LRUCache<string, AcceptedMessage>;

  // An entry must outlive its save (up to PERSIST_RETRY_FOR_MS) and every unsaved message (up to
  // PERSIST_BUFFER_LIMIT): an unsaved one evicted early could be accepted and broadcast again.
  constructor(
    private readonly messages: MessageRepository,
    config: AppConfig,
  ) {
    const max = Math.max(MAX_ENTRIES, 2 * config.persistBufferLimit);
    this.entries = new LRUCache({ max, ttl: Math.max(WINDOW_MS, 2 * config.persistRetryForMs) });
  }

  static key(roomId: string, senderId: string, tempId: string): string {
    return `${roomId}\u0000${senderId}\u0000${tempId}`;
  }

  get(key: string): AcceptedMessage | undefined {
    return this.entries.get(key);
  }

  /** A tempId missing from the window may still be stored (a resend after the window or a restart). */
  async stored(roomId: string, senderId: string, tempId: string): Promise<AcceptedMessage | undefined> {
    const saved = await this.messages.findByTempId(roomId, senderId, tempId).catch((err: unknown) => {
      throw storeUnavailable(err);
    });
    if (!saved) return undefined;
    const entry = { seq: saved.seq, createdAt: saved.createdAt, saved };
    this.add(AcceptedMessages.key(roomId, senderId, tempId), entry);
    return entry;
  }

  add(key: string, entry: AcceptedMessage): void {
    this.entries.set(key, entry);
  }

  markSaved(key: string, saved: SavedMessage): void {
    const entry = this.entries.get(key);
    if (entry) entry.saved = saved;
  }

  /** After a failed save: the client may resend the same tempId and be accepted anew. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
