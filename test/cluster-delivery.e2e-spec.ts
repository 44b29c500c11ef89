import { http, openDirect, registerUser, TestUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { next, record } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster e2e skipped: ${missing}`);

describeCluster('Cluster mode: delivery across nodes (e2e, 2 built server processes, real redis-server)', () => {
  let cluster: TestCluster;
  let alice: TestUser, bob: TestUser;
  let roomId: string;

  beforeAll(async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes;
    [alice, bob] = await Promise.all([registerUser(a.url, 'alice'), registerUser(b.url, 'bob')]);
    roomId = await openDirect(a.url, alice, bob);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('reports the store and Redis on /health', async () => {
    const health = await http(cluster.nodes[1].url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.details).toEqual({ store: { status: 'up' }, redis: { status: 'up' } });
  });

  it('delivers a message sent on one node exactly once to every socket of every member, on both nodes', async () => {
    const [a, b] = cluster.nodes;
    const [aliceOnA, aliceOnB, bobOnB, bobOnA] = await Promise.all([cluster.open(a.url, alice), cluster.open(b.url, alice), cluster.open(b.url, bob), cluster.open(a.url, bob)]);
    const logs = [aliceOnB, bobOnB, bobOnA].map(record);
    const confirmed = [aliceOnA, aliceOnB, bobOnB, bobOnA].map((s) => next(s, 'roomMessageConfirmed', (c) => c.tempId === 'x1'));
    const sent = next(aliceOnA, 'roomMessageSent');
    const answer = await aliceOnA.timeout(5000).emitWithAck('roomMessage', { roomId, body: 'across nodes', tempId: 'x1' });
    expect(answer).toMatchObject({ success: true, tempId: 'x1' });
    expect(await sent).toMatchObject({ tempId: 'x1', body: 'across nodes', seq: answer.seq });
    const confirmations = await Promise.all(confirmed);
    expect(new Set(confirmations.map((c) => c._id)).size).toBe(1);
    // Every other socket got the message once (the sender's other tab too), never twice.
    for (const log of logs) {
      expect(log.filter(([e, p]) => e === 'roomMessageRecieved' && p.tempId === 'x1').map(([, p]) => p.seq)).toEqual([answer.seq]);
      expect(log.filter(([e, p]) => e === 'roomMessageConfirmed' && p.tempId === 'x1')).toHaveLength(1);
    }
  });
});
