import { AppConfig } from '../config/app-config';
import { MemoryRateLimits, RateLimits } from '../common/rate-limit/rate-limits';
import { ClusterBindings } from './cluster-bindings';
import { ClusterRelay } from './cluster-relay.gateway';
import { RedisRateLimits } from './redis-rate-limits';

/**
 * Limits and invalidations: rate limits count in this process on one node, in Redis in
 * cluster mode; there, membership and block-list changes are also relayed to every node.
 */
export function opsBindings(config: AppConfig): ClusterBindings {
  const exports = [RateLimits];
  if (!config.redisUrl) return { providers: [{ provide: RateLimits, useClass: MemoryRateLimits }], exports };
  return { providers: [{ provide: RateLimits, useClass: RedisRateLimits }, ClusterRelay], exports };
}
