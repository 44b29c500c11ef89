import { http, openDirect, registerUser, TestUser } from './support/http';
import { barrier } from './support/barrier';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';

describe('Channels (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;
  let a1: Client, a2: Client, b1: Client, b2: Client, c1: Client, d1: Client;
  let channelId: string;


  beforeAll(async () => {
    t = await startApp();
    [alice, bob, carol, dave] = await Promise.all(['alice', 'bob', 'carol', 'dave'].map((n) => registerUser(t.url, n)));
    [a1, a2, b1, b2, c1, d1] = await Promise.all([alice, alice, bob, bob, carol, dave].map((u) => connect(t.url, u.token)));
  });

  afterAll(async () => {
    [a1, a2, b1, b2, c1, d1].forEach((s) => s?.close());
    await t?.app.close();
  });

  it('creates a channel over WS and tells every socket of every initial member', async () => {
    const created = [a1, a2, b1, b2, c1].map((s) => next(s, 'channelCreated'));
    const daveLog = record(d1);
    const res = await ack(a1, 'createChannel', { name: '  general  ', description: 'everything', memberIds: [bob.user.id, carol.user.id] });
    expect(res).toMatchObject({ success: true, channel: { kind: 'channel', name: 'general', description: 'everything', isPrivate: false } });
    channelId = res.channel.id;
    for (const c of await Promise.all(created)) expect(c).toMatchObject({ id: channelId, memberIds: expect.arrayContaining([alice.user.id, bob.user.id, carol.user.id]) });
    const members = await http(t.url, 'GET', `/channels/${channelId}/members`, { token: dave.token });
    // Members come in join order; these three joined in the same instant, so compare them by name.
    const byName = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
    expect(members.body.map((m: any) => [m.username, m.role, m.online]).sort(byName)).toEqual([
      [alice.user.username, 'owner', true], [bob.user.username, 'member', true], [carol.user.username, 'member', true],
    ].sort(byName));
    await barrier(t.url, a1, alice, d1, dave);
    expect(daveLog.filter(([e]) => e === 'channelCreated')).toEqual([]);
  });

  it('delivers NEW_MESSAGE optimistically to every member socket, then confirms to all', async () => {
    const logs = [a1, a2, b1, b2, c1, d1].map(record);
    const confirmations = [a1, a2, b1, b2, c1].map((s) => next(s, 'channelMessageConfirmed', (c) => c.tempId === 'ch-1'));
    const res = await ack(a1, 'NEW_MESSAGE', { channelId, body: 'hello channel', tempId: 'ch-1' });
    expect(res).toEqual({ success: true, tempId: 'ch-1', _id: 'ch-1', seq: 1 });
    const confirmed = await Promise.all(confirmations);
    await barrier(t.url, a1, alice, d1, dave);
    const [la1, la2, lb1, lb2, lc1, ld1] = logs.map((log) => log.filter(([e]) => /channelMessage|NEW_MESSAGE/.test(e)));
    const optimistic = { _id: 'ch-1', tempId: 'ch-1', channelId, body: 'hello channel', seq: 1, isOptimistic: true, sender: alice.user };
    expect(la1.map(([e]) => e)).toEqual(['channelMessageSent', 'channelMessageConfirmed']);
    expect(la1[0][1]).toMatchObject(optimistic);
    for (const log of [la2, lb1, lb2, lc1]) {
      expect(log.map(([e]) => e)).toEqual(['NEW_MESSAGE_RECEIVED', 'channelMessageConfirmed']);
      expect(log[0][1]).toMatchObject(optimistic);
    }
    expect(ld1).toEqual([]);
    for (const c of confirmed) expect(c).toEqual({ tempId: 'ch-1', _id: expect.stringMatching(/^[0-9a-f]{24}$/), channelId, seq: 1, createdAt: la1[0][1].createdAt });
    const history = await http(t.url, 'GET', `/rooms/${channelId}/messages`, { token: carol.token });
    expect(history.body).toEqual({ messages: [expect.objectContaining({ _id: confirmed[0]._id, body: 'hello channel', seq: 1 })], hasMore: false });
  });

  it('refuses a non-member: NEW_MESSAGE and joinRoom get ROOM.NOT_MEMBER; unknown ids ROOM.NOT_FOUND', async () => {
    expect(await ack(d1, 'NEW_MESSAGE', { channelId, body: 'me too' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    expect(await ack(d1, 'joinRoom', { roomId: channelId })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    expect(await ack(a1, 'NEW_MESSAGE', { channelId: 'nope', body: 'x' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_FOUND' } });
    expect(await http(t.url, 'GET', '/channels/nope', { token: alice.token })).toMatchObject({ status: 404, body: { code: 'ROOM.NOT_FOUND' } });
    expect(await http(t.url, 'POST', '/channels/nope/join', { token: alice.token })).toMatchObject({ status: 404, body: { code: 'ROOM.NOT_FOUND' } });
    const dm = await openDirect(t.url, alice, bob);
    expect(await ack(a1, 'NEW_MESSAGE', { channelId: dm, body: 'a DM is no channel' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_FOUND' } });
    expect(await ack(a1, 'roomMessage', { roomId: channelId, body: 'a channel is no DM' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_FOUND' } });
  });

  it('answers joinRoom on a channel with the online members', async () => {
    const res = await ack(c1, 'joinRoom', { roomId: channelId });
    expect(res.connectedUsers.map((u: any) => u.userId).sort()).toEqual([alice.user.id, bob.user.id, carol.user.id].sort());
  });

  it('keeps a private channel closed to strangers; an owner invite subscribes them live', async () => {
    const secret = (await ack(a1, 'createChannel', { name: 'secret', isPrivate: true, memberIds: [bob.user.id] })).channel;
    expect(await ack(d1, 'joinChannel', { channelId: secret.id })).toMatchObject({ success: false, error: { code: 'CHANNEL.PRIVATE' } });
    expect(await http(t.url, 'POST', `/channels/${secret.id}/join`, { token: dave.token })).toMatchObject({ status: 403, body: { code: 'CHANNEL.PRIVATE' } });
    expect(await http(t.url, 'GET', `/channels/${secret.id}`, { token: dave.token })).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
    expect((await http(t.url, 'GET', '/channels?limit=100', { token: dave.token })).body.channels.map((c: any) => c.id)).not.toContain(secret.id);
    expect((await http(t.url, 'GET', '/channels?limit=100', { token: bob.token })).body.channels.map((c: any) => c.id)).toContain(secret.id);
    expect(await ack(b1, 'inviteToChannel', { channelId: secret.id, userId: dave.user.id })).toMatchObject({ success: false, error: { code: 'CHANNEL.FORBIDDEN' } });
    expect(await ack(d1, 'inviteToChannel', { channelId: secret.id, userId: dave.user.id })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });

    const joined = next(d1, 'channelMemberJoined');
    const joinedAtBob = next(b2, 'channelMemberJoined');
    expect(await ack(a2, 'inviteToChannel', { channelId: secret.id, userId: dave.user.id })).toMatchObject({ success: true, channelId: secret.id, userId: dave.user.id });
    const event = { channelId: secret.id, user: dave.user, invitedBy: alice.user };
    expect(await joined).toEqual(event);
    expect(await joinedAtBob).toEqual(event);
    const got = next(d1, 'NEW_MESSAGE_RECEIVED');
    await ack(b1, 'NEW_MESSAGE', { channelId: secret.id, body: 'welcome dave' });
    expect(await got).toMatchObject({ channelId: secret.id, body: 'welcome dave', sender: bob.user });
    expect(await ack(d1, 'NEW_MESSAGE', { channelId: secret.id, body: 'thanks' })).toMatchObject({ success: true });
  });

  it('lets anyone join a public channel over REST, live, announced to the members', async () => {
    const announced = next(a1, 'channelMemberJoined', (e) => e.channelId === channelId);
    const res = await http(t.url, 'POST', `/channels/${channelId}/join`, { token: dave.token });
    expect(res).toMatchObject({ status: 200, body: { id: channelId, memberIds: expect.arrayContaining([dave.user.id]) } });
    expect(await announced).toEqual({ channelId, user: dave.user });
    const got = next(d1, 'NEW_MESSAGE_RECEIVED', (m) => m.channelId === channelId);
    await ack(a1, 'NEW_MESSAGE', { channelId, body: 'hi dave' });
    expect(await got).toMatchObject({ body: 'hi dave' });
    expect(await http(t.url, 'POST', `/channels/${channelId}/join`, { token: dave.token })).toMatchObject({ status: 200 });
  });

  it('stops delivery to every socket of a user who leaves, at once', async () => {
    const left = [c1, a1].map((s) => next(s, 'channelMemberLeft'));
    expect(await ack(c1, 'leaveChannel', { channelId })).toEqual({ success: true, channelId });
    for (const e of await Promise.all(left)) expect(e).toEqual({ channelId, userId: carol.user.id });
    const carolLog = record(c1);
    const atBob = next(b1, 'NEW_MESSAGE_RECEIVED', (m) => m.tempId === 'after-carol');
    await ack(a1, 'NEW_MESSAGE', { channelId, body: 'carol is gone', tempId: 'after-carol' });
    await atBob;
    await barrier(t.url, a1, alice, c1, carol);
    expect(carolLog.filter(([e]) => /channelMessage|NEW_MESSAGE/.test(e))).toEqual([]);
    expect(await ack(c1, 'NEW_MESSAGE', { channelId, body: 'let me back' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    expect(await http(t.url, 'POST', `/channels/${channelId}/leave`, { token: carol.token })).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
  });

  it('keeps public channel names unique ignoring case; private ones may repeat', async () => {
    const taken = await http(t.url, 'POST', '/channels', { token: bob.token, body: { name: 'GENERAL' } });
    expect(taken).toMatchObject({ status: 409, body: { code: 'CHANNEL.NAME_TAKEN' } });
    const priv = await http(t.url, 'POST', '/channels', { token: bob.token, body: { name: 'General', isPrivate: true } });
    expect(priv).toMatchObject({ status: 201, body: { name: 'General', isPrivate: true, memberIds: [bob.user.id] } });
  });

  it('refuses bad channel payloads with VALIDATION.FAILED and unknown users with USER.NOT_FOUND', async () => {
    for (const [event, payload] of [
      ['createChannel', {}], ['createChannel', { name: '' }], ['createChannel', { name: 'x'.repeat(81) }], ['createChannel', { name: 'ok', isPrivate: 'yes' }],
      ['createChannel', { name: 'ok', memberIds: 'bob' }], ['createChannel', { name: 'ok', memberIds: [1] }], ['createChannel', 'general'],
      ['NEW_MESSAGE', { channelId, body: '   ' }], ['NEW_MESSAGE', { channelId }], ['NEW_MESSAGE', { roomId: channelId, body: 'x' }],
      ['joinChannel', {}], ['leaveChannel', { channelId: 1 }], ['inviteToChannel', { channelId }],
    ] as const) {
      expect([event, await ack(a1, event, payload)]).toEqual([event, { success: false, error: expect.objectContaining({ code: 'VALIDATION.FAILED' }) }]);
    }
    expect(await ack(a1, 'createChannel', { name: 'ghosts', memberIds: ['000000000000000000000000'] })).toMatchObject({ success: false, error: { code: 'USER.NOT_FOUND' } });
    expect(await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'x', extra: true } })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
  });

  it('lists DMs and channels together in GET /rooms, and pages GET /channels with search', async () => {
    const rooms = await http(t.url, 'GET', '/rooms', { token: alice.token });
    expect(new Set(rooms.body.map((r: any) => r.kind))).toEqual(new Set(['direct', 'channel']));
    const names = ['page-a', 'page-b', 'page-c'];
    for (const name of names) await http(t.url, 'POST', '/channels', { token: dave.token, body: { name } });
    const first = await http(t.url, 'GET', '/channels?search=page-&limit=2', { token: alice.token });
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
    const second = await http(t.url, 'GET', `/channels?search=page-&limit=2&after=${first.body.nextCursor}`, { token: alice.token });
    expect(second.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect([...first.body.channels, ...second.body.channels].map((c: any) => c.name)).toEqual(names);
  });
});
