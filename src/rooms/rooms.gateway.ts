import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { ChatSocket, roomChannel } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { PresenceService } from '../presence/presence.service';
import { RoomIdDto } from './dto/room.dto';
import { RoomAccess } from './room-access.service';

@WebSocketGateway()
@WsHandlers()
export class RoomsGateway {
  constructor(
    private readonly access: RoomAccess,
    private readonly presence: PresenceService,
  ) {}

  @OnClientEvent('joinRoom')
  async joinRoom(@ConnectedSocket() client: ChatSocket, @MessageBody() { roomId }: RoomIdDto) {
    const user = client.data.user;
    await this.access.assertMember(roomId, user.id);
    await client.join(roomChannel(roomId));
    // A leave announced while joining would be undone by the join: check again, now subscribed.
    await this.access.assertMember(roomId, user.id).catch(async (err: unknown) => {
      await client.leave(roomChannel(roomId));
      throw err;
    });
    await this.presence.joinRoom(user.id, roomId);
    const online = await this.presence.getUsersInRoom(roomId);
    return { success: true, roomId, connectedUsers: online.map((u) => ({ userId: u.id, username: u.username })) };
  }

  @OnClientEvent('leaveRoom')
  async leaveRoom(@ConnectedSocket() client: ChatSocket, @MessageBody() { roomId }: RoomIdDto) {
    await this.access.assertMember(roomId, client.data.user.id);
    await client.leave(roomChannel(roomId));
    return { success: true, roomId };
  }

}
