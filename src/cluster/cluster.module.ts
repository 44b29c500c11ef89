import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ClusterBindings } from './cluster-bindings';
import { opsBindings } from './ops.bindings';
import { presenceBindings } from './presence/presence.bindings';
import { RedisClients } from './redis-clients';
import { sequenceBindings } from './sequence.bindings';

/**
 * Cluster mode (DESIGN.md section 8) when REDIS_URL is set: the Redis connections, and the
 * Redis-backed bindings of state that must agree across nodes. Global for the reason the
 * store is: forRoot() opens the one set of connections. Each port's bindings choose their
 * class by mode, so the port is provided (and exported) here in both modes.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(config: AppConfig): DynamicModule {
    const bindings: ClusterBindings[] = [
      presenceBindings(config),
      opsBindings(config),
      sequenceBindings(config),
    ];
    const redis = config.redisUrl ? [RedisClients] : [];
    return {
      module: ClusterModule,
      providers: [...redis, ...bindings.flatMap((b) => b.providers)],
      exports: [...redis, ...bindings.flatMap((b) => b.exports)],
    };
  }
}
