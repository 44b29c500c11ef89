import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ChatServer, ChatSocket } from '../common/ws/server-events';

export type Next = (err?: Error) => void;

/**
 * Caps the sockets one user holds (MAX_SOCKETS_PER_USER): one account opening thousands of
 * connections would otherwise cost everyone memory and file descriptors. This class counts
 * the sockets of one node; cluster mode binds RedisSocketQuota, which counts every node's.
 * Runs as a handshake middleware after authentication, so a refused client sees
 * connect_error 'too many connections' (data.code RATE.LIMITED) and never connects.
 */
@Injectable()
export class SocketQuota {
  private readonly open = new Map<string, number>();

  constructor(protected readonly config: AppConfig) {}

  attach(server: ChatServer): void {
    server.use((socket, next) => this.admit(socket, next));
  }

  /** Sockets of this user counted. */
  async count(userId: string): Promise<number> {
    return this.held(userId);
  }

  protected refusal(): Error {
    const refusal = new Error('too many connections');
    return Object.assign(refusal, { data: { code: 'RATE.LIMITED', message: `at most ${this.config.maxSocketsPerUser} connections per user` } });
  }

  protected admit(socket: ChatSocket, next: Next): void {
    const userId = socket.data.user.id;
    const held = this.held(userId);
    if (held >= this.config.maxSocketsPerUser) return next(this.refusal());
    // Already closed: Socket.IO drops this socket itself, and no 'close' would free a place.
    if (socket.conn.readyState !== 'open') return next();
    this.open.set(userId, held + 1);
    // Socket.IO drops a socket whose transport closed during the handshake without a
    // 'disconnect', so the transport's close frees the place too, whichever comes first.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = this.held(userId) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    next();
  }

  private held(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}
