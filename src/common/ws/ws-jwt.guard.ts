import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ChatSocket } from './server-events';

/** Per-event check: the handshake token may have expired since the socket connected. */
@Injectable()
export class WsJwtGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToWs().getClient<ChatSocket>().data.user;
    if (!user) throw new AppError('AUTH.INVALID_TOKEN', 'not authenticated');
    if (user.exp * 1000 <= Date.now()) throw new AppError('AUTH.TOKEN_EXPIRED', 'token expired: send auth:refresh with a new token');
    return true;
  }
}
