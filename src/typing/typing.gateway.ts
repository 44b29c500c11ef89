import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { ChatSocket } from '../common/ws/server-events';
import { WsHandlers } from '../common/ws/ws-handlers.decorator';
import { RoomAccess } from '../rooms/room-access.service';
import { TypingDto } from './dto/typing.dto';
import { TypingService } from './typing.service';

@WebSocketGateway()
@WsHandlers()
export class TypingGateway {
  constructor(
    private readonly access: RoomAccess,
    private readonly typing: TypingService,
  ) {}

  @SubscribeMessage('typing')
  async typingChanged(@ConnectedSocket() client: ChatSocket, @MessageBody() { roomId, isTyping }: TypingDto) {
    const { id, username } = client.data.user;
    await this.access.assertMember(roomId, id);
    if (isTyping) this.typing.start(roomId, { id, username });
    else this.typing.stop(roomId, id);
    return { success: true };
  }
}
