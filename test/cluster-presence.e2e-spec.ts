import { openDirect, registerUser, TestUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { ack, Client, connect, connectError, next, record, until } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster presence e2e skipped: ${missing}`);

const TTL_MS = 1500;

describeCluster('Cluster mode: presence, socket cap and typing across nodes (e2e, built server processes, real redis-server)', () => {
  let cluster: TestCluster;
  let A: string, B: string;
  const open = (url: string, user: TestUser) => cluster.open(url, user, 10_000);
  const closed = (socket: Client) => {
    const gone = next(socket, 'disconnect');
    socket.close();
    return gone;
  };
  const pair = async (names: [string, string]) => {
    const [x, y] = await Promise.all(names.map((n) => registerUser(A, n)));
    return { x, y, roomId: await openDirect(A, x, y) };
  };
  const presenceOf = (log: Array<[string, any]>, userId: string) => log.filter(([e, p]) => (e === 'userOnline' || e === 'userOffline') && p.userId === userId).map(([e]) => e);

  beforeAll(async () => {
    cluster = await startCluster(2, { PRESENCE_TTL_MS: String(TTL_MS), MAX_SOCKETS_PER_USER: '3', AUTH_RATE_LIMIT_PER_MIN: '1000' });
    [A, B] = cluster.nodes.map((n) => n.url);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('announces the first socket anywhere and the last socket anywhere once, seen from both nodes', async () => {
    const { x: alice, y: bob, roomId } = await pair(['alice', 'bob']);
    const [aliceOnA, aliceOnB] = [await open(A, alice), await open(B, alice)];
    const logs = [aliceOnA, aliceOnB].map(record);
    const online = [aliceOnA, aliceOnB].map((s) => next(s, 'userOnline', (p) => p.userId === bob.user.id));
    const bobOnB = await open(B, bob);
    await Promise.all(online);
    const bobOnA = await open(A, bob);
    // Each node sees the other's sockets: alice is online for bob on both, and in the room.
    expect([bobOnB.ready.online, bobOnA.ready.online]).toEqual([[alice.user.id], [alice.user.id]]);
    const joined = await ack(bobOnA, 'joinRoom', { roomId });
    expect(joined.connectedUsers.map((u: { userId: string }) => u.userId).sort()).toEqual([alice.user.id, bob.user.id].sort());
    await closed(bobOnB);
    const offline = [aliceOnA, aliceOnB].map((s) => next(s, 'userOffline', (p) => p.userId === bob.user.id));
    await closed(bobOnA);
    await Promise.all(offline);
    for (const log of logs) expect(presenceOf(log, bob.user.id)).toEqual(['userOnline', 'userOffline']);
  });

  it('caps the sockets of one user across both nodes, and frees a place when one closes', async () => {
    const carol = await registerUser(A, 'carol');
    const tabs = [await open(A, carol), await open(A, carol), await open(B, carol)];
    expect((await connectError(B, { token: carol.token })).data).toMatchObject({ code: 'RATE.LIMITED' });
    expect((await connectError(A, { token: carol.token })).message).toBe('too many connections');
    await closed(tabs[0]);
    // The disconnect is handled asynchronously on node A: node B admits once it landed.
    await until(async () => Boolean(await open(B, carol).catch(() => undefined)), 10_000);
  });

  it('relays typing from a tab on one node to members on both, and ends it when the last tab (on the other node) leaves', async () => {
    const { x: dana, y: emil, roomId } = await pair(['dana', 'emil']);
    const [danaOnA, danaOnB] = [await open(A, dana), await open(B, dana)];
    const watchers = [await open(A, emil), await open(B, emil)];
    const logs = watchers.map(record);
    const started = watchers.map((s) => next(s, 'userTyping', (p) => p.isTyping));
    expect(await ack(danaOnA, 'typing', { roomId, isTyping: true })).toEqual({ success: true });
    expect(await Promise.all(started)).toEqual([0, 1].map(() => ({ roomId, userId: dana.user.id, username: dana.user.username, isTyping: true })));
    await closed(danaOnA);
    const stopped = watchers.map((s) => next(s, 'userTyping', (p) => !p.isTyping));
    await closed(danaOnB);
    await Promise.all(stopped);
    for (const log of logs) expect(log.filter(([e]) => e === 'userTyping').map(([, p]) => p.isTyping)).toEqual([true, false]);
  });

  it('takes the users of a SIGKILLed node offline on the live node within the TTL, keeping users with a socket elsewhere', async () => {
    const node = await cluster.addNode();
    const [{ x: hana, y: gus }, { x: hana2, y: ivo }] = await Promise.all([pair(['hana', 'gus']), pair(['hana2', 'ivo'])]);
    const [hanaOnA, hana2OnA] = [await open(A, hana), await open(A, hana2)];
    await Promise.all([open(node.url, gus), open(node.url, ivo), open(A, ivo)]);
    const log = record(hanaOnA);
    const log2 = record(hana2OnA);
    const offline = next(hanaOnA, 'userOffline', (p) => p.userId === gus.user.id, 4 * TTL_MS + 5000);
    const killedAt = Date.now();
    node.child.kill('SIGKILL');
    await offline;
    expect(Date.now() - killedAt).toBeLessThan(4 * TTL_MS + 5000);
    expect(presenceOf(log, gus.user.id)).toEqual(['userOffline']);
    expect(presenceOf(log2, ivo.user.id)).toEqual([]);
    expect((await open(B, hana2)).ready.online).toEqual([ivo.user.id]);
    expect((await open(B, hana)).ready.online).toEqual([]);
  });

  it('registers every node\'s sockets again after Redis restarts empty', async () => {
    const { x: jon, y: kai } = await pair(['jon', 'kai']);
    await open(A, jon);
    await cluster.redis.stop();
    await cluster.redis.start();
    const seesJon = async () => {
      const socket = await connect(B, kai.token, 10_000).catch(() => undefined);
      socket?.close();
      return Boolean(socket?.ready.online.includes(jon.user.id));
    };
    await until(seesJon, 4 * TTL_MS + 10_000);
  }, 30_000);
});
