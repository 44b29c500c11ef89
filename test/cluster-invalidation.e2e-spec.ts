import { http, openDirect, registerUser, TestUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { ack, next, record } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster e2e skipped: ${missing}`);

// Each room is written on one node only: positions across nodes are another suite's subject.
describeCluster('Cluster mode: membership, blocks and rate limits agree across nodes (e2e, 2 built servers, real redis-server)', () => {
  let cluster: TestCluster;
  const open = (url: string, user: TestUser) => cluster.open(url, user);

  beforeAll(async () => {
    // 6 messages per 6 s window, cluster-wide; the event budget stays at its default.
    cluster = await startCluster(2, { RATE_LIMIT_BURST: '6', RATE_LIMIT_PER_SEC: '1' });
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('enforces a leave on A on node B as soon as A answered it: no more messages, sends refused ROOM.NOT_MEMBER', async () => {
    const [a, b] = cluster.nodes;
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(a.url, n)));
    const created = await http(a.url, 'POST', '/channels', { token: alice.token, body: { name: `ops-${process.pid}-leave`, memberIds: [bob.user.id, carol.user.id] } });
    expect(created.status).toBe(201);
    const channelId = created.body.id;
    const [aliceOnA, bobOnA, bobOnB, carolOnB] = await Promise.all([open(a.url, alice), open(a.url, bob), open(b.url, bob), open(b.url, carol)]);
    // Warms B's membership cache for the channel (a typing signal checks membership): the leave must drop it there.
    expect(await ack(bobOnB, 'typing', { roomId: channelId, isTyping: false })).toEqual({ success: true });
    const bobHeard = next(bobOnB, 'channelMessageConfirmed', (m) => m.tempId === 'l0');
    expect(await ack(aliceOnA, 'NEW_MESSAGE', { channelId, body: 'before', tempId: 'l0' })).toMatchObject({ success: true });
    await bobHeard;
    const bobLog = record(bobOnB);

    expect(await ack(bobOnA, 'leaveChannel', { channelId })).toEqual({ success: true, channelId });
    const refused = await ack(bobOnB, 'NEW_MESSAGE', { channelId, body: 'after leaving', tempId: 'l1' });
    expect(refused).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });

    const seenByCarol = next(carolOnB, 'NEW_MESSAGE_RECEIVED', (m) => m.tempId === 'l2');
    expect(await ack(aliceOnA, 'NEW_MESSAGE', { channelId, body: 'bob has gone', tempId: 'l2' })).toMatchObject({ success: true });
    await seenByCarol;
    expect(bobLog.filter(([event, p]) => p?.channelId === channelId && event !== 'channelMemberLeft')).toEqual([]);
  });

  it('admits a member added on A on node B as soon as A answered: her socket there hears the room, her checks pass', async () => {
    const [a, b] = cluster.nodes;
    const [alice, carol] = await Promise.all(['alice', 'carol'].map((n) => registerUser(a.url, n)));
    const created = await http(a.url, 'POST', '/channels', { token: alice.token, body: { name: `ops-${process.pid}-join`, memberIds: [] } });
    const channelId = created.body.id;
    const [aliceOnA, carolOnB] = await Promise.all([open(a.url, alice), open(b.url, carol)]);
    // Caches the channel on B without carol: the invite must drop it there.
    expect(await ack(carolOnB, 'typing', { roomId: channelId, isTyping: false })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });

    expect((await http(a.url, 'POST', `/channels/${channelId}/invite`, { token: alice.token, body: { userId: carol.user.id } })).status).toBe(200);
    expect(await ack(carolOnB, 'typing', { roomId: channelId, isTyping: false })).toEqual({ success: true });
    const heard = next(carolOnB, 'NEW_MESSAGE_RECEIVED', (m) => m.tempId === 'j1');
    expect(await ack(aliceOnA, 'NEW_MESSAGE', { channelId, body: 'welcome', tempId: 'j1' })).toMatchObject({ success: true });
    expect(await heard).toMatchObject({ channelId, body: 'welcome' });
  });

  it('blocks on B at once after a block answered on A', async () => {
    const [a, b] = cluster.nodes;
    const [alice, bob] = await Promise.all([registerUser(a.url, 'alice'), registerUser(a.url, 'bob')]);
    const roomId = await openDirect(a.url, bob, alice);
    const bobOnB = await open(b.url, bob);
    // Caches alice's (empty) block list on B.
    expect(await ack(bobOnB, 'roomMessage', { roomId, body: 'hi', tempId: 'b0' })).toMatchObject({ success: true });

    expect((await http(a.url, 'POST', `/users/${bob.user.id}/block`, { token: alice.token })).status).toBe(204);
    expect(await ack(bobOnB, 'roomMessage', { roomId, body: 'still there?', tempId: 'b1' })).toMatchObject({ success: false, error: { code: 'USER.BLOCKED' } });

    expect((await http(a.url, 'DELETE', `/users/${bob.user.id}/block`, { token: alice.token })).status).toBe(204);
    expect(await ack(bobOnB, 'roomMessage', { roomId, body: 'friends again', tempId: 'b2' })).toMatchObject({ success: true });
  });

  it('counts one message limit per user across nodes: a burst split between A and B is refused past the shared burst', async () => {
    const [a, b] = cluster.nodes;
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(a.url, n)));
    const [withBob, withCarol] = await Promise.all([openDirect(a.url, alice, bob), openDirect(a.url, alice, carol)]);
    const [aliceOnA, aliceOnB] = await Promise.all([open(a.url, alice), open(b.url, alice)]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ack(aliceOnA, 'roomMessage', { roomId: withBob, body: `a${i}`, tempId: `ra${i}` }));
    for (let i = 0; i < 4; i++) answers.push(await ack(aliceOnB, 'roomMessage', { roomId: withCarol, body: `b${i}`, tempId: `rb${i}` }));
    expect(answers.map((r) => r.success)).toEqual([true, true, true, true, true, true, false, false]);
    expect(answers[7]).toMatchObject({ error: { code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) } });
    expect(answers[7].error.retryAfterMs).toBeLessThanOrEqual(6000);
  });
});
