import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { AuthTokens } from '../auth/auth-tokens';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChatServer, ChatSocket, roomChannel, userChannel } from '../common/ws/server-events';
import { socketAuthMiddleware } from '../common/ws/socket-auth.middleware';
import { Room } from '../persistence/models';
import { RoomAccess } from '../rooms/room-access.service';
import { RoomsService } from '../rooms/rooms.service';
import { MetricsService } from '../metrics/metrics.service';
import { PresenceService } from './presence.service';

/** Connection lifecycle: handshake auth, room subscriptions, presence, `ready`. */
@WebSocketGateway()
export class PresenceGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(PresenceGateway.name);

  constructor(
    private readonly tokens: AuthTokens,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly rooms: RoomsService,
    private readonly access: RoomAccess,
    metrics: MetricsService,
  ) {
    metrics.gauge('chat_sockets', 'Connected sockets', async () => (await presence.stats()).sockets);
    metrics.gauge('chat_online_users', 'Users with at least one socket', async () => (await presence.stats()).users);
  }

  afterInit(server: ChatServer): void {
    this.realtime.attach(server);
    server.use(socketAuthMiddleware(this.tokens));
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    const { id, username } = socket.data.user;
    try {
      const rooms = await this.rooms.forUser(id);
      rooms.forEach((room) => this.access.remember(room));
      await socket.join([userChannel(id), ...rooms.map((r) => roomChannel(r.id))]);
      const cameOnline = await this.presence.addUser(socket.id, { id, username });
      await Promise.all(rooms.map((r) => this.presence.joinRoom(id, r.id)));
      // The client may have left while we awaited: then handleDisconnect found nothing to remove.
      // Nobody was told it came online, so nobody is told it went offline.
      if (socket.disconnected) return void (await this.presence.removeUser(socket.id));
      if (cameOnline && rooms.length) {
        this.realtime.to({ roomIds: rooms.map((r) => r.id) }).except(userChannel(id)).emit('userOnline', { userId: id });
      }
      socket.emit('ready', { user: { id, username }, rooms, online: await this.onlinePartners(id, rooms), serverTime: new Date() });
    } catch (err) {
      this.logger.error(`connection setup failed for user ${id}: ${(err as Error).message}`);
      // Say why before hanging up, so the client can back off and reconnect.
      socket.emit('exception', { event: 'connect', error: { code: 'STORE.UNAVAILABLE', message: 'the server could not load your rooms; reconnect shortly' } });
      socket.disconnect(true);
      await this.handleDisconnect(socket);
    }
  }

  private async onlinePartners(userId: string, rooms: Room[]): Promise<string[]> {
    const partners = rooms.filter((r) => r.kind === 'direct').flatMap((r) => r.memberIds.filter((m) => m !== userId));
    const online = await Promise.all(partners.map((p) => this.presence.isOnline(p)));
    return partners.filter((_, i) => online[i]);
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    const removal = await this.presence.removeUser(socket.id);
    if (removal?.wentOffline && removal.roomIds.length) {
      this.realtime.to({ roomIds: removal.roomIds }).emit('userOffline', { userId: removal.userId });
    }
  }
}
