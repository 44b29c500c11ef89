import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisClients } from '../cluster/redis-clients';

/** Cluster mode's Redis as one terminus indicator: up when it answers PING within the command timeout. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    // Absent on a single node, which has no Redis to report.
    @Optional() private readonly redis?: RedisClients,
  ) {}

  get enabled(): boolean {
    return this.redis !== undefined;
  }

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.redis!.state.ping();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: `Redis does not answer: ${(err as Error).message}` });
    }
  }
}
