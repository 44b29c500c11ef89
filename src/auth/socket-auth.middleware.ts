import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ChatServer, ChatSocket } from '../common/ws/server-events';
import { AuthTokens } from './auth-tokens';
import { bearerToken } from './jwt-auth.guard';
import { KnownUsers } from './known-users';
import { SocketExpiry } from './socket-expiry';

type Next = (err?: Error) => void;

/**
 * Guards do not run on connect (nestjs/nest#882): the handshake is checked here.
 * A refused client sees connect_error 'unauthorized' with data.code saying why; a store
 * that cannot confirm the user gives connect_error 'unavailable' (STORE.UNAVAILABLE) instead,
 * so clients retry rather than sign out.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly tokens: AuthTokens,
    private readonly knownUsers: KnownUsers,
    private readonly expiry: SocketExpiry,
  ) {}

  attach(server: ChatServer): void {
    server.use((socket, next) => void this.authenticate(socket, next));
    // Armed on connection, not in the middleware: a socket a later middleware refuses never disconnects.
    server.on('connection', (socket) => this.expiry.watch(socket));
  }

  private async authenticate(socket: ChatSocket, next: Next): Promise<void> {
    const { auth, headers } = socket.handshake;
    const token = typeof auth?.token === 'string' ? auth.token.replace(/^Bearer\s+/i, '') : bearerToken(headers.authorization);
    try {
      const user = this.tokens.verify(token);
      await this.knownUsers.assertExists(user.id);
      socket.data.user = user;
    } catch (err) {
      return next(refusal(err));
    }
    next();
  }
}

function refusal(err: unknown): Error {
  const body = err instanceof AppError ? err.toBody() : { code: 'AUTH.INVALID_TOKEN' };
  const unavailable = body.code === 'STORE.UNAVAILABLE';
  return Object.assign(new Error(unavailable ? 'unavailable' : 'unauthorized'), { data: unavailable ? body : { code: body.code } });
}
