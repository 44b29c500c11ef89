import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { RealtimeService } from '../common/ws/realtime.service';
import { Room, RoomSummary } from '../persistence/models';
import { MembershipRepository, RoomRepository, UserRepository } from '../persistence/ports';
import { PresenceService } from '../presence/presence.service';
import { RoomAccess } from './room-access.service';

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly access: RoomAccess,
    private readonly presence: PresenceService,
    private readonly realtime: RealtimeService,
  ) {}

  /** The DM room of two users (idempotent, symmetric); both users' sockets are subscribed at once. */
  async openDirect(me: string, otherId: string): Promise<Room> {
    if (me === otherId) throw new AppError('VALIDATION.FAILED', 'you cannot open a direct room with yourself');
    if (!(await this.users.findById(otherId))) throw new AppError('USER.NOT_FOUND', `no user ${otherId}`);
    const room = await this.rooms.findOrCreateDirect(me, otherId);
    await this.addedMembers(room, room.memberIds);
    return room;
  }

  listMine(userId: string): Promise<RoomSummary[]> {
    return this.rooms.summariesForUser(userId);
  }

  /** Moves the user's read marker (unreadCount in GET /rooms counts from it). */
  async markRead(userId: string, roomId: string, seq: number): Promise<{ roomId: string; lastReadSeq: number }> {
    await this.access.assertMember(roomId, userId);
    const lastReadSeq = await this.memberships.markRead(roomId, userId, seq);
    if (lastReadSeq === null) throw new AppError('ROOM.NOT_MEMBER', `you are not a member of ${roomId}`);
    return { roomId, lastReadSeq };
  }

  forUser(userId: string): Promise<Room[]> {
    return this.rooms.findForUser(userId);
  }

  /** Makes new members live: cached for authorisation, online, and subscribed on every socket. */
  async addedMembers(room: Room, userIds: string[]): Promise<void> {
    this.access.remember(room);
    await Promise.all(userIds.map((userId) => this.presence.joinRoom(userId, room.id)));
    this.realtime.subscribe(userIds, room.id);
  }

  /** After a membership change in the store: the room as it now is, cached for authorisation. */
  async reload(roomId: string): Promise<Room> {
    const room = await this.rooms.findById(roomId);
    if (!room) throw new AppError('ROOM.NOT_FOUND', `no room ${roomId}`);
    this.access.remember(room);
    return room;
  }

  /** A member left: refused from now on, offline in the room, and unsubscribed on every socket. */
  async removedMember(roomId: string, userId: string): Promise<void> {
    await this.reload(roomId);
    await this.presence.leaveRoom(userId, roomId);
    this.realtime.unsubscribe([userId], roomId);
  }
}
