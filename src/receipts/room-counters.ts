import { Injectable } from '@nestjs/common';
import { ReadyPayload, ReadyRoom } from '../common/ws/server-events';
import { SequenceService } from '../messages/sequence.service';
import { RoomSummary } from '../persistence/models';
import { RoomsService } from '../rooms/rooms.service';

/** `ready` carries this many rooms (the most recently active); GET /rooms?cursor=roomsCursor goes on. */
export const READY_ROOMS = 100;

/** The rooms of `ready`: the first page of the user's room list, each with its counters. */
@Injectable()
export class RoomCounters {
  constructor(
    private readonly rooms: RoomsService,
    private readonly sequence: SequenceService,
  ) {}

  async firstPage(userId: string): Promise<Pick<ReadyPayload, 'rooms' | 'roomsHasMore' | 'roomsCursor'>> {
    const page = await this.rooms.listMine(userId, { limit: READY_ROOMS });
    const positions = await Promise.all(page.rooms.map((room) => this.sequence.last(room.id)));
    return { rooms: page.rooms.map((room, i) => this.counted(room, positions[i])), roomsHasMore: page.hasMore, roomsCursor: page.nextCursor };
  }

  // No lastMessage: bodies would make `ready` grow with message length; GET /rooms has them.
  private counted(room: RoomSummary, position: number | undefined): ReadyRoom {
    // The counter may be ahead of the store (accepted, not yet saved); never behind it.
    const lastSeq = Math.max(position ?? 0, room.lastSeq);
    const { id, kind, name, description, isPrivate, memberIds, memberCount, createdAt, lastActivityAt, lastReadSeq } = room;
    return { id, kind, name, description, isPrivate, ...(memberIds && { memberIds }), memberCount, createdAt, lastActivityAt, lastSeq, lastReadSeq, unread: room.unreadCount };
  }
}
