import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { LRUCache } from 'lru-cache';
import { BlockList } from '../blocks/block-list.service';
import { ChangesMissedEvent, sharedCacheTtl } from '../common/cluster/changes-missed.event';
import { AppError, storeUnavailable } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { Room, RoomKind } from '../persistence/models';
import { RoomRepository } from '../persistence/ports';
import { MembershipChangedEvent } from './events/membership-changed.event';

interface CachedRoom {
  room: Room;
  members: Set<string>;
}

interface PendingLoad {
  result: Promise<CachedRoom | null>;
  /** A membership change landed while the store was read: the result may predate it. */
  stale: boolean;
}

const MAX_CACHED_ROOMS = 100_000;

/**
 * Membership checks for the hot path: a warm cache costs no I/O. The cache never outlives
 * the store: every membership.changed drops the room, so the next check reads it afresh.
 * Cluster mode can miss another node's change (ChangesMissedEvent): entries expire there.
 */
@Injectable()
export class RoomAccess {
  private readonly cache: LRUCache<string, CachedRoom>;
  private readonly loading = new Map<string, PendingLoad>();

  constructor(private readonly rooms: RoomRepository, private readonly blocks: BlockList, config: AppConfig) {
    this.cache = new LRUCache<string, CachedRoom>({ max: MAX_CACHED_ROOMS, ...sharedCacheTtl(config) });
  }

  /** The room, if `userId` is a member (and it is of `kind`); else ROOM.NOT_FOUND / ROOM.NOT_MEMBER. */
  async assertMember(roomId: string, userId: string, kind?: RoomKind): Promise<Room> {
    const entry = await this.entry(roomId, kind);
    if (!entry.members.has(userId)) throw new AppError('ROOM.NOT_MEMBER', `you are not a member of ${roomId}`);
    return entry.room;
  }

  /** As assertMember; in a DM also USER.BLOCKED when the other member has blocked the sender (a cached set: no I/O when warm). */
  async assertMaySend(roomId: string, userId: string, kind?: RoomKind): Promise<Room> {
    const room = await this.assertMember(roomId, userId, kind);
    if (room.kind === 'direct') await this.blocks.assertNotBlockedBy(userId, room.memberIds.filter((id) => id !== userId));
    return room;
  }

  /** The room (of `kind`), or ROOM.NOT_FOUND. */
  async find(roomId: string, kind?: RoomKind): Promise<Room> {
    return (await this.entry(roomId, kind)).room;
  }

  @OnEvent(MembershipChangedEvent.eventName)
  forget({ roomId }: MembershipChangedEvent): void {
    this.cache.delete(roomId);
    const pending = this.loading.get(roomId);
    if (pending) pending.stale = true;
    this.loading.delete(roomId);
  }

  @OnEvent(ChangesMissedEvent.eventName)
  forgetAll(): void {
    this.cache.clear();
    this.loading.forEach((pending) => (pending.stale = true));
    this.loading.clear();
  }

  private async entry(roomId: string, kind?: RoomKind): Promise<CachedRoom> {
    const entry = this.cache.get(roomId) ?? (await this.load(roomId));
    if (!entry || (kind && entry.room.kind !== kind)) throw new AppError('ROOM.NOT_FOUND', `no ${kind ?? 'room'} ${roomId}`);
    return entry;
  }

  // Concurrent misses share one load, and the cache is filled in the same tick the load
  // resolves, so sends that raced on a miss keep their arrival order.
  private load(roomId: string): Promise<CachedRoom | null> {
    const existing = this.loading.get(roomId);
    if (existing) return existing.result;
    const pending: PendingLoad = { stale: false, result: Promise.resolve(null) };
    pending.result = this.rooms.findById(roomId).then(
      (room) => {
        if (pending.stale) return this.load(roomId);
        this.loading.delete(roomId);
        if (room) this.cache.set(roomId, { room, members: new Set(room.memberIds) });
        return this.cache.get(roomId) ?? null;
      },
      (err: unknown) => {
        if (!pending.stale) this.loading.delete(roomId);
        throw storeUnavailable(err);
      },
    );
    this.loading.set(roomId, pending);
    return pending.result;
  }
}
