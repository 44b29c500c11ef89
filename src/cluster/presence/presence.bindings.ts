import { AppConfig } from '../../config/app-config';
import { InMemoryPresenceService } from '../../presence/in-memory-presence.service';
import { PresenceService } from '../../presence/presence.service';
import { SocketQuota } from '../../presence/socket-quota';
import { ClusterBindings } from '../cluster-bindings';
import { PresenceHeartbeat } from './presence-heartbeat';
import { PresenceRedis } from './presence-redis';
import { RedisPresenceService } from './redis-presence.service';
import { RedisSocketQuota } from './redis-socket-quota';

/** Presence and the socket quota: this process's maps on one node, Redis records in cluster mode. */
export function presenceBindings(config: AppConfig): ClusterBindings {
  const exports = [PresenceService, SocketQuota];
  if (!config.redisUrl) return { providers: [{ provide: PresenceService, useClass: InMemoryPresenceService }, SocketQuota], exports };
  return {
    providers: [PresenceRedis, RedisPresenceService, PresenceHeartbeat, { provide: PresenceService, useExisting: RedisPresenceService }, { provide: SocketQuota, useClass: RedisSocketQuota }],
    exports,
  };
}
