import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { Room, RoomSummary } from '../persistence/models';
import { MembershipRepository, RoomRepository, UserRepository } from '../persistence/ports';
import { MembershipChanges } from './membership-changes';
import { RoomAccess } from './room-access.service';

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly access: RoomAccess,
    private readonly changes: MembershipChanges,
  ) {}

  /** The DM room of two users (idempotent, symmetric); both users' sockets are subscribed at once. */
  async openDirect(me: string, otherId: string): Promise<Room> {
    if (me === otherId) throw new AppError('VALIDATION.FAILED', 'you cannot open a direct room with yourself');
    if (!(await this.users.findById(otherId))) throw new AppError('USER.NOT_FOUND', `no user ${otherId}`);
    const room = await this.rooms.findOrCreateDirect(me, otherId);
    this.changes.announce(room.id, room.memberIds, 'joined');
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
}
