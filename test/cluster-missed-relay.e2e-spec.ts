import { Server } from 'socket.io';
import { ClusterRelay } from '../src/cluster/cluster-relay.gateway';
import { startApp, tempDbPath, TestApp } from './support/harness';
import { http, registerUser } from './support/http';
import { RedisServer, redisMissing, startRedis } from './support/redis-server';
import { ack, Client, connect, next, record } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster e2e skipped: ${missing}`);

// The relay's serverSideEmit rides Redis pub/sub, which keeps nothing for a node whose
// subscriber is away (a Redis restart): node B here simply never hears it.
describeCluster('Cluster mode: a membership change node B never heard of (e2e, 2 in-process apps, real redis-server)', () => {
  let redis: RedisServer;
  let nodes: TestApp[];
  const sockets: Client[] = [];
  const open = async (url: string, token: string) => {
    const socket = await connect(url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    redis = await startRedis();
    const SQLITE_PATH = tempDbPath();
    const a = await startApp({ REDIS_URL: redis.url, SQLITE_PATH });
    nodes = [a, await startApp({ REDIS_URL: redis.url, SQLITE_PATH })];
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all((nodes ?? []).map((n) => n.app.close()));
    await redis?.stop();
  });

  it('takes a leaver\'s sockets on B out of the room anyway: the room operation rides the adapter\'s stream', async () => {
    const [a, b] = nodes;
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(a.url, n)));
    const created = await http(a.url, 'POST', '/channels', { token: alice.token, body: { name: `missed-${process.pid}`, memberIds: [bob.user.id, carol.user.id] } });
    expect(created.status).toBe(201);
    const channelId = created.body.id;
    const [aliceOnA, bobOnA, bobOnB, carolOnB] = await Promise.all([open(a.url, alice.token), open(a.url, bob.token), open(b.url, bob.token), open(b.url, carol.token)]);
    // Confirmed once saved: waited for, so it cannot land in the log below.
    const bobHeard = next(bobOnB, 'channelMessageConfirmed', (m) => m.tempId === 'm0');
    expect(await ack(aliceOnA, 'NEW_MESSAGE', { channelId, body: 'before', tempId: 'm0' })).toMatchObject({ success: true });
    await bobHeard;

    (b.app.get(ClusterRelay) as unknown as { server: Server }).server.removeAllListeners('cluster:invalidations');
    const bobLog = record(bobOnB);
    // Answered once the relay gave up waiting for B (RELAY_TIMEOUT_MS).
    expect(await ack(bobOnA, 'leaveChannel', { channelId })).toEqual({ success: true, channelId });

    const seenByCarol = next(carolOnB, 'NEW_MESSAGE_RECEIVED', (m) => m.tempId === 'm1');
    expect(await ack(aliceOnA, 'NEW_MESSAGE', { channelId, body: 'bob has gone', tempId: 'm1' })).toMatchObject({ success: true });
    await seenByCarol;
    expect(bobLog.filter(([event, p]) => p?.channelId === channelId && event !== 'channelMemberLeft')).toEqual([]);
  });
});
