import { Injectable } from '@nestjs/common';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';

/**
 * Messages per user: RATE_LIMIT_BURST per window of RATE_LIMIT_BURST / RATE_LIMIT_PER_SEC
 * seconds, so the average is RATE_LIMIT_PER_SEC and a burst may spend the window at once.
 */
@Injectable()
export class RateLimiter {
  private readonly limit: KeyedRateLimit;

  constructor(config: AppConfig, limits: RateLimits) {
    this.limit = RateLimiter.perUser(config, limits, 'messages', 'messages');
  }

  /** RATE_LIMIT_BURST actions per window of RATE_LIMIT_BURST / RATE_LIMIT_PER_SEC seconds, per user. */
  static perUser(config: AppConfig, limits: RateLimits, name: string, what: string): KeyedRateLimit {
    return limits.perSecond({ name, perSec: config.rateLimitPerSec, burst: config.rateLimitBurst, what });
  }

  /** Rejects with RATE.LIMITED (retryAfterMs) when the user is over the limit. */
  take(userId: string): Promise<void> {
    return this.limit.take(userId);
  }
}
