import { AppConfig } from '../../config/app-config';

/**
 * Cluster mode: this node may have missed changes other nodes announced. The relay's
 * serverSideEmit travels over Redis pub/sub, which keeps nothing for a subscriber that is
 * away, so after its Redis connection dropped a node cannot know what it missed. Every cache
 * of a decision another node can change (membership, block lists) then drops all it holds.
 */
export class ChangesMissedEvent {
  static readonly eventName = 'cluster.changes-missed';
}

/**
 * Cluster mode: the longest such a cache keeps an entry, which bounds how long a node answers
 * from a change it missed without noticing a drop (a PUBLISH that reached Redis before this
 * node had subscribed again). One node keeps entries until a change drops them, as before.
 */
export const CLUSTER_CACHE_TTL_MS = 30_000;

export const sharedCacheTtl = (config: AppConfig): { ttl?: number } => (config.redisUrl ? { ttl: CLUSTER_CACHE_TTL_MS } : {});
