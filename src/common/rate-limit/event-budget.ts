import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AppError, ErrorBody } from '../errors/app-error';
import { KeyedRateLimit } from './keyed-rate-limit';
import { MemoryRateLimits } from './rate-limits';

/**
 * One budget per user for everything a client asks of the server: every socket event (unknown
 * and invalid ones too, counted before guards and pipes) and every REST write. Per-feature
 * limits (messages, channel creations) still apply on top; this one stops a mixed flood of
 * cheap requests, each under its own limit, from taking the event loop from everyone else.
 * EVENT_BUDGET_BURST per window of EVENT_BUDGET_BURST / EVENT_BUDGET_PER_SEC seconds.
 *
 * Counted in this process, in cluster mode too: what it protects is this node's event loop, and
 * a Redis round trip on every socket event would cost every event what it guards against (the
 * cluster-wide socket cap bounds what a user can spread over nodes). The per-feature limits
 * (messages, creations, invites, sign-ins) are the cluster-wide ones.
 */
@Injectable()
export class EventBudget {
  private readonly limit: KeyedRateLimit;

  constructor(config: AppConfig) {
    this.limit = new MemoryRateLimits().perSecond({ name: 'event-budget', perSec: config.eventBudgetPerSec, burst: config.eventBudgetBurst, what: 'requests' });
  }

  /** Counts one request of `key`; rejects with RATE.LIMITED (retryAfterMs) once over budget. */
  take(key: string): Promise<void> {
    return this.limit.take(key);
  }

  /** take() for the socket path: the refusal as an error body instead of a rejection, null when admitted. */
  async refusal(key: string): Promise<ErrorBody | null> {
    try {
      await this.limit.take(key);
      return null;
    } catch (err) {
      if (err instanceof AppError) return err.toBody();
      throw err;
    }
  }
}
