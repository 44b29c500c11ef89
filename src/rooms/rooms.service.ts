import { Injectable } from '@nestjs/common';
import { BlockList } from '../blocks/block-list.service';
import { AppError } from '../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../common/http/page-cursor';
import { RealtimeService } from '../common/ws/realtime.service';
import { Room, RoomSummaryPage } from '../persistence/models';
import { RoomRepository, UserRepository } from '../persistence/ports';
import { PresenceService } from '../presence/presence.service';
import { MembershipChanges } from './membership-changes';

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly changes: MembershipChanges,
    private readonly blocks: BlockList,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  /** The DM room of two users (idempotent, symmetric); both users' sockets are subscribed at once and told once. */
  async openDirect(me: string, otherId: string): Promise<Room> {
    if (me === otherId) throw new AppError('VALIDATION.FAILED', 'you cannot open a direct room with yourself');
    if (!(await this.users.findById(otherId))) throw new AppError('USER.NOT_FOUND', `no user ${otherId}`);
    await this.blocks.assertNotBlockedBy(me, [otherId]);
    const { room, created } = await this.rooms.findOrCreateDirect(me, otherId);
    await this.changes.announce(room.id, room.memberIds, 'joined');
    if (created) await this.announceDirect(room);
    return room;
  }

  /** Both members hear of the new room, and which of them is online (later changes come as userOnline/userOffline). */
  private async announceDirect(room: Room): Promise<void> {
    const online = (await Promise.all(room.memberIds.map(async (id) => ((await this.presence.isOnline(id)) ? [id] : [])))).flat();
    this.realtime.to({ userIds: room.memberIds }).emit('directCreated', { room, online });
  }

  /** A page of my rooms, most recently active first; `nextCursor` continues it (null on the last page). */
  async listMine(userId: string, q: { cursor?: string; limit: number }): Promise<RoomSummaryPage & { nextCursor: string | null }> {
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'cursor');
    const page = await this.rooms.summariesForUser(userId, { after: after && { activeAt: after.at, roomId: after.id }, limit: q.limit });
    const last = page.rooms[page.rooms.length - 1];
    return { ...page, nextCursor: page.hasMore ? encodeCursor({ at: last.lastActivityAt.getTime(), id: last.id }) : null };
  }

  /** Every room id of the user: what a connecting socket subscribes to. */
  roomIds(userId: string): Promise<string[]> {
    return this.rooms.roomIdsForUser(userId);
  }
}
