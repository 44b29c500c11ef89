import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';

/** GET /health through @nestjs/terminus: one indicator per dependency (store now, Redis in cluster mode). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' })],
  controllers: [HealthController],
  providers: [StoreHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
