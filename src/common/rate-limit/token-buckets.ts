import { AppError } from '../errors/app-error';

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_ABOVE = 10_000;

/** One token bucket per key: `perSec` refill, `burst` capacity; memory only for keys not yet full again. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(
    private readonly perSec: number,
    private readonly burst: number,
    private readonly what: string,
  ) {}

  /** Takes one token or throws RATE.LIMITED with the wait until the next one. */
  take(key: string, now = Date.now()): void {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSec);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfterMs = Math.ceil(((1 - bucket.tokens) / this.perSec) * 1000);
      throw new AppError('RATE.LIMITED', `too many ${this.what}: retry in ${retryAfterMs} ms`, { retryAfterMs });
    }
    bucket.tokens -= 1;
    if (this.buckets.size > SWEEP_ABOVE && now - this.sweptAt > 1000) this.sweep(now);
  }

  // A full bucket is the same as none: dropping it keeps idle keys free of memory.
  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSec >= this.burst) this.buckets.delete(key);
    }
  }
}
