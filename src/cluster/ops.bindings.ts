import { Provider } from '@nestjs/common';
import { MemoryRateLimits, RateLimits } from '../common/rate-limit/rate-limits';
import { ClusterRelay } from './cluster-relay.gateway';
import { RedisRateLimits } from './redis-rate-limits';

/**
 * Limits and invalidations: rate limits count in this process on one node, in Redis in
 * cluster mode; there, membership and block-list changes are also relayed to every node.
 */
export const opsBindings = (cluster: boolean): Provider[] => [
  { provide: RateLimits, useClass: cluster ? RedisRateLimits : MemoryRateLimits },
  ...(cluster ? [ClusterRelay] : []),
];
