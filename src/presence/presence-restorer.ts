import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RealtimeService } from '../common/ws/realtime.service';
import { userChannel } from '../common/ws/server-events';
import { PresenceLostEvent } from './events/presence-lost.event';
import { PresenceService } from './presence.service';
import { subscribedRoomIds } from './socket-rooms';

/**
 * Registers this node's sockets again after their records were lost, from what Socket.IO
 * still holds (the user, the subscribed rooms). A user a live node took offline meanwhile is
 * announced online again; for the others re-adding changes nothing anyone sees.
 */
@Injectable()
export class PresenceRestorer {
  private readonly logger = new Logger(PresenceRestorer.name);

  constructor(
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  // Errors reach the heartbeat (emitAsync), which retries on its next beat.
  @OnEvent(PresenceLostEvent.eventName, { suppressErrors: false })
  async restore(): Promise<void> {
    const sockets = this.realtime.localSockets();
    for (const socket of sockets) {
      const { id, username } = socket.data.user;
      const roomIds = subscribedRoomIds(socket);
      const cameOnline = await this.presence.addUser(socket.id, { id, username });
      await this.presence.joinRooms(id, roomIds);
      if (cameOnline && roomIds.length) this.realtime.to({ roomIds }).except(userChannel(id)).emit('userOnline', { userId: id });
    }
    this.logger.warn(`presence records were lost: registered this node's ${sockets.length} sockets again`);
  }
}
