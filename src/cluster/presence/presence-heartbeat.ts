import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig } from '../../config/app-config';
import { PresenceExpiredEvent } from '../../presence/events/presence-expired.event';
import { PresenceLostEvent } from '../../presence/events/presence-lost.event';
import { SocketRemoval } from '../../presence/presence.service';
import { PRESENCE_PREFIX as P } from './presence.lua';
import { PresenceRedis } from './presence-redis';
import { RedisPresenceService, toRemoval } from './redis-presence.service';

/** Sockets of a dead node forgotten per script call: bounds how long one call holds Redis. */
const REAP_BATCH = 500;

/**
 * Keeps this node's sockets alive in Redis (a heartbeat key with PRESENCE_TTL_MS, renewed
 * three times per TTL) and forgets the sockets of nodes whose heartbeat expired (kill -9),
 * announcing the users who lost their last socket with them. Each socket is forgotten by one
 * atomic script, so each `userOffline` is raised once; the SET NX claim only spares the
 * other nodes the work.
 */
@Injectable()
export class PresenceHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceHeartbeat.name);
  private timer?: NodeJS.Timeout;
  private beating = false;
  private beaten = false;
  private lost = false;

  constructor(
    private readonly scripts: PresenceRedis,
    private readonly presence: RedisPresenceService,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.config.presenceTtlMs / 3)));
    // At once when the connection is (back) up: the first beat may precede it.
    this.scripts.redis.on('ready', () => void this.beat());
    void this.beat();
  }

  // Not onModuleDestroy: the drain (beforeApplicationShutdown) can outlast PRESENCE_TTL_MS, and
  // peers would reap this node's still-connected sockets meanwhile.
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One heartbeat: renew, reap the dead, retry deferred removals. Never rejects. */
  async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      const [alive, ...dead] = (await this.scripts.run('presenceBeat', this.scripts.nodeId, this.config.presenceTtlMs)) as [number, ...string[]];
      // Silent past the TTL (cut off, or Redis lost its data): this node's sockets may be forgotten.
      this.lost ||= !alive && this.beaten;
      this.beaten = true;
      // Until the sockets are registered again: a failed attempt is retried on the next beat.
      if (this.lost) await this.events.emitAsync(PresenceLostEvent.eventName, new PresenceLostEvent());
      this.lost = false;
      for (const node of dead) await this.reap(node);
      (await this.presence.retryRemovals()).forEach((r) => this.announce(r));
    } catch (err) {
      this.logger.warn(`presence heartbeat failed: ${(err as Error).message}`);
    } finally {
      this.beating = false;
    }
  }

  private async reap(node: string): Promise<void> {
    const claimed = await this.scripts.redis.set(`${P}:reap:${node}`, this.scripts.nodeId, 'PX', this.config.presenceTtlMs, 'NX');
    if (!claimed) return;
    let reaped = 0;
    for (let done = false; !done; ) {
      const [finished, ...replies] = (await this.scripts.run('presenceReap', node, REAP_BATCH)) as [number, ...unknown[]];
      done = finished === 1;
      reaped += replies.length;
      replies.map(toRemoval).forEach((r) => this.announce(r));
    }
    this.logger.log(`node ${node} stopped beating: forgot its ${reaped} sockets`);
  }

  private announce(removal: SocketRemoval | null): void {
    if (removal?.wentOffline) this.events.emit(PresenceExpiredEvent.eventName, new PresenceExpiredEvent(removal));
  }
}
