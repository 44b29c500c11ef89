import { AppConfig } from '../config/app-config';
import { NodeSequenceService } from '../messages/node-sequence.service';
import { SequenceService } from '../messages/sequence.service';
import { AcceptedKeysRestorer } from './accepted-keys-restorer';
import { ClusterBindings } from './cluster-bindings';
import { RedisSequenceService } from './redis-sequence.service';

/** Room positions and the cross-node idempotency window: in memory on one node, in Redis in a cluster (kept across a Redis restart). */
export function sequenceBindings(config: AppConfig): ClusterBindings {
  const restorer = config.redisUrl ? [AcceptedKeysRestorer] : [];
  return { providers: [{ provide: SequenceService, useClass: config.redisUrl ? RedisSequenceService : NodeSequenceService }, ...restorer], exports: [SequenceService] };
}
