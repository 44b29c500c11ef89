import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ChatSocket, roomChannel, userChannel } from '../common/ws/server-events';
import { MembershipSync, MembershipWatch } from '../rooms/listeners/membership-sync.listener';
import { RoomsService } from '../rooms/rooms.service';
import { PresenceService } from './presence.service';

const ROOM_CHANNEL = /^room:(.+)$/;

/** The ids of the rooms a socket is subscribed to (empty once it disconnected: read it on 'disconnecting'). */
export const subscribedRoomIds = (socket: ChatSocket): string[] => [...socket.rooms].flatMap((channel) => ROOM_CHANNEL.exec(channel)?.[1] ?? []);

// Each attempt is one store read; only a user whose memberships change faster than that loops.
const MAX_ATTEMPTS = 5;

/**
 * Sets up a connecting socket: subscribed to every room of its user (ids only: a user in tens of
 * thousands of rooms costs one index read, no members), the user online in each. The rooms are
 * read before the subscriptions are made, so a membership change landing in between would be
 * undone; the user is watched meanwhile and the rooms read again when one lands.
 */
@Injectable()
export class SocketRooms {
  constructor(
    private readonly rooms: RoomsService,
    private readonly membership: MembershipSync,
    private readonly presence: PresenceService,
  ) {}

  /** The ids of the rooms the socket is subscribed to, and whether the user just came online. */
  async connect(socket: ChatSocket): Promise<{ rooms: string[]; cameOnline: boolean }> {
    const { id, username } = socket.data.user;
    const watch = this.membership.watch(id);
    try {
      let rooms = await this.sync(socket, watch, []);
      // Online only once subscribed: a socket that hangs up before this was never announced.
      const cameOnline = await this.presence.addUser(socket.id, { id, username });
      for (let attempt = 1; ; attempt++) {
        await this.presence.joinRooms(id, rooms);
        if (!watch.changed) return { rooms, cameOnline };
        if (attempt === MAX_ATTEMPTS) throw new AppError('SERVER.BUSY', 'your memberships keep changing: reconnect shortly', { retryAfterMs: 1000 });
        rooms = await this.sync(socket, watch, rooms);
      }
    } finally {
      watch.close();
    }
  }

  /** Reads the room ids afresh and subscribes the socket, undoing subscriptions to rooms left since `before`. */
  private async sync(socket: ChatSocket, watch: MembershipWatch, before: string[]): Promise<string[]> {
    const userId = socket.data.user.id;
    watch.changed = false;
    const rooms = await this.rooms.roomIds(userId);
    const kept = new Set(rooms);
    for (const roomId of before.filter((r) => !kept.has(r))) {
      await socket.leave(roomChannel(roomId));
      await this.presence.leaveRoom(userId, roomId);
    }
    await socket.join([userChannel(userId), ...rooms.map(roomChannel)]);
    return rooms;
  }
}
