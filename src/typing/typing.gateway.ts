import { ConnectedSocket, MessageBody, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';
import { ChatServer, ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { RoomAccess } from '../rooms/room-access.service';
import { TypingDto } from './dto/typing.dto';
import { TypingRelay } from './typing.relay';
import { TypingService } from './typing.service';

@WebSocketGateway()
@WsHandlers()
export class TypingGateway implements OnGatewayInit {
  // Generous for a client that renews every 2-3 s, and a bound on what one user can fan out.
  private readonly limit: KeyedRateLimit;

  constructor(
    private readonly access: RoomAccess,
    private readonly typing: TypingService,
    private readonly relay: TypingRelay,
    config: AppConfig,
    limits: RateLimits,
  ) {
    this.limit = limits.create({ name: 'typing', points: config.typingSignalsPer10s, windowSec: 10, what: 'typing signals' });
  }

  afterInit(server: ChatServer): void {
    this.relay.attach(server, (signal) => this.typing.mirror(signal));
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
