import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ChatSocket, roomChannel, userChannel } from '../common/ws/server-events';
import { Room } from '../persistence/models';
import { MembershipSync, MembershipWatch } from '../rooms/listeners/membership-sync.listener';
import { RoomAccess } from '../rooms/room-access.service';
import { RoomsService } from '../rooms/rooms.service';
import { PresenceService } from './presence.service';

// Each attempt is one store read; only a user whose memberships change faster than that loops.
const MAX_ATTEMPTS = 5;

/**
 * Sets up a connecting socket: subscribed to its user's rooms, the user online in each. The
 * rooms are read before the subscriptions are made, so a membership change landing in between
 * would be undone; the user is watched meanwhile and the rooms read again when one lands.
 */
@Injectable()
export class SocketRooms {
  constructor(
    private readonly rooms: RoomsService,
    private readonly access: RoomAccess,
    private readonly membership: MembershipSync,
    private readonly presence: PresenceService,
  ) {}

  async connect(socket: ChatSocket): Promise<{ rooms: Room[]; cameOnline: boolean }> {
    const { id, username } = socket.data.user;
    const watch = this.membership.watch(id);
    try {
      let mark = this.access.mark();
      let rooms = await this.sync(socket, watch, []);
      // Online only once subscribed: a socket that hangs up before this was never announced.
      const cameOnline = await this.presence.addUser(socket.id, { id, username });
      for (let attempt = 1; ; attempt++) {
        await this.presence.joinRooms(id, rooms.map((r) => r.id));
        if (!watch.changed) {
          this.access.prime(rooms, mark);
          return { rooms, cameOnline };
        }
        if (attempt === MAX_ATTEMPTS) throw new AppError('SERVER.BUSY', 'your memberships keep changing: reconnect shortly', { retryAfterMs: 1000 });
        mark = this.access.mark();
        rooms = await this.sync(socket, watch, rooms);
      }
    } finally {
      watch.close();
    }
  }

  /** Reads the rooms afresh and subscribes the socket, undoing subscriptions to rooms left since `before`. */
  private async sync(socket: ChatSocket, watch: MembershipWatch, before: Room[]): Promise<Room[]> {
    const userId = socket.data.user.id;
    watch.changed = false;
    const rooms = await this.rooms.forUser(userId);
    const kept = new Set(rooms.map((r) => r.id));
    for (const room of before.filter((r) => !kept.has(r.id))) {
      await socket.leave(roomChannel(room.id));
      await this.presence.leaveRoom(userId, room.id);
    }
    await socket.join([userChannel(userId), ...rooms.map((r) => roomChannel(r.id))]);
    return rooms;
  }
}
