import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import { KeyedRateLimit, RateLimitOptions } from './keyed-rate-limit';

/** What a counter needs to know: its key prefix, points per window, the window in seconds. */
export interface CounterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * Where rate limits count: in this process on one node, in Redis in cluster mode (so a user's
 * limit is the same whichever node a request lands on). Every limit is made here; the
 * binding is chosen once, in ClusterModule.
 */
export abstract class RateLimits {
  /** A bare rate-limiter-flexible counter, for limits with their own rules (LoginThrottle). */
  abstract counter(options: CounterOptions): RateLimiterAbstract;

  create({ name, points, windowSec, what }: RateLimitOptions): KeyedRateLimit {
    return new KeyedRateLimit(this.counter({ keyPrefix: name, points, duration: windowSec }), what);
  }

  /** `burst` actions per window of burst / perSec seconds: the average rate and the burst of a token bucket, in a fixed window. */
  perSecond({ name, perSec, burst, what }: { name: string; perSec: number; burst: number; what: string }): KeyedRateLimit {
    return this.create({ name, points: burst, windowSec: Math.max(1, Math.round(burst / perSec)), what });
  }
}

/** One node: counters in this process. */
@Injectable()
export class MemoryRateLimits extends RateLimits {
  counter(options: CounterOptions): RateLimiterAbstract {
    return new RateLimiterMemory(options);
  }
}
