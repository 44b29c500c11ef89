import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RedisClients } from './redis-clients';

/**
 * Cluster mode (DESIGN.md section 8) when REDIS_URL is set: the Redis connections, and the
 * Redis-backed bindings of state that must agree across nodes. Global for the reason the
 * store is: forRoot() opens the one set of connections.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.redisUrl) return { module: ClusterModule };
    return { module: ClusterModule, providers: [RedisClients], exports: [RedisClients] };
  }
}
