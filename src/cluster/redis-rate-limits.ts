import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { CounterOptions, RateLimits } from '../common/rate-limit/rate-limits';
import { RedisClients } from './redis-clients';

/**
 * Cluster mode: each counter lives in Redis (one Lua INCR+TTL per action, on the fail-fast
 * `state` connection), so a user's limit is shared by every node.
 *
 * While Redis is away, each node counts in its own memory (the insurance limiter) with the
 * same points: the cluster then admits up to N times a limit for the length of the outage,
 * but nothing is refused for want of Redis. A limit is a guard against floods, not an
 * accounting record, and the event budget runs on every socket event: refusing everything
 * during an outage would stop a cluster that can otherwise still deliver.
 *
 * A key over its limit is also blocked in this node's memory until its window ends, so a
 * flooding client costs no Redis round trip per refused request.
 */
@Injectable()
export class RedisRateLimits extends RateLimits {
  constructor(private readonly redis: RedisClients) {
    super();
  }

  counter(options: CounterOptions): RateLimiterAbstract {
    return new RateLimiterRedis({
      ...options,
      storeClient: this.redis.state,
      // Not ready (reconnecting): straight to the insurance limiter, no command attempted.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
      inMemoryBlockOnConsumed: options.points + 1,
    });
  }
}
