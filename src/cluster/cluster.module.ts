import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RedisClients } from './redis-clients';
import { sequenceBinding } from './sequence.bindings';

/**
 * Cluster mode (DESIGN.md section 8) when REDIS_URL is set: the Redis connections, and the
 * Redis-backed bindings of state that must agree across nodes. Global for the reason the
 * store is: forRoot() opens the one set of connections. The ports are bound in both modes.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(config: AppConfig): DynamicModule {
    const cluster = Boolean(config.redisUrl);
    const ports = [sequenceBinding(cluster)];
    const tokens = ports.map((p) => p.provide);
    if (!cluster) return { module: ClusterModule, providers: ports, exports: tokens };
    return { module: ClusterModule, providers: [RedisClients, ...ports], exports: [RedisClients, ...tokens] };
  }
}
