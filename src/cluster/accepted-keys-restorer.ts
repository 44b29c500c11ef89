import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { AcceptedMessages } from '../messages/accepted-messages';
import { UnsavedMessages } from '../messages/unsaved-messages';
import { RedisClients } from './redis-clients';
import { acceptedKey, bodyDigest } from './sequence.scripts';
import { unsavedWindowMs } from './sequence.timings';

/**
 * Redis runs without persistence: when it comes back empty, the idempotency window of the
 * messages still unsaved on this node is gone, and a resend of one to another node would be
 * accepted and broadcast again. On every (re)connection the node records them again (NX: a key
 * that survived is left alone). A resend in the instant before is not covered.
 */
@Injectable()
export class AcceptedKeysRestorer implements OnApplicationBootstrap {
  private readonly logger = new Logger(AcceptedKeysRestorer.name);
  private readonly windowMs: number;

  constructor(
    private readonly clients: RedisClients,
    private readonly modules: ModuleRef,
    config: AppConfig,
  ) {
    this.windowMs = unsavedWindowMs(config);
  }

  // Looked up, not injected: MessagesModule depends on this global module, not the other way round.
  onApplicationBootstrap(): void {
    const unsaved = this.modules.get(UnsavedMessages, { strict: false });
    this.clients.state.on('ready', () => void this.restore(unsaved));
  }

  async restore(unsaved: UnsavedMessages): Promise<void> {
    const messages = unsaved.all();
    if (messages.length === 0) return;
    const batch = this.clients.state.pipeline();
    for (const m of messages) {
      const key = acceptedKey(m.roomId, AcceptedMessages.key(m.roomId, m.sender.id, m.tempId ?? m._id));
      batch.set(key, `${m.seq}:${bodyDigest(m.body ?? '')}`, 'PX', this.windowMs, 'NX');
    }
    const results = (await batch.exec().catch((err: Error) => [[err, null]])) ?? [];
    const failed = results.find(([err]) => err);
    if (failed) this.logger.warn(`could not record the unsaved messages' tempIds again: ${(failed[0] as Error).message}`);
    else this.logger.log(`recorded ${results.filter(([, r]) => r === 'OK').length} of ${messages.length} unsaved messages' tempIds again`);
  }
}
