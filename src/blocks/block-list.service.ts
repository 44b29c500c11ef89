import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { LRUCache } from 'lru-cache';
import { ChangesMissedEvent, sharedCacheTtl } from '../common/cluster/changes-missed.event';
import { AppError, storeUnavailable } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { BlockRepository, UserRepository } from '../persistence/ports';
import { BlockListChangedEvent } from './events/block-list-changed.event';

const MAX_CACHED_USERS = 100_000;

/**
 * Who has blocked whom, with each blocker's list cached as a set: the send path asks on every
 * DM message, so a warm check costs no I/O. Every block and unblock goes through here and
 * drops the blocker's entry on every node (BlockListChangedEvent) before it answers, so a
 * check never answers from a list older than the store's. Cluster mode can miss another
 * node's change (ChangesMissedEvent): entries expire there, and all go when one may be missed.
 */
@Injectable()
export class BlockList {
  private readonly cache: LRUCache<string, Set<string>>;
  private changes = 0;

  constructor(
    private readonly blocks: BlockRepository,
    private readonly users: UserRepository,
    private readonly events: EventEmitter2,
    config: AppConfig,
  ) {
    this.cache = new LRUCache<string, Set<string>>({ max: MAX_CACHED_USERS, ...sharedCacheTtl(config) });
  }

  async block(blockerId: string, blockedId: string): Promise<void> {
    await this.assertOther(blockerId, blockedId);
    await this.blocks.block(blockerId, blockedId).finally(() => this.announce(blockerId));
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.assertOther(blockerId, blockedId);
    await this.blocks.unblock(blockerId, blockedId).finally(() => this.announce(blockerId));
  }

  list(blockerId: string): Promise<string[]> {
    return this.blocks.blockedBy(blockerId);
  }

  /** USER.BLOCKED when any of `targetIds` has blocked `actorId`: the actor may not reach them. */
  async assertNotBlockedBy(actorId: string, targetIds: string[]): Promise<void> {
    for (const targetId of targetIds) {
      if ((await this.blockedBy(targetId)).has(actorId)) throw new AppError('USER.BLOCKED', `user ${targetId} has blocked you`);
    }
  }

  private async blockedBy(blockerId: string): Promise<Set<string>> {
    const cached = this.cache.get(blockerId);
    if (cached) return cached;
    const mark = this.changes;
    const loaded = new Set(await this.blocks.blockedBy(blockerId).catch((err: unknown) => Promise.reject(storeUnavailable(err))));
    // A block that landed during the read may be missing from it: answer, but do not keep it.
    if (mark === this.changes) this.cache.set(blockerId, loaded);
    return loaded;
  }

  // Settles once cluster mode has told the other nodes (ClusterRelay), as MembershipChanges.announce.
  private announce(blockerId: string): Promise<unknown> {
    return this.events.emitAsync(BlockListChangedEvent.eventName, new BlockListChangedEvent(blockerId));
  }

  @OnEvent(BlockListChangedEvent.eventName)
  forget({ blockerId }: BlockListChangedEvent): void {
    this.changes++;
    this.cache.delete(blockerId);
  }

  @OnEvent(ChangesMissedEvent.eventName)
  forgetAll(): void {
    this.changes++;
    this.cache.clear();
  }

  private async assertOther(me: string, otherId: string): Promise<void> {
    if (me === otherId) throw new AppError('VALIDATION.FAILED', 'you cannot block yourself');
    if (!(await this.users.findById(otherId))) throw new AppError('USER.NOT_FOUND', `no user ${otherId}`);
  }
}
