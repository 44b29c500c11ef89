import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisClients } from '../redis-clients';
import { BEAT, JOIN, LEAVE, MEMBERS } from './presence-rooms.lua';
import { ADD, ADMIT, REAP, REMOVE } from './presence.lua';

const SCRIPTS = { presenceAdmit: ADMIT, presenceAdd: ADD, presenceRemove: REMOVE, presenceReap: REAP, presenceJoin: JOIN, presenceLeave: LEAVE, presenceMembers: MEMBERS, presenceBeat: BEAT };

export type PresenceScript = keyof typeof SCRIPTS;

type Command = (...args: Array<string | number>) => Promise<unknown>;

/**
 * This node's identity and the presence scripts, on the fail-fast state connection. Each
 * script is one round trip (EVALSHA; ioredis loads it on the first NOSCRIPT).
 */
@Injectable()
export class PresenceRedis {
  /** Per process: a restarted node is a new node, and its predecessor's sockets are reaped. */
  readonly nodeId = randomUUID();
  readonly redis: RedisClients['state'];

  constructor(clients: RedisClients) {
    this.redis = clients.state;
    for (const [name, lua] of Object.entries(SCRIPTS)) this.redis.defineCommand(name, { numberOfKeys: 0, lua });
  }

  run(script: PresenceScript, ...args: Array<string | number>): Promise<unknown> {
    return (this.redis as unknown as Record<PresenceScript, Command>)[script](...args);
  }
}
