import { Injectable } from '@nestjs/common';
import { ChatSocket } from '../common/ws/server-events';

// setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days): longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends a socket when its token expires, so an expired token stops receiving, not only
 * sending. The timer follows socket.data.user.exp, which `auth:refresh` moves: rearm then.
 */
@Injectable()
export class SocketExpiry {
  private readonly timers = new WeakMap<ChatSocket, NodeJS.Timeout>();

  watch(socket: ChatSocket): void {
    socket.once('disconnect', () => clearTimeout(this.timers.get(socket)));
    this.rearm(socket);
  }

  rearm(socket: ChatSocket): void {
    clearTimeout(this.timers.get(socket));
    if (socket.disconnected) return;
    const waitMs = socket.data.user.exp * 1000 - Date.now();
    if (waitMs <= 0) return this.expire(socket);
    const timer = setTimeout(() => this.rearm(socket), Math.min(waitMs, MAX_TIMER_MS));
    // A pending expiry alone must not keep the process (or a test run) alive.
    timer.unref();
    this.timers.set(socket, timer);
  }

  private expire(socket: ChatSocket): void {
    // Say why before hanging up: the client should sign in again, not reconnect with the same token.
    socket.emit('exception', { event: 'auth', error: { code: 'AUTH.TOKEN_EXPIRED', message: 'token expired: sign in again, or send auth:refresh before expiry' } });
    socket.disconnect(true);
  }
}
