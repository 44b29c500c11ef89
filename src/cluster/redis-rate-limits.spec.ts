import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { RedisServer, redisMissing, startRedis } from '../../test/support/redis-server';
import { RedisClients } from './redis-clients';
import { RedisRateLimits } from './redis-rate-limits';

const missing = redisMissing();
const describeRedis = missing ? describe.skip : describe;
if (missing) console.warn(`RedisRateLimits spec skipped: ${missing}`);

const ready = (client: Redis) => client.status === 'ready' || new Promise((resolve) => client.once('ready', resolve));
const outcome = (p: Promise<void>) => p.then(() => 'ok', (err: { code?: string; message: string }) => err.code ?? err.message);

describeRedis(`${RedisRateLimits.name} (a real redis-server)`, () => {
  let redis: RedisServer;
  let nodes: RedisClients[];

  beforeAll(async () => {
    redis = await startRedis();
    const config = AppConfig.fromEnv({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: redis.url });
    // Two nodes' connections to one Redis.
    nodes = [new RedisClients(config), new RedisClients(config)];
    await Promise.all(nodes.flatMap((n) => [ready(n.state), ready(n.fanout)]));
  });

  afterAll(async () => {
    // Quit cleanly only once reconnected: a client still backing off would keep retrying.
    await Promise.all(nodes.flatMap((n) => [ready(n.state), ready(n.fanout)]));
    await Promise.all(nodes.map((n) => n.onApplicationShutdown()));
    await redis.stop();
  });

  it('shares one count between nodes, and refuses a key over its limit without asking Redis again', async () => {
    const [a, b] = nodes.map((n) => new RedisRateLimits(n).create({ name: 'spec-shared', points: 3, windowSec: 60, what: 'messages' }));
    const results = [await outcome(a.take('alice')), await outcome(b.take('alice')), await outcome(a.take('alice')), await outcome(b.take('alice'))];
    expect(results).toEqual(['ok', 'ok', 'ok', 'RATE.LIMITED']);
    const commands = jest.spyOn(nodes[1].state, 'sendCommand');
    expect(await outcome(b.take('alice'))).toBe('RATE.LIMITED');
    expect(commands).not.toHaveBeenCalled();
    commands.mockRestore();
  });

  it('counts in memory, per node, while Redis is away: nothing is refused for want of Redis', async () => {
    const limit = new RedisRateLimits(nodes[0]).create({ name: 'spec-outage', points: 2, windowSec: 60, what: 'messages' });
    await redis.stop();
    try {
      const results = [await outcome(limit.take('bob')), await outcome(limit.take('bob')), await outcome(limit.take('bob'))];
      expect(results).toEqual(['ok', 'ok', 'RATE.LIMITED']);
    } finally {
      await redis.start();
    }
  });
});
