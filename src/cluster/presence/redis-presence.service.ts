import { Injectable, Logger } from '@nestjs/common';
import { UserSummary } from '../../persistence/models';
import { PresenceService, PresenceStats, SocketOwner, SocketRemoval } from '../../presence/presence.service';
import { redisUnavailable } from '../redis-unavailable';
import { PRESENCE_PREFIX as P } from './presence.lua';
import { PresenceRedis, PresenceScript } from './presence-redis';

/** A REMOVE/REAP reply: nil, or [userId, wentOffline 0|1, ...roomIds]. */
export function toRemoval(reply: unknown): SocketRemoval | null {
  if (!Array.isArray(reply)) return null;
  const [userId, wentOffline, ...roomIds] = reply as [string, number, ...string[]];
  return { userId, wentOffline: wentOffline === 1, roomIds };
}

// A failed command reaches callers as SERVER.BUSY with retryAfterMs, never as the driver's error.
const mapped = <T>(command: Promise<T>): Promise<T> =>
  command.catch((err: unknown) => {
    throw redisUnavailable(err);
  });

/**
 * Presence shared by every node (DESIGN.md section 4): one script per connect, disconnect,
 * join and leave. stats() counts the whole cluster. A crashed node's sockets are forgotten
 * by PresenceHeartbeat on a live node.
 */
@Injectable()
export class RedisPresenceService extends PresenceService {
  private readonly logger = new Logger(RedisPresenceService.name);
  /** Sockets that disconnected while Redis was away, with their owners: PresenceHeartbeat forgets them later. */
  readonly pendingRemovals = new Map<string, SocketOwner | undefined>();

  constructor(private readonly scripts: PresenceRedis) {
    super();
  }

  async addUser(socketId: string, user: UserSummary): Promise<boolean> {
    return (await this.run('presenceAdd', this.scripts.nodeId, socketId, user.id, user.username)) === 1;
  }

  // Never rejects: it runs in the disconnect handler, where a rejection would end the process.
  async removeUser(socketId: string, owner?: SocketOwner): Promise<SocketRemoval | null> {
    try {
      return toRemoval(await this.scripts.run('presenceRemove', this.scripts.nodeId, socketId));
    } catch (err) {
      if (!this.pendingRemovals.size) this.logger.warn(`presence removal deferred until Redis answers: ${(err as Error).message}`);
      this.pendingRemovals.set(socketId, owner);
      return null;
    }
  }

  /** Retries the deferred removals; returns those that took the user's last socket. */
  async retryRemovals(): Promise<SocketRemoval[]> {
    const offline: SocketRemoval[] = [];
    for (const [socketId, owner] of [...this.pendingRemovals]) {
      const removal = toRemoval(await this.run('presenceRemove', this.scripts.nodeId, socketId));
      if (removal?.wentOffline) offline.push(removal);
      // Redis came back empty: no record says the user left, so only this node can tell.
      else if (!removal && owner && !(await this.isOnline(owner.userId))) offline.push({ userId: owner.userId, wentOffline: true, roomIds: owner.roomIds });
      this.pendingRemovals.delete(socketId);
    }
    return offline;
  }

  async joinRooms(userId: string, roomIds: string[]): Promise<void> {
    if (roomIds.length) await this.run('presenceJoin', userId, ...roomIds);
  }

  async leaveRoom(userId: string, roomId: string): Promise<void> {
    await this.run('presenceLeave', userId, roomId);
  }

  async getUsersInRoom(roomId: string): Promise<UserSummary[]> {
    const flat = (await this.run('presenceMembers', roomId)) as string[];
    const users: UserSummary[] = [];
    for (let i = 0; i < flat.length; i += 2) users.push({ id: flat[i], username: flat[i + 1] });
    return users;
  }

  async isOnline(userId: string): Promise<boolean> {
    return (await mapped(this.scripts.redis.hexists(`${P}:online`, userId))) === 1;
  }

  async stats(): Promise<PresenceStats> {
    const [users, [sockets, rooms]] = await mapped(Promise.all([this.scripts.redis.hlen(`${P}:online`), this.scripts.redis.hmget(`${P}:stats`, 'sockets', 'rooms')]));
    return { users, sockets: Number(sockets ?? 0), rooms: Number(rooms ?? 0) };
  }

  private run(script: PresenceScript, ...args: Array<string | number>): Promise<unknown> {
    return mapped(this.scripts.run(script, ...args));
  }
}
