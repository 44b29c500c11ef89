import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { AppError } from '../common/errors/app-error';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { AuthTokens } from './auth-tokens';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SocketExpiry } from './socket-expiry';

// No WsJwtGuard here: a refresh that arrives just after expiry, before SocketExpiry hangs up (a busy
// event loop runs timers late), must still be heard.
@WebSocketGateway()
@WsHandlers({ guarded: false })
export class AuthGateway {
  constructor(
    private readonly tokens: AuthTokens,
    private readonly expiry: SocketExpiry,
  ) {}

  @OnClientEvent('auth:refresh')
  refresh(@ConnectedSocket() client: ChatSocket, @MessageBody() { token }: RefreshTokenDto) {
    const next = this.tokens.verify(token);
    if (next.id !== client.data.user.id) throw new AppError('AUTH.INVALID_TOKEN', 'the token belongs to another user');
    client.data.user = next;
    this.expiry.rearm(client);
    return { success: true, expiresAt: new Date(next.exp * 1000) };
  }
}
