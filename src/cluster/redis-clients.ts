import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { FanoutRedis } from './fanout-redis';

/** How long a state command may wait for Redis before the caller is told to retry. */
const COMMAND_TIMEOUT_MS = 1000;
// Entries the broadcast stream keeps (about 460 B each, measured; a message is two entries): a
// node that falls further behind misses broadcasts. The adapter's 10,000 is half a second at
// 10k messages/s; 200,000 is 10 s, about 92 MB of Redis memory (docs/scaling.md).
const STREAM_MAX_LEN = 200_000;
/** How long a starting node waits for Redis before it listens anyway (and answers SERVER.BUSY until it is back). */
const START_WAIT_MS = 10_000;

/**
 * The Redis connections of one node in cluster mode. Two, because the two uses fail differently:
 * - `state` (presence, positions, idempotency, limits) fails fast while Redis is away, so a send
 *   is refused with a code instead of hanging;
 * - `fanout` (the Socket.IO adapter) queues while Redis is away: the adapter's stream reader
 *   then waits instead of spinning, and broadcasts published during a short outage go out after it.
 */
@Injectable()
export class RedisClients implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly state: Redis;
  readonly fanout: FanoutRedis;
  private readonly recovered: Array<() => void> = [];

  constructor(config: AppConfig) {
    const url = config.redisUrl!;
    this.state = new Redis(url, { enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 0 });
    this.fanout = new FanoutRedis(url, { maxRetriesPerRequest: null });
    for (const [name, client] of Object.entries({ state: this.state, fanout: this.fanout })) {
      let down = false;
      client.on('error', (err: Error) => {
        // ioredis reports every failed reconnect: one line per outage is enough.
        if (!down) this.logger.warn(`${name} connection lost: ${err.message}; reconnecting`);
        down = true;
      });
      client.on('ready', () => {
        if (!down) return;
        this.logger.log(`${name} connection back`);
        down = false;
        this.recovered.forEach((listener) => listener());
      });
    }
  }

  /** Calls `listener` each time a connection is back after it dropped. */
  onRecovered(listener: () => void): void {
    this.recovered.push(listener);
  }

  // Before the node listens: the state connection queues nothing, so a node taking clients
  // before it is ready would refuse their first sends.
  async onModuleInit(): Promise<void> {
    if (this.state.status === 'ready') return;
    const ready = new Promise<boolean>((resolve) => this.state.once('ready', () => resolve(true)));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), START_WAIT_MS)));
    if (!(await Promise.race([ready, late]))) this.logger.warn(`Redis not ready after ${START_WAIT_MS} ms: starting anyway; sends are refused (SERVER.BUSY) until it is`);
    clearTimeout(timer);
  }

  /** The Socket.IO adapter factory: every broadcast and room operation reaches every node. */
  socketIoAdapter(): ReturnType<typeof createAdapter> {
    return createAdapter(this.fanout, { maxLen: STREAM_MAX_LEN });
  }

  // After Nest closed the Socket.IO server. Broadcasts still queued get a moment to go out
  // (QUIT is answered after them); a Redis that is gone must not hold the stop.
  async onApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => (timer = setTimeout(resolve, COMMAND_TIMEOUT_MS)));
    await Promise.race([Promise.allSettled([this.state.quit(), this.fanout.quit()]), bound]);
    clearTimeout(timer);
    this.state.disconnect();
    this.fanout.closeAll();
  }
}
