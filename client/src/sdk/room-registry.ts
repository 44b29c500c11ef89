import { MessageStore } from './message-store';
import type { RoomInfo } from './types';

/** My rooms and, for each room opened or heard from, its message store. */
export class RoomRegistry {
  readonly rooms = new Map<string, RoomInfo>();
  private readonly stores = new Map<string, MessageStore>();
  /** Whether the server holds more of my rooms than listed (a bounded `ready` / paged `GET /rooms`). */
  hasMore = false;
  cursor: string | null = null;

  /** The server's view wins for counters; a store keeps the highest position it has seen. */
  merge(rooms: RoomInfo[]): void {
    for (const room of rooms) {
      const held = this.stores.get(room.id);
      this.rooms.set(room.id, { ...this.rooms.get(room.id), ...room, lastSeq: Math.max(room.lastSeq, held?.lastSeq ?? 0) });
    }
  }

  remove(roomId: string): void {
    this.rooms.delete(roomId);
    this.stores.delete(roomId);
  }

  get(roomId: string): RoomInfo | undefined {
    return this.rooms.get(roomId);
  }

  update(roomId: string, change: Partial<RoomInfo>): void {
    const room = this.rooms.get(roomId);
    if (room) this.rooms.set(roomId, { ...room, ...change });
  }

  store(roomId: string): MessageStore {
    let store = this.stores.get(roomId);
    if (!store) this.stores.set(roomId, (store = new MessageStore(this.rooms.get(roomId)?.lastSeq ?? 0)));
    return store;
  }

  /** Rooms with messages held: the ones a reconnect must catch up. */
  held(): string[] {
    return [...this.stores.keys()].filter((id) => this.rooms.has(id));
  }

  /** In the order they became known; a UI sorts as it likes. */
  list(): RoomInfo[] {
    return [...this.rooms.values()];
  }
}
