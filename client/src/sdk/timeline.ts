import type { WireConfirmation, WireFailure } from '../../../src/common/ws/protocol';
import type { CatchUpTarget } from './catch-up';
import { messageKey } from './message-store';
import type { Outbox } from './outbox';
import type { RoomRegistry } from './room-registry';
import type { ChatMessage, UserSummary } from './types';

export interface TimelineHost {
  me(): UserSummary;
  changed(roomId: string): void;
  /** A live seq skipped positions: catch the room up. */
  gap(roomId: string): void;
  /** Someone else's message arrived (their typing ends). */
  heard(message: ChatMessage): void;
}

/** Messages into their room's store, from live events, `sync` and history alike: once each, by seq. */
export class Timeline implements CatchUpTarget {
  private readonly gapFrom = new Map<string, number>();

  constructor(
    private readonly host: TimelineHost,
    private readonly rooms: RoomRegistry,
    private readonly outbox: Outbox,
  ) {}

  message(m: ChatMessage, live = true): void {
    const store = this.rooms.store(m.roomId);
    if (live && m.seq !== undefined && m.seq > store.lastSeq + 1 && !this.gapFrom.has(m.roomId)) {
      this.gapFrom.set(m.roomId, store.lastSeq);
      this.host.gap(m.roomId);
    }
    const key = messageKey(m.sender.id, m.tempId);
    const isNew = !store.get(key);
    const held = store.upsert(m);
    if (held.state === 'confirmed' && m.sender.id === this.host.me().id) this.outbox.settle(key);
    const room = this.rooms.get(m.roomId);
    if (room && m.seq !== undefined) {
      // Counted live only: the unread count of `ready` already includes what a sync brings.
      const unread = live && isNew && m.sender.id !== this.host.me().id && m.seq > room.lastReadSeq ? room.unread + 1 : room.unread;
      const lastActivityAt = room.lastActivityAt && room.lastActivityAt > m.createdAt ? room.lastActivityAt : m.createdAt;
      this.rooms.update(m.roomId, { lastSeq: Math.max(room.lastSeq, m.seq), unread, lastActivityAt });
    }
    if (live && m.sender.id !== this.host.me().id) this.host.heard(m);
    this.host.changed(m.roomId);
  }

  confirmed(roomId: string, c: WireConfirmation): void {
    const store = this.rooms.store(roomId);
    const mine = messageKey(this.host.me().id, c.tempId);
    const held = store.atSeq(c.seq) ?? store.get(mine);
    if (!held) return;
    const key = messageKey(held.sender.id, held.tempId);
    store.patch(key, { _id: c._id, seq: c.seq, state: 'confirmed', error: undefined });
    if (key === mine) this.outbox.settle(key);
    this.host.changed(roomId);
  }

  failed(roomId: string, f: WireFailure): void {
    const key = messageKey(this.host.me().id, f.tempId);
    const store = this.rooms.store(roomId);
    if (!store.get(key)) return;
    store.patch(key, { state: 'failed', error: f.error });
    this.outbox.settle(key);
    this.host.changed(roomId);
  }

  afterSeq(roomId: string): number {
    return this.gapFrom.get(roomId) ?? this.rooms.store(roomId).resumeAfter();
  }

  apply(roomId: string, messages: ChatMessage[], lastSeq?: number): void {
    this.gapFrom.delete(roomId);
    for (const m of messages) this.message(m, false);
    const store = this.rooms.store(roomId);
    if (lastSeq !== undefined) store.lastSeq = Math.max(store.lastSeq, lastSeq);
    this.host.changed(roomId);
  }
}
