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
import { SocketRooms, subscribedRoomIds } from './socket-rooms';

/** Connection lifecycle: handshake auth, room subscriptions, presence, `ready`. */
@WebSocketGateway()
export class PresenceGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(PresenceGateway.name);
  /** A socket's rooms when it began to close: its removal may have to wait for Redis, which may come back empty. */
  private readonly roomsAtClose = new WeakMap<ChatSocket, string[]>();

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
    socket.once('disconnecting', () => this.roomsAtClose.set(socket, subscribedRoomIds(socket)));
    try {
      const { rooms, cameOnline } = await this.socketRooms.connect(socket);
      // The client may have left while we awaited: then handleDisconnect found nothing to remove.
      if (socket.disconnected) return await this.forgetUnannounced(socket, rooms, cameOnline);
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
    const owner = { userId: socket.data.user.id, roomIds: this.roomsAtClose.get(socket) ?? [] };
    this.offline.announce(await this.presence.removeUser(socket.id, owner));
  }

  /**
   * Nobody was told this socket came online, so its own coming and going stays unannounced. But
   * a socket of the same user (on another node) that came or went meanwhile saw this one as the
   * user's, so that change went unannounced: this removal is the last chance to announce it.
   */
  private async forgetUnannounced(socket: ChatSocket, rooms: string[], cameOnline: boolean): Promise<void> {
    const userId = socket.data.user.id;
    const removal = await this.presence.removeUser(socket.id, { userId, roomIds: rooms });
    if (!removal || removal.wentOffline === cameOnline) return;
    if (removal.wentOffline) return this.offline.announce(removal);
    if (rooms.length) this.realtime.to({ roomIds: rooms }).except(userChannel(userId)).emit('userOnline', { userId });
  }
}
