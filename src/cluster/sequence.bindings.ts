import { ClassProvider } from '@nestjs/common';
import { NodeSequenceService } from '../messages/node-sequence.service';
import { SequenceService } from '../messages/sequence.service';
import { RedisSequenceService } from './redis-sequence.service';

/** Room positions and the cross-node idempotency window: in memory on one node, in Redis in a cluster. */
export const sequenceBinding = (cluster: boolean): ClassProvider => ({ provide: SequenceService, useClass: cluster ? RedisSequenceService : NodeSequenceService });
