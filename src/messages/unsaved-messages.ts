import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { StreamMessage } from '../common/ws/client-events';
import { MessageCreatedEvent } from './events/message-created.event';

export type { StreamMessage };

/**
 * Accepted messages not saved yet, per room, so a `sync` sent before their confirmation still
 * replays them (DESIGN.md 10). Bounded by the write-behind buffer: every entry leaves when its
 * save ends, confirmed or failed.
 */
@Injectable()
export class UnsavedMessages {
  private readonly rooms = new Map<string, Map<number, StreamMessage>>();

  // Synchronous on purpose: the message is listed in the tick it is accepted, before its broadcast leaves.
  @OnEvent(MessageCreatedEvent.eventName)
  add({ message: m, sender, persisted }: MessageCreatedEvent): void {
    if (persisted) return;
    let room = this.rooms.get(m.roomId);
    if (!room) this.rooms.set(m.roomId, (room = new Map()));
    const { id, username } = sender;
    room.set(m.seq, { _id: m.tempId, roomId: m.roomId, seq: m.seq, rev: m.seq, sender: { id, username }, body: m.body, tempId: m.tempId, createdAt: m.createdAt, isOptimistic: true });
  }

  /** The save ended (saved or failed): from now on the store answers for it, or nobody does. */
  remove(roomId: string, seq: number): void {
    const room = this.rooms.get(roomId);
    if (room?.delete(seq) && room.size === 0) this.rooms.delete(roomId);
  }

  /** Every unsaved message of this node (cluster mode: to record their tempIds again after Redis lost them). */
  all(): StreamMessage[] {
    return [...this.rooms.values()].flatMap((room) => [...room.values()]);
  }

  /** The room's unsaved messages after a position, ascending (a room's positions are accepted in order). */
  after(roomId: string, afterSeq: number): StreamMessage[] {
    const room = this.rooms.get(roomId);
    return room ? [...room.values()].filter((m) => m.seq > afterSeq) : [];
  }
}
