import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { SocketAuthenticator } from '../auth/socket-auth.middleware';
import { AppError } from '../common/errors/app-error';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChatServer, ChatSocket, ReadyRoom, userChannel } from '../common/ws/server-events';
import { RoomCounters } from '../receipts/room-counters';
import { OfflineAnnouncer } from './offline-announcer';
import { PresenceService } from './presence.service';
import { SocketQuota } from './socket-quota';
import { SocketRooms } from './socket-rooms';

/** Connection lifecycle: handshake auth, room subscriptions, presence, `ready`. */
@WebSocketGateway()
export class PresenceGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(PresenceGateway.name);

  constructor(
    private readonly socketAuth: SocketAuthenticator,
    private readonly socketQuota: SocketQuota,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly socketRooms: SocketRooms,
    private readonly counters: RoomCounters,
    private readonly offline: OfflineAnnouncer,
  ) {}

  afterInit(server: ChatServer): void {
    this.realtime.attach(server);
    this.socketAuth.attach(server);
    this.socketQuota.attach(server);
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    const { id, username } = socket.data.user;
    try {
      const { rooms, cameOnline } = await this.socketRooms.connect(socket);
      // The client may have left while we awaited: then handleDisconnect found nothing to remove.
      // Nobody was told it came online, so nobody is told it went offline.
      if (socket.disconnected) return void (await this.presence.removeUser(socket.id));
      if (cameOnline && rooms.length) {
        this.realtime.to({ roomIds: rooms }).except(userChannel(id)).emit('userOnline', { userId: id });
      }
      const page = await this.counters.firstPage(id);
      socket.emit('ready', { user: { id, username }, ...page, online: await this.onlinePartners(id, page.rooms), serverTime: new Date() });
    } catch (err) {
      this.logger.error(`connection setup failed for user ${id}: ${(err as Error).message}`);
      const error = err instanceof AppError && err.code === 'SERVER.BUSY' ? err.toBody() : { code: 'STORE.UNAVAILABLE' as const, message: 'the server could not load your rooms; reconnect shortly' };
      // Say why before hanging up, so the client can back off and reconnect.
      socket.emit('exception', { event: 'connect', error });
      socket.disconnect(true);
      await this.handleDisconnect(socket);
    }
  }

  private async onlinePartners(userId: string, rooms: ReadyRoom[]): Promise<string[]> {
    const partners = rooms.filter((r) => r.kind === 'direct').flatMap((r) => (r.memberIds ?? []).filter((m) => m !== userId));
    const online = await Promise.all(partners.map((p) => this.presence.isOnline(p)));
    return partners.filter((_, i) => online[i]);
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    this.offline.announce(await this.presence.removeUser(socket.id));
  }
}
