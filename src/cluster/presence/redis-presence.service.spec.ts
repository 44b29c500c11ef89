import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { RedisServer, redisMissing, startRedis } from '../../../test/support/redis-server';
import { until } from '../../../test/support/sockets';
import { AppConfig } from '../../config/app-config';
import { PresenceExpiredEvent } from '../../presence/events/presence-expired.event';
import { RedisClients } from '../redis-clients';
import { PresenceHeartbeat } from './presence-heartbeat';
import { PresenceRedis } from './presence-redis';
import { RedisPresenceService } from './redis-presence.service';

const missing = redisMissing();
const describeRedis = missing ? describe.skip : describe;
if (missing) console.warn(`RedisPresenceService spec skipped: ${missing}`);

const TTL_MS = 500;

/** One node's presence on the shared Redis, as the cluster bindings build it. */
function node(url: string) {
  const config = Object.assign(new AppConfig(), { redisUrl: url, presenceTtlMs: TTL_MS });
  const clients = new RedisClients(config);
  const scripts = new PresenceRedis(clients);
  const sut = new RedisPresenceService(scripts);
  const expired: PresenceExpiredEvent[] = [];
  const events = new EventEmitter2();
  events.on(PresenceExpiredEvent.eventName, (e: PresenceExpiredEvent) => expired.push(e));
  const ready = new Promise((resolve) => clients.state.once('ready', resolve));
  return { clients, scripts, sut, heartbeat: new PresenceHeartbeat(scripts, sut, config, events), expired, ready };
}

describeRedis(RedisPresenceService.name, () => {
  let redis: RedisServer;
  let a: ReturnType<typeof node>, b: ReturnType<typeof node>;
  const alice = { id: 'a', username: 'alice' };
  const bob = { id: 'b', username: 'bob' };

  beforeAll(async () => (redis = await startRedis()));
  afterAll(() => redis?.stop());
  beforeEach(async () => {
    [a, b] = [node(redis.url), node(redis.url)];
    await Promise.all([a.ready, b.ready]);
    await a.clients.state.flushall();
  });
  afterEach(async () => {
    for (const n of [a, b]) n.heartbeat.onApplicationShutdown();
    await Promise.all([a.clients.onApplicationShutdown(), b.clients.onApplicationShutdown()]);
  });

  it('is online from the first socket on any node to the last, with rooms seen from every node', async () => {
    expect(await a.sut.addUser('s1', alice)).toBe(true);
    expect(await b.sut.addUser('s2', alice)).toBe(false);
    expect(await b.sut.addUser('s3', bob)).toBe(true);
    await Promise.all([a.sut.joinRooms('a', ['r1', 'r2']), b.sut.joinRoom('b', 'r1')]);
    expect((await a.sut.getUsersInRoom('r1')).sort((x, y) => x.id.localeCompare(y.id))).toEqual([alice, bob]);
    expect(await b.sut.stats()).toEqual({ users: 2, sockets: 3, rooms: 2 });
    expect(await b.sut.removeUser('s1')).toBeNull(); // s1 is node a's: node b cannot forget it
    expect(await a.sut.removeUser('s1')).toEqual({ userId: 'a', wentOffline: false, roomIds: expect.arrayContaining(['r1', 'r2']) });
    expect(await a.sut.isOnline('a')).toBe(true);
    const last = await b.sut.removeUser('s2');
    expect([last?.wentOffline, last?.roomIds.sort()]).toEqual([true, ['r1', 'r2']]);
    expect([await a.sut.isOnline('a'), await a.sut.getUsersInRoom('r1')]).toEqual([false, [bob]]);
    await a.sut.leaveRoom('b', 'r1');
    await a.sut.joinRoom('a', 'r1'); // offline: ignored
    expect(await a.sut.stats()).toEqual({ users: 1, sockets: 1, rooms: 0 });
  });

  it('decides first and last exactly once under concurrent connects and disconnects on two nodes', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const nodeOf = (i: number) => (i % 2 ? a : b);
    const firsts = await Promise.all(ids.map((id, i) => nodeOf(i).sut.addUser(id, alice)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    const removals = await Promise.all(ids.map((id, i) => nodeOf(i).sut.removeUser(id)));
    expect(removals.filter((r) => r?.wentOffline)).toHaveLength(1);
    expect(await a.sut.stats()).toEqual({ users: 0, sockets: 0, rooms: 0 });
  });

  it("forgets a silent node's sockets after the TTL, announcing once only users who lost their last socket", async () => {
    await a.sut.addUser('s1', alice);
    await a.sut.addUser('s2', bob);
    await b.sut.addUser('s3', bob);
    await a.sut.joinRoom('a', 'r1');
    await Promise.all([a.heartbeat.beat(), b.heartbeat.beat()]);
    // a stops beating (as kill -9 would); both b and a third node try to reap it.
    const c = node(redis.url);
    await c.ready;
    const deadline = Date.now() + 10 * TTL_MS;
    while ((await b.sut.isOnline('a')) && Date.now() < deadline) await Promise.all([b.heartbeat.beat(), c.heartbeat.beat()]);
    expect([...b.expired, ...c.expired].map((e) => e.removal)).toEqual([{ userId: 'a', wentOffline: true, roomIds: ['r1'] }]);
    expect([await b.sut.isOnline('b'), await b.sut.stats()]).toEqual([true, { users: 1, sockets: 1, rooms: 0 }]);
    await c.clients.onApplicationShutdown();
  });

  it('keeps the sockets of a node that beats again before a reap that found it silent runs', async () => {
    await a.sut.addUser('s1', alice);
    await a.heartbeat.beat();
    await a.clients.state.del(`presence:alive:${a.scripts.nodeId}`);
    expect(await b.scripts.run('presenceBeat', b.scripts.nodeId, TTL_MS)).toEqual([0, a.scripts.nodeId]);
    await a.heartbeat.beat();
    expect(await b.scripts.run('presenceReap', a.scripts.nodeId, 10)).toEqual([1]);
    expect(await b.sut.isOnline('a')).toBe(true);
  });

  it('beats on through a shutdown drain longer than the TTL, so peers do not reap its connected sockets', async () => {
    let drainStarted!: () => void, drained!: () => void;
    const started = new Promise<void>((resolve) => (drainStarted = resolve));
    const draining = new Promise<void>((resolve) => (drained = resolve));
    const drain = { beforeApplicationShutdown: () => (drainStarted(), draining) };
    const app = await Test.createTestingModule({ providers: [{ provide: 'heartbeat', useValue: a.heartbeat }, { provide: 'drain', useValue: drain }] }).compile();
    await app.init();
    const closing = app.close();
    await started;
    const beats = jest.spyOn(a.heartbeat, 'beat');
    // Over a TTL of draining (a beat every TTL/3): before the fix no beat came, the key expired.
    await until(() => beats.mock.calls.length >= 4, 10 * TTL_MS).catch(() => undefined);
    expect([beats.mock.calls.length >= 4, await b.clients.state.exists(`presence:alive:${a.scripts.nodeId}`)]).toEqual([true, 1]);
    drained();
    await closing;
  });

  it('announces offline a user whose socket left during an outage that emptied Redis, and refuses with SERVER.BUSY meanwhile', async () => {
    await a.sut.addUser('s1', alice);
    await a.sut.joinRoom('a', 'r1');
    await redis.stop();
    await expect(a.sut.addUser('s2', bob)).rejects.toMatchObject({ code: 'SERVER.BUSY', extra: { retryAfterMs: expect.any(Number) } });
    expect(await a.sut.removeUser('s1', { userId: 'a', roomIds: ['r1'] })).toBeNull();
    await redis.start();
    await until(() => a.clients.state.status === 'ready', 10_000);
    expect(await a.sut.retryRemovals()).toEqual([{ userId: 'a', wentOffline: true, roomIds: ['r1'] }]);
    expect(a.sut.pendingRemovals.size).toBe(0);
  }, 20_000);
});
