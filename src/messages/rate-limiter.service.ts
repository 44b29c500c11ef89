import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_ABOVE = 10_000;

/** Token bucket per user: RATE_LIMIT_PER_SEC refill, RATE_LIMIT_BURST capacity. */
@Injectable()
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(private readonly config: AppConfig) {}

  /** Takes one token or throws RATE.LIMITED with the wait until the next one. */
  take(userId: string, now = Date.now()): void {
    const { rateLimitPerSec: rate, rateLimitBurst: burst } = this.config;
    const bucket = this.buckets.get(userId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(userId, bucket);
      const retryAfterMs = Math.ceil(((1 - bucket.tokens) / rate) * 1000);
      throw new AppError('RATE.LIMITED', `too many messages: retry in ${retryAfterMs} ms`, { retryAfterMs });
    }
    bucket.tokens -= 1;
    this.buckets.set(userId, bucket);
    if (this.buckets.size > SWEEP_ABOVE && now - this.sweptAt > 1000) this.sweep(now);
  }

  // A full bucket is the same as none: dropping it keeps idle users free of memory.
  private sweep(now: number): void {
    this.sweptAt = now;
    const { rateLimitPerSec: rate, rateLimitBurst: burst } = this.config;
    for (const [userId, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * rate >= burst) this.buckets.delete(userId);
    }
  }
}
