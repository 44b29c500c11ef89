import { Injectable } from '@nestjs/common';
import { AppError, storeUnavailable } from '../common/errors/app-error';
import { Room, RoomKind } from '../persistence/models';
import { RoomRepository } from '../persistence/ports';

interface CachedRoom {
  room: Room;
  members: Set<string>;
}

const MAX_CACHED_ROOMS = 100_000;

/**
 * Membership checks for the hot path: rooms are cached after the first load, so
 * authorising a message costs no I/O. Every membership change must call remember().
 */
@Injectable()
export class RoomAccess {
  private readonly cache = new Map<string, CachedRoom>();
  private readonly loading = new Map<string, Promise<CachedRoom | null>>();

  constructor(private readonly rooms: RoomRepository) {}

  /** The room, if `userId` is a member (and it is of `kind`); else ROOM.NOT_FOUND / ROOM.NOT_MEMBER. */
  async assertMember(roomId: string, userId: string, kind?: RoomKind): Promise<Room> {
    const room = await this.find(roomId, kind);
    if (!this.cache.get(roomId)?.members.has(userId)) throw new AppError('ROOM.NOT_MEMBER', `you are not a member of ${roomId}`);
    return room;
  }

  /** The room (of `kind`), or ROOM.NOT_FOUND. */
  async find(roomId: string, kind?: RoomKind): Promise<Room> {
    const entry = this.cache.get(roomId) ?? (await this.load(roomId));
    if (!entry || (kind && entry.room.kind !== kind)) throw new AppError('ROOM.NOT_FOUND', `no ${kind ?? 'room'} ${roomId}`);
    return entry.room;
  }

  remember(room: Room): void {
    this.cache.delete(room.id);
    this.cache.set(room.id, { room, members: new Set(room.memberIds) });
    if (this.cache.size > MAX_CACHED_ROOMS) this.cache.delete(this.cache.keys().next().value!);
  }

  // Concurrent misses share one load, and the cache is filled in the same tick the load
  // resolves, so sends that raced on a miss keep their arrival order.
  private load(roomId: string): Promise<CachedRoom | null> {
    let pending = this.loading.get(roomId);
    if (!pending) {
      const done = () => this.loading.delete(roomId);
      pending = this.rooms.findById(roomId).then(
        (room) => {
          done();
          if (room) this.remember(room);
          return this.cache.get(roomId) ?? null;
        },
        (err: unknown) => {
          done();
          throw storeUnavailable(err);
        },
      );
      this.loading.set(roomId, pending);
    }
    return pending;
  }
}
