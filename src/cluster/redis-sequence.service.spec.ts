import { AppConfig } from '../config/app-config';
import { MessageRepository } from '../persistence/ports';
import { redisMissing, RedisServer, startRedis } from '../../test/support/redis-server';
import { RedisClients } from './redis-clients';
import { RedisSequenceService } from './redis-sequence.service';
import { counterKey, seedingKey, SequenceCommands } from './sequence.scripts';
import { SEEDING_WAIT_MS } from './sequence.timings';

/** A store's reservation rule, in memory: max(reserved, highest stored) + size. */
class FakePositions {
  reserved = 0;
  /** A slow store: each reservation takes this long. */
  delayMs = 0;
  async reserveSeq(_roomId: string, size: number): Promise<number> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.reserved += size;
    return this.reserved;
  }
}

const missing = redisMissing();
const describeRedis = missing ? describe.skip : describe;
if (missing) console.warn(`RedisSequenceService spec skipped: ${missing}`);

describeRedis(RedisSequenceService.name, () => {
  let redis: RedisServer;
  let clients: RedisClients[];
  let store: FakePositions;
  let nodeA: RedisSequenceService, nodeB: RedisSequenceService;
  const take = async (node: RedisSequenceService, key: string) => {
    expect(await node.prepare('room', key, 'body')).toBeUndefined();
    return node.next('room', key);
  };

  beforeAll(async () => (redis = await startRedis()), 20_000);
  afterAll(() => redis?.stop());

  beforeEach(async () => {
    store = new FakePositions();
    const config = Object.assign(new AppConfig(), { redisUrl: redis.url, persistRetryForMs: 30_000 });
    clients = [new RedisClients(config), new RedisClients(config)];
    await Promise.all(clients.map((c) => new Promise((resolve) => c.state.once('ready', resolve))));
    await clients[0].state.flushall();
    [nodeA, nodeB] = clients.map((c) => new RedisSequenceService(c, store as unknown as MessageRepository, config));
  });

  afterEach(() => Promise.all(clients.map((c) => c.onApplicationShutdown())));

  it('hands out one consecutive run of positions to two nodes, seeded from the store', async () => {
    const seqs = [];
    for (let i = 0; i < 6; i++) seqs.push(await take(i % 2 ? nodeB : nodeA, `k${i}`));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await nodeB.last('room')).toBe(6);
  });

  it('starts a new room at 1 when two nodes take its first positions at once', async () => {
    const seqs = await Promise.all([take(nodeA, 'first-a'), take(nodeB, 'first-b')]);
    expect(seqs.sort()).toEqual([1, 2]);
  });

  it('answers a key another node took with its seq, until it is withdrawn', async () => {
    const seq = await take(nodeA, 'same');
    expect(await nodeB.prepare('room', 'same', 'body')).toBe(seq);
    await nodeA.withdraw('room', 'same');
    expect(await take(nodeB, 'same')).toBe(seq + 1);
  });

  it('refuses a key another node took with another body, and keeps the key taken', async () => {
    const seq = await take(nodeA, 'reused');
    await expect(nodeB.prepare('room', 'reused', 'another body')).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(await nodeB.prepare('room', 'reused', 'body')).toBe(seq);
  });

  it('reserves ahead in the store before the counter reaches the ceiling', async () => {
    for (let i = 0; i < 600; i++) await take(nodeA, `k${i}`);
    // Past half the first block: a second block is reserved in the background.
    await new Promise<void>((resolve) => {
      const check = () => (store.reserved >= 2000 ? resolve() : setImmediate(check));
      check();
    });
    expect(await clients[0].state.hget(counterKey('room'), 'ceiling')).toBe('2000');
  });

  it('never reuses a position after Redis lost its data, and a seed from before a second loss does nothing', async () => {
    const before = [await take(nodeA, 'a'), await take(nodeB, 'b')];
    await clients[0].state.flushall();
    expect(await take(nodeB, 'c')).toBeGreaterThan(Math.max(...before));
    expect(await take(nodeA, 'd')).toBe((await nodeA.last('room'))!);
    // A reservation made for one seeding (its token) cannot seed the counter after another loss.
    await clients[0].state.flushall();
    const stale = await (clients[0].state as unknown as SequenceCommands).chatReservedSeq(counterKey('room'), seedingKey('room'), 'old-token', 0, 1000);
    expect(stale).toBe(0);
    expect(await take(nodeA, 'e')).toBeGreaterThan(store.reserved - 1000);
  });

  it('refuses with SERVER.BUSY while Redis is unreachable', async () => {
    await clients[0].state.disconnect();
    await expect(nodeA.prepare('room', 'x', 'body')).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    expect(await nodeA.last('room')).toBeUndefined();
  });

  it("takes a new room's first position however long this node's own reservation in a slow store takes", async () => {
    store.delayMs = SEEDING_WAIT_MS + 500;
    expect(await take(nodeA, 'slow')).toBe(1);
  });

  it("refuses with SERVER.BUSY after waiting SEEDING_WAIT_MS for another node's seeding", async () => {
    await clients[0].state.set(seedingKey('room'), 'other-node-token', 'PX', 10_000);
    const startedAt = Date.now();
    await expect(nodeA.prepare('room', 'w', 'body')).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(SEEDING_WAIT_MS);
  });
});
