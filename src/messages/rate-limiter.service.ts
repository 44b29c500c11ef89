import { Injectable } from '@nestjs/common';
import { TokenBuckets } from '../common/rate-limit/token-buckets';
import { AppConfig } from '../config/app-config';

/** Messages per user: RATE_LIMIT_PER_SEC refill, RATE_LIMIT_BURST capacity. */
@Injectable()
export class RateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(config: AppConfig) {
    this.buckets = new TokenBuckets(config.rateLimitPerSec, config.rateLimitBurst, 'messages');
  }

  take(userId: string, now = Date.now()): void {
    this.buckets.take(userId, now);
  }
}
