import { Injectable, Logger } from '@nestjs/common';
import { UserSummary } from '../../persistence/models';
import { PresenceService, PresenceStats, SocketRemoval } from '../../presence/presence.service';
import { PRESENCE_PREFIX as P } from './presence.lua';
import { PresenceRedis } from './presence-redis';

/** A REMOVE/REAP reply: nil, or [userId, wentOffline 0|1, ...roomIds]. */
export function toRemoval(reply: unknown): SocketRemoval | null {
  if (!Array.isArray(reply)) return null;
  const [userId, wentOffline, ...roomIds] = reply as [string, number, ...string[]];
  return { userId, wentOffline: wentOffline === 1, roomIds };
}

/**
 * Presence shared by every node (DESIGN.md section 4): one script per connect, disconnect,
 * join and leave. stats() counts the whole cluster. A crashed node's sockets are forgotten
 * by PresenceHeartbeat on a live node.
 */
@Injectable()
export class RedisPresenceService extends PresenceService {
  private readonly logger = new Logger(RedisPresenceService.name);
  /** Sockets that disconnected while Redis was away: PresenceHeartbeat forgets them later. */
  readonly pendingRemovals = new Set<string>();

  constructor(private readonly scripts: PresenceRedis) {
    super();
  }

  async addUser(socketId: string, user: UserSummary): Promise<boolean> {
    return (await this.scripts.run('presenceAdd', this.scripts.nodeId, socketId, user.id, user.username)) === 1;
  }

  // Never rejects: it runs in the disconnect handler, where a rejection would end the process.
  async removeUser(socketId: string): Promise<SocketRemoval | null> {
    try {
      return toRemoval(await this.scripts.run('presenceRemove', this.scripts.nodeId, socketId));
    } catch (err) {
      if (!this.pendingRemovals.size) this.logger.warn(`presence removal deferred until Redis answers: ${(err as Error).message}`);
      this.pendingRemovals.add(socketId);
      return null;
    }
  }

  /** Retries the deferred removals; returns those that took the user's last socket. */
  async retryRemovals(): Promise<SocketRemoval[]> {
    const offline: SocketRemoval[] = [];
    for (const socketId of [...this.pendingRemovals]) {
      const removal = toRemoval(await this.scripts.run('presenceRemove', this.scripts.nodeId, socketId));
      this.pendingRemovals.delete(socketId);
      if (removal?.wentOffline) offline.push(removal);
    }
    return offline;
  }

  async joinRooms(userId: string, roomIds: string[]): Promise<void> {
    if (roomIds.length) await this.scripts.run('presenceJoin', userId, ...roomIds);
  }

  async leaveRoom(userId: string, roomId: string): Promise<void> {
    await this.scripts.run('presenceLeave', userId, roomId);
  }

  async getUsersInRoom(roomId: string): Promise<UserSummary[]> {
    const flat = (await this.scripts.run('presenceMembers', roomId)) as string[];
    const users: UserSummary[] = [];
    for (let i = 0; i < flat.length; i += 2) users.push({ id: flat[i], username: flat[i + 1] });
    return users;
  }

  async isOnline(userId: string): Promise<boolean> {
    return (await this.scripts.redis.hexists(`${P}:online`, userId)) === 1;
  }

  async stats(): Promise<PresenceStats> {
    const [users, [sockets, rooms]] = await Promise.all([this.scripts.redis.hlen(`${P}:online`), this.scripts.redis.hmget(`${P}:stats`, 'sockets', 'rooms')]);
    return { users, sockets: Number(sockets ?? 0), rooms: Number(rooms ?? 0) };
  }
}
