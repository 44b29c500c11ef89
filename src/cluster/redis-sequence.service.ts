import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { storeUnavailable } from '../common/errors/app-error';
import { validationFailed } from '../common/errors/validation';
import { AppConfig } from '../config/app-config';
import { SEQ_BLOCK } from '../messages/node-sequence.service';
import { SequenceService } from '../messages/sequence.service';
import { MessageRepository } from '../persistence/ports';
import { RedisClients } from './redis-clients';
import { redisUnavailable } from './redis-unavailable';
import { acceptedKey, bodyDigest, CLAIM, counterKey, RESERVED, seedingKey, SequenceCommands } from './sequence.scripts';
import { CROSS_NODE_HOLD_MS, MAX_ATTEMPTS, SEEDING_MS, SEEDING_POLL_MS, SEEDING_WAIT_MS, unsavedWindowMs } from './sequence.timings';

/**
 * Cluster mode: one counter per room in Redis (see sequence.scripts.ts), so the positions of a
 * room are consecutive across nodes, and the cross-node idempotency window beside it: one Lua
 * script per send checks the tempId, takes the next position and records the tempId.
 */
@Injectable()
export class RedisSequenceService extends SequenceService {
  private readonly logger = new Logger(RedisSequenceService.name);
  private readonly redis: SequenceCommands;
  private readonly windowMs: number;
  private readonly node = randomUUID();
  private readonly claimed = new Map<string, { seq: number; holdMs: number }>();
  private readonly reservingAhead = new Set<string>();

  constructor(
    private readonly clients: RedisClients,
    private readonly messages: MessageRepository,
    config: AppConfig,
  ) {
    super();
    clients.state.defineCommand('chatClaimSeq', { numberOfKeys: 3, lua: CLAIM });
    clients.state.defineCommand('chatReservedSeq', { numberOfKeys: 2, lua: RESERVED });
    this.redis = clients.state as unknown as SequenceCommands;
    this.windowMs = unsavedWindowMs(config);
  }

  async prepare(roomId: string, key: string, body: string): Promise<number | undefined> {
    const digest = bodyDigest(body);
    // Bounds waiting for another node's seeding only: this node's own reservation takes as long as the store does.
    let waitUntil: number | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; ) {
      const reply = await this.redis
        .chatClaimSeq(counterKey(roomId), acceptedKey(roomId, key), seedingKey(roomId), this.windowMs, SEQ_BLOCK / 2, randomUUID(), this.node, SEEDING_MS, digest)
        .catch((err: unknown) => {
          throw redisUnavailable(err);
        });
      if (reply[0] === 'dup') return reply[1];
      if (reply[0] === 'differs') throw validationFailed([{ field: 'body', errors: ['differs from the message first sent with this tempId'] }]);
      if (reply[0] === 'ok' || reply[0] === 'low') {
        const since = reply[2];
        this.claimed.set(key, { seq: reply[1], holdMs: since < 0 ? 0 : Math.max(0, CROSS_NODE_HOLD_MS - since) });
        if (reply[0] === 'low') this.reserveAhead(roomId);
        return undefined;
      }
      if (reply[0] === 'wait') {
        waitUntil ??= Date.now() + SEEDING_WAIT_MS;
        if (Date.now() >= waitUntil) throw redisUnavailable(new Error(`room ${roomId}: another node is still seeding its counter`));
        await sleep(SEEDING_POLL_MS);
        continue;
      }
      waitUntil = undefined;
      attempt++;
      await this.reserve(roomId, reply[0] === 'seed' ? reply[1] : '');
    }
    throw redisUnavailable(new Error(`room ${roomId}: no position after ${MAX_ATTEMPTS} reservations`));
  }

  holdMs(key: string): number {
    return this.claimed.get(key)?.holdMs ?? 0;
  }

  next(roomId: string, key: string): number {
    const claim = this.claimed.get(key);
    if (claim === undefined) throw new Error(`seq of room ${roomId} used before prepare()`);
    this.claimed.delete(key);
    return claim.seq;
  }

  // The position stays a hole; the tempId is freed so a resend to any node is accepted anew.
  async withdraw(roomId: string, key: string): Promise<void> {
    this.claimed.delete(key);
    await this.clients.state.del(acceptedKey(roomId, key)).catch((err: Error) => this.logger.error(`tempId stays taken in room ${roomId}: ${err.message}`));
  }

  // Unknown while Redis is away: callers then fall back to the store's highest seq.
  async last(roomId: string): Promise<number | undefined> {
    const last = await this.clients.state.hget(counterKey(roomId), 'last').catch(() => null);
    return last === null ? undefined : Number(last);
  }

  /** Nothing to give back: the other nodes keep using the counter. */
  release(): Promise<void> {
    return Promise.resolve();
  }

  private async reserve(roomId: string, token: string): Promise<void> {
    const ceiling = await this.messages.reserveSeq(roomId, SEQ_BLOCK).catch((err: unknown) => {
      throw storeUnavailable(err);
    });
    await this.redis.chatReservedSeq(counterKey(roomId), seedingKey(roomId), token, ceiling - SEQ_BLOCK, ceiling).catch((err: unknown) => {
      throw redisUnavailable(err);
    });
  }

  private reserveAhead(roomId: string): void {
    if (this.reservingAhead.has(roomId)) return;
    this.reservingAhead.add(roomId);
    this.reserve(roomId, '')
      .catch((err: Error) => this.logger.warn(`could not reserve positions ahead for room ${roomId}: ${err.message}`))
      .finally(() => this.reservingAhead.delete(roomId));
  }
}
