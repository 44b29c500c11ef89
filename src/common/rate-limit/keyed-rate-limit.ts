import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error';

export interface RateLimitOptions {
  /** Prefix of this limit's keys, so several limits can share one store (Redis in cluster mode). */
  name: string;
  /** Actions allowed per window. */
  points: number;
  windowSec: number;
  /** What is counted, for the error message ("channel creations"). */
  what: string;
}

/**
 * A per-key limit on rate-limiter-flexible, made by RateLimits: in memory on one node, in
 * Redis in cluster mode; callers never learn which one they have.
 */
export class KeyedRateLimit {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly what: string,
  ) {}

  /** Counts one action of `key`, or rejects with RATE.LIMITED and the wait until the window frees one. */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (res) {
      // A store error (Redis down) is not a refusal: it reaches the caller as it is.
      if (!(res instanceof RateLimiterRes)) throw res;
      const retryAfterMs = Math.max(1, Math.ceil(res.msBeforeNext));
      throw new AppError('RATE.LIMITED', `too many ${this.what}: retry in ${retryAfterMs} ms`, { retryAfterMs });
    }
  }
}
