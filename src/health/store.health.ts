import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { logStoreFailure } from '../common/errors/store-failure';
import { StoreHealth } from '../persistence/ports';

// A store that hangs is as down as one that refuses: a probe must answer within its own timeout.
const PING_TIMEOUT_MS = 2000;

/** The store (SQLite or MongoDB, whichever is bound) as one terminus indicator. */
@Injectable()
export class StoreHealthIndicator {
  constructor(
    private readonly store: StoreHealth,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.store.ping(), timeout]);
      return check.up();
    } catch (err) {
      logStoreFailure('health check', err);
      return check.down({ message: 'the store does not answer' });
    } finally {
      clearTimeout(timer);
    }
  }
}
