import { Injectable } from '@nestjs/common';
import { ChatSocket } from '../../common/ws/server-events';
import { AppConfig } from '../../config/app-config';
import { Next, SocketQuota } from '../../presence/socket-quota';
import { redisUnavailable } from '../redis-unavailable';
import { PRESENCE_PREFIX as P } from './presence.lua';
import { PresenceRedis } from './presence-redis';
import { RedisPresenceService } from './redis-presence.service';

/**
 * MAX_SOCKETS_PER_USER across the cluster: a place is a presence record (ADMIT script, one
 * round trip per handshake), so a crashed node's places expire with its sockets. A socket that
 * connects is forgotten by the disconnect handler (RedisPresenceService.removeUser); one whose
 * transport closed before it connected gives its place back here.
 */
@Injectable()
export class RedisSocketQuota extends SocketQuota {
  constructor(
    config: AppConfig,
    private readonly scripts: PresenceRedis,
    private readonly presence: RedisPresenceService,
  ) {
    super(config);
  }

  override async count(userId: string): Promise<number> {
    return this.scripts.redis.hlen(`${P}:user:${userId}`);
  }

  protected override admit(socket: ChatSocket, next: Next): void {
    const { nodeId } = this.scripts;
    // Never came online, so nobody is told; removeUser retries it later if Redis is away.
    const release = () => void this.presence.removeUser(socket.id);
    this.scripts.run('presenceAdmit', nodeId, socket.id, socket.data.user.id, this.config.maxSocketsPerUser).then(
      (admitted) => {
        if (admitted !== 1) return next(this.refusal());
        if (socket.conn.readyState !== 'open') return release(), next();
        // A connected socket's 'disconnect' comes before its transport's 'close'.
        let connected = false;
        socket.once('disconnect', () => (connected = true));
        socket.conn.once('close', () => connected || release());
        next();
      },
      (err: unknown) => next(Object.assign(new Error('server busy'), { data: redisUnavailable(err).toBody() })),
    );
  }
}
