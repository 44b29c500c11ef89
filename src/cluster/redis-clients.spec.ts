import { AppConfig } from '../config/app-config';
import { RedisServer, redisMissing, startRedis } from '../../test/support/redis-server';
import { RedisClients } from './redis-clients';

const missing = redisMissing();
const describeRedis = missing ? describe.skip : describe;
if (missing) console.warn(`RedisClients spec skipped: ${missing}`);

const bothReady = (clients: RedisClients) =>
  Promise.all([clients.state, clients.fanout].map((c) => c.status === 'ready' || new Promise((resolve) => c.once('ready', resolve))));

describeRedis(`${RedisClients.name} (a real redis-server)`, () => {
  let redis: RedisServer;
  let sut: RedisClients;

  beforeAll(async () => {
    redis = await startRedis();
    sut = new RedisClients(AppConfig.fromEnv({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: redis.url }));
    await bothReady(sut);
  });

  afterAll(async () => {
    await bothReady(sut);
    await sut.onApplicationShutdown();
    await redis.stop();
  });

  it('tells onRecovered listeners when a connection is back after Redis went away, and not before', async () => {
    let calls = 0;
    const back = new Promise<void>((resolve) => sut.onRecovered(() => (calls++, resolve())));
    const lost = new Promise((resolve) => sut.state.once('error', resolve));
    await redis.stop();
    await lost;
    expect(calls).toBe(0);
    await redis.start();
    await back;
    await bothReady(sut);
    // Once per connection (state and fanout), each once.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
  }, 20_000);
});
