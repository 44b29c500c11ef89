import type { ChatSocket } from './socket';
import type { RestClient } from './rest';
import type { RoomRegistry } from './room-registry';
import type { Timeline } from './timeline';

/** Reading a room: older history pages over REST, and the read marker over the socket. */
export class RoomReads {
  constructor(
    private readonly rest: RestClient,
    private readonly rooms: RoomRegistry,
    private readonly timeline: Timeline,
    private readonly timeoutMs: number,
  ) {}

  /** The next older page (the latest page first); answers whether older ones remain. */
  async loadOlder(roomId: string, limit: number): Promise<boolean> {
    const store = this.rooms.store(roomId);
    const before = store.oldestSeq();
    const page = await this.rest.history(roomId, { limit, ...(before !== undefined && { before }) });
    for (const m of page.messages) this.timeline.message({ ...m, createdAt: String(m.createdAt), state: 'confirmed' }, false);
    store.hasOlder = page.hasMore;
    return page.hasMore;
  }

  /** Moves my read marker to the room's position as held; answers whether the room changed. */
  async markRead(socket: ChatSocket | null, roomId: string): Promise<boolean> {
    const seq = this.rooms.store(roomId).lastSeq;
    if (!socket || seq === 0) return false;
    const answer = await socket.timeout(this.timeoutMs).emitWithAck('markRead', { roomId, seq });
    if (answer.success) this.rooms.update(roomId, { lastReadSeq: answer.lastReadSeq, unread: answer.unread });
    return answer.success;
  }
}
