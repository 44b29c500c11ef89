import Redis, { RedisOptions } from 'ioredis';

/**
 * The fan-out connection. The Socket.IO adapter duplicates it for its stream readers and its
 * subscriber and closes those itself only once a blocking read returns, which never happens
 * if Redis is gone by then (the copies queue and reconnect forever, keeping the process
 * alive): the copies are kept here so a stopping node can close them at once.
 */
export class FanoutRedis extends Redis {
  private readonly copies: Redis[] = [];

  override duplicate(override?: Partial<RedisOptions>): Redis {
    const copy = super.duplicate(override);
    this.copies.push(copy);
    return copy;
  }

  /** Closes this connection and every copy now, without waiting for pending commands. */
  closeAll(): void {
    for (const client of [...this.copies, this]) client.disconnect();
  }
}
