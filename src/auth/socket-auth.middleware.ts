import { AppError } from '../common/errors/app-error';
import { ChatSocket } from '../common/ws/server-events';
import { AuthTokens } from './auth-tokens';
import { bearerToken } from './jwt-auth.guard';

type Next = (err?: Error) => void;

/**
 * Guards do not run on connect (nestjs/nest#882): the handshake is checked here.
 * A refused client sees connect_error 'unauthorized' with data.code saying why.
 */
export function socketAuthMiddleware(tokens: AuthTokens) {
  return (socket: ChatSocket, next: Next): void => {
    const { auth, headers } = socket.handshake;
    const token = typeof auth?.token === 'string' ? auth.token.replace(/^Bearer\s+/i, '') : bearerToken(headers.authorization);
    try {
      socket.data.user = tokens.verify(token);
      next();
    } catch (err) {
      const refusal = new Error('unauthorized') as Error & { data: unknown };
      refusal.data = { code: err instanceof AppError ? err.code : 'AUTH.INVALID_TOKEN' };
      next(refusal);
    }
  };
}
