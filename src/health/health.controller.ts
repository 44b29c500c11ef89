import { Controller, Get, HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';
import { ErrorCode } from '../common/errors/app-error';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';

// The error code /health answers with when that dependency is down (the cluster adds redis).
const CODE_WHEN_DOWN: Record<string, ErrorCode> = { store: 'STORE.UNAVAILABLE', redis: 'SERVER.BUSY' };

const UP_EXAMPLE = { status: 'ok', info: { store: { status: 'up' } }, error: {}, details: { store: { status: 'up' } } };
const DOWN_EXAMPLE = {
  statusCode: 503,
  code: 'STORE.UNAVAILABLE',
  message: 'down: store',
  status: 'error',
  info: {},
  error: { store: { status: 'down', message: 'the store does not answer' } },
  details: { store: { status: 'down', message: 'the store does not answer' } },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly indicators: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    store: StoreHealthIndicator,
    redis: RedisHealthIndicator,
  ) {
    this.indicators = [() => store.isHealthy('store')];
    if (redis.enabled) this.indicators.push(() => redis.isHealthy('redis'));
  }

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and dependencies: 200 when every dependency answers, 503 naming the ones that do not' })
  @ApiOkResponse({ description: 'every dependency is up (terminus shape)', example: UP_EXAMPLE })
  @ApiServiceUnavailableResponse({ description: 'STORE.UNAVAILABLE (the store) or SERVER.BUSY (Redis, cluster mode): a dependency is down (terminus shape plus the error fields)', example: DOWN_EXAMPLE })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.indicators);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      const code = CODE_WHEN_DOWN[down[0]] ?? 'SERVER.ERROR';
      throw new HttpException({ code, message: `down: ${down.join(', ')}`, ...result }, 503);
    }
  }
}
