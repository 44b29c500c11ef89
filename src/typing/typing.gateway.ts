import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { AppConfig } from '../config/app-config';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { RoomAccess } from '../rooms/room-access.service';
import { TypingDto } from './dto/typing.dto';
import { TypingService } from './typing.service';

@WebSocketGateway()
@WsHandlers()
export class TypingGateway {
  // Generous for a client that renews every 2-3 s, and a bound on what one user can fan out.
  private readonly limit: KeyedRateLimit;

  constructor(
    private readonly access: RoomAccess,
    private readonly typing: TypingService,
    config: AppConfig,
  ) {
    this.limit = KeyedRateLimit.inMemory({ name: 'typing', points: config.typingSignalsPer10s, windowSec: 10, what: 'typing signals' });
  }

  @OnClientEvent('typing')
  async typingChanged(@ConnectedSocket() client: ChatSocket, @MessageBody() { roomId, isTyping }: TypingDto) {
    const { id, username } = client.data.user;
    await this.limit.take(id);
    await this.access.assertMember(roomId, id);
    if (isTyping) this.typing.start(roomId, { id, username });
    else this.typing.stop(roomId, id);
    return { success: true };
  }
}
