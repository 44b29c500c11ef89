import { Provider } from '@nestjs/common';
import { MemoryRateLimits, RateLimits } from '../common/rate-limit/rate-limits';
import { RedisRateLimits } from './redis-rate-limits';

/** Where rate limits count: this process on one node, Redis in cluster mode. */
export const rateLimitsBinding = (cluster: boolean): Provider => ({ provide: RateLimits, useClass: cluster ? RedisRateLimits : MemoryRateLimits });
