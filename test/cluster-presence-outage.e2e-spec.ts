import { http, openDirect, registerUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { Client, connect, connectError, next, until } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster presence outage e2e skipped: ${missing}`);

const TTL_MS = 1500;

describeCluster('Cluster mode: presence and metrics through a Redis outage (e2e, 2 built servers, real redis-server)', () => {
  let cluster: TestCluster;
  const sockets: Client[] = [];
  const metrics = async (i: number) => {
    const res = await fetch(`${cluster.nodes[i].url}/metrics`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1]);
    return { sockets: value('chat_sockets'), clusterSockets: value('chat_cluster_sockets'), clusterUsers: value('chat_cluster_online_users') };
  };

  beforeAll(async () => {
    cluster = await startCluster(2, { PRESENCE_TTL_MS: String(TTL_MS) });
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it("exports each node's own sockets apart from the cluster's, and keeps answering /metrics while Redis is away", async () => {
    const [A, B] = cluster.nodes.map((n) => n.url);
    const [ann, ben] = await Promise.all([registerUser(A, 'ann'), registerUser(B, 'ben')]);
    sockets.push(await connect(A, ann.token), await connect(B, ben.token));
    expect([await metrics(0), await metrics(1)]).toEqual([0, 1].map(() => ({ sockets: 1, clusterSockets: 2, clusterUsers: 2 })));
    await cluster.redis.stop();
    // The cluster gauges keep their last values; the node's own count needs no Redis.
    expect([await metrics(0), await metrics(1)]).toEqual([0, 1].map(() => ({ sockets: 1, clusterSockets: 2, clusterUsers: 2 })));
    // A new connection cannot take a place meanwhile: refused with the one Redis code.
    expect((await connectError(A, { token: ann.token })).data).toEqual({ code: 'SERVER.BUSY', message: expect.any(String), retryAfterMs: expect.any(Number) });
    await cluster.redis.start();
    await until(async () => (await http(A, 'GET', '/health')).status === 200 && (await http(B, 'GET', '/health')).status === 200, 15_000);
  }, 30_000);

  it('announces offline a user whose last socket closed while Redis was away, after Redis came back empty', async () => {
    const [A, B] = cluster.nodes.map((n) => n.url);
    const [carol, dave] = await Promise.all([registerUser(A, 'carol'), registerUser(B, 'dave')]);
    await openDirect(A, carol, dave);
    const carolOnA = await connect(A, carol.token);
    const daveOnB = await connect(B, dave.token);
    sockets.push(daveOnB);
    expect(daveOnB.ready.online).toEqual([carol.user.id]);
    await cluster.redis.stop();
    const gone = next(carolOnA, 'disconnect');
    carolOnA.close();
    await gone;
    const offline = next(daveOnB, 'userOffline', (p) => p.userId === carol.user.id, 20_000);
    await cluster.redis.start();
    expect(await offline).toEqual({ userId: carol.user.id });
  }, 40_000);
});
