import { setTimeout as delay } from 'node:timers/promises';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { ack, Client, connect, next, until } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster e2e skipped: ${missing}`);

const OUTAGE_MS = 5000;
/** Longest a send may take to be answered while Redis is away: the state connection fails fast (1 s command timeout). */
const ANSWER_BOUND_MS = 4000;

/**
 * Asserts on behaviour only (codes, bounded answers, recovery, nothing lost): which sends need
 * Redis is up to the positions and idempotency design, so a send may be accepted or refused.
 */
describeCluster('Cluster mode: a Redis outage and an empty restart (e2e, 2 built servers, real redis-server)', () => {
  let cluster: TestCluster;
  let alice: TestUser, bob: TestUser;
  let roomId: string;
  let aliceOnA: Client, bobOnB: Client;
  let sent = 0;

  const send = async () => {
    const tempId = `o${++sent}`;
    const started = Date.now();
    const answer = await ack(aliceOnA, 'roomMessage', { roomId, body: `message ${sent}`, tempId });
    return { tempId, answer, tookMs: Date.now() - started };
  };
  const health = async (i: number) => (await http(cluster.nodes[i].url, 'GET', '/health')).status;
  const missingFromHistory = async (accepted: string[]) => {
    const history = await http(cluster.nodes[1].url, 'GET', `/rooms/${roomId}/messages?limit=100`, { token: bob.token });
    const saved = new Set(history.body.messages.map((m: { tempId: string }) => m.tempId));
    return accepted.filter((t) => !saved.has(t));
  };

  beforeAll(async () => {
    cluster = await startCluster(2, { RATE_LIMIT_BURST: '1000', RATE_LIMIT_PER_SEC: '1000' });
    const [a, b] = cluster.nodes;
    [alice, bob] = await Promise.all([registerUser(a.url, 'alice'), registerUser(b.url, 'bob')]);
    roomId = await openDirect(a.url, alice, bob);
    [aliceOnA, bobOnB] = await Promise.all([connect(a.url, alice.token), connect(b.url, bob.token)]);
  }, 60_000);

  afterAll(async () => {
    [aliceOnA, bobOnB].forEach((s) => s?.close());
    await cluster?.stop();
  });

  it('answers every send within a bound, reports Redis down, recovers by itself, and loses no accepted message', async () => {
    const accepted: string[] = [];
    const before = await send();
    expect(before.answer).toMatchObject({ success: true });
    accepted.push(before.tempId);

    await cluster.redis.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    expect(await health(0)).toBe(503);
    const down = await http(cluster.nodes[1].url, 'GET', '/health');
    expect(down).toMatchObject({ status: 503, body: { code: 'SERVER.BUSY', details: { redis: { status: 'down' } } } });
    const refusals = [];
    while (Date.now() < outageEnds) {
      const { tempId, answer, tookMs } = await send();
      expect(tookMs).toBeLessThan(ANSWER_BOUND_MS);
      if (answer.success) accepted.push(tempId);
      else refusals.push(answer.error);
      // Paces the sends over the outage; not a synchronisation.
      await delay(250);
    }
    for (const error of refusals) expect(error).toEqual({ code: 'SERVER.BUSY', message: expect.any(String), retryAfterMs: expect.any(Number) });

    await cluster.redis.start();
    await until(async () => (await health(0)) === 200 && (await health(1)) === 200, 15_000);
    // Back by itself: a new send from A reaches bob on B (retried while a node still refuses).
    await until(async () => {
      const expected = `o${sent + 1}`;
      const heard = next(bobOnB, 'roomMessageRecieved', (m) => m.tempId === expected, 3000).then(
        () => true,
        () => false,
      );
      const { tempId, answer } = await send();
      if (!answer.success) return false;
      accepted.push(tempId);
      return heard;
    }, 20_000);
    expect(cluster.nodes.map((n) => n.child.exitCode)).toEqual([null, null]);

    // Saving follows the ack (the optimistic pipeline): wait for the last ones to land, bounded.
    await until(async () => (await missingFromHistory(accepted)).length === 0, 10_000).catch(() => undefined);
    expect(await missingFromHistory(accepted)).toEqual([]);
  }, 60_000);
});
