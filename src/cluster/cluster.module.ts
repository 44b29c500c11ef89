import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { opsBindings } from './ops.bindings';
import { RedisClients } from './redis-clients';

/**
 * Cluster mode (DESIGN.md section 8) when REDIS_URL is set: the Redis connections, and the
 * Redis-backed bindings of state that must agree across nodes. Global for the reason the
 * store is: forRoot() opens the one set of connections. The ports it binds are provided in
 * both modes (the in-memory class on one node), so feature modules never ask which.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(config: AppConfig): DynamicModule {
    const cluster = Boolean(config.redisUrl);
    const providers: Provider[] = [...(cluster ? [RedisClients] : []), ...opsBindings(cluster)];
    return { module: ClusterModule, providers, exports: providers };
  }
}
