import type { StreamMessage } from '../../../src/common/ws/client-events';
import type { ChatSocket } from './socket';
import { iso, type ChatMessage } from './types';

/** Rooms per `sync` call: the server takes at most 500 and bounds one answer's messages. */
const ROOMS_PER_CALL = 100;

export interface CatchUpTarget {
  afterSeq(roomId: string): number;
  /** Messages missed in a room, ascending, and the room's position now (undefined while more pages follow). */
  apply(roomId: string, messages: ChatMessage[], lastSeq?: number): void;
}

export const fromStored = (m: StreamMessage): ChatMessage => ({
  tempId: m.tempId,
  _id: m._id,
  roomId: m.roomId,
  sender: m.sender,
  body: m.body,
  seq: m.seq,
  createdAt: iso(m.createdAt),
  state: m.isOptimistic ? 'pending' : 'confirmed',
});

/**
 * `sync` (DESIGN.md 10): every message after the position a room's store holds, paged while
 * the server says `hasMore`. Used after every (re)connect and whenever a live seq skips one.
 */
export async function catchUp(socket: ChatSocket, roomIds: string[], target: CatchUpTarget, timeoutMs: number): Promise<void> {
  let pending = roomIds;
  while (pending.length) {
    const batch = pending.slice(0, ROOMS_PER_CALL);
    const answer = await socket.timeout(timeoutMs).emitWithAck('sync', { rooms: batch.map((roomId) => ({ roomId, afterSeq: target.afterSeq(roomId) })) });
    if (!answer.success) throw new Error(`sync refused: ${answer.error.code}`);
    const again: string[] = [];
    for (const room of answer.rooms) {
      if ('error' in room) continue;
      target.apply(room.roomId, room.messages.map(fromStored), room.hasMore ? undefined : room.lastSeq);
      if (room.hasMore) again.push(room.roomId);
    }
    pending = [...again, ...pending.slice(ROOMS_PER_CALL)];
  }
}
