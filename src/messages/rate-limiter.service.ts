import { Injectable } from '@nestjs/common';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { AppConfig } from '../config/app-config';

/**
 * Messages per user: RATE_LIMIT_BURST per window of RATE_LIMIT_BURST / RATE_LIMIT_PER_SEC
 * seconds, so the average is RATE_LIMIT_PER_SEC and a burst may spend the window at once.
 */
@Injectable()
export class RateLimiter {
  private readonly limit: KeyedRateLimit;

  constructor(config: AppConfig) {
    const windowSec = Math.max(1, Math.round(config.rateLimitBurst / config.rateLimitPerSec));
    this.limit = KeyedRateLimit.inMemory({ name: 'messages', points: config.rateLimitBurst, windowSec, what: 'messages' });
  }

  /** Rejects with RATE.LIMITED (retryAfterMs) when the user is over the limit. */
  take(userId: string): Promise<void> {
    return this.limit.take(userId);
  }
}
