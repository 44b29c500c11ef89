import { Injectable } from '@nestjs/common';
import { BlockList } from '../blocks/block-list.service';
import { AppError } from '../common/errors/app-error';
import { RealtimeService } from '../common/ws/realtime.service';
import { Room, RoomSummary } from '../persistence/models';
import { RoomRepository, UserRepository } from '../persistence/ports';
import { MembershipChanges } from './membership-changes';

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly changes: MembershipChanges,
    private readonly blocks: BlockList,
    private readonly realtime: RealtimeService,
  ) {}

  /** The DM room of two users (idempotent, symmetric); both users' sockets are subscribed at once and told once. */
  async openDirect(me: string, otherId: string): Promise<Room> {
    if (me === otherId) throw new AppError('VALIDATION.FAILED', 'you cannot open a direct room with yourself');
    if (!(await this.users.findById(otherId))) throw new AppError('USER.NOT_FOUND', `no user ${otherId}`);
    await this.blocks.assertNotBlockedBy(me, [otherId]);
    const { room, created } = await this.rooms.findOrCreateDirect(me, otherId);
    this.changes.announce(room.id, room.memberIds, 'joined');
    if (created) this.realtime.to({ userIds: room.memberIds }).emit('directCreated', { room });
    return room;
  }

  listMine(userId: string): Promise<RoomSummary[]> {
    return this.rooms.summariesForUser(userId);
  }

  forUser(userId: string): Promise<Room[]> {
    return this.rooms.findForUser(userId);
  }
}
