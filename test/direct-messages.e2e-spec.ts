import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';

describe('Direct messages (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser, carol: TestUser;
  let a1: Client, a2: Client, b1: Client, c1: Client;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(t.url, n)));
    [a1, a2, b1, c1] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, carol.token)]);
    roomId = await openDirect(t.url, alice, bob);
  });

  afterAll(async () => {
    [a1, a2, b1, c1].forEach((s) => s?.close());
    await t?.app.close();
  });

  it('opens one direct room per pair: idempotent and symmetric', async () => {
    expect(await openDirect(t.url, alice, bob)).toBe(roomId);
    expect(await openDirect(t.url, bob, alice)).toBe(roomId);
    const room = await http(t.url, 'POST', `/direct/${alice.user.id}`, { token: bob.token });
    expect(room.body).toMatchObject({ id: roomId, kind: 'direct', memberIds: expect.arrayContaining([alice.user.id, bob.user.id]) });
  });

  it('tells every socket of both members about a new direct room once, and no one else', async () => {
    const dave = await registerUser(t.url, 'dave');
    const d1 = await connect(t.url, dave.token);
    try {
      const logs = [a1, a2, d1, c1].map(record);
      const told = [a1, a2, d1].map((s) => next(s, 'directCreated'));
      const created = await openDirect(t.url, dave, alice);
      for (const { room, online } of await Promise.all(told)) {
        expect(room).toMatchObject({ id: created, kind: 'direct', memberIds: expect.arrayContaining([alice.user.id, dave.user.id]) });
        expect(online.sort()).toEqual([alice.user.id, dave.user.id].sort());
      }
      expect(await openDirect(t.url, alice, dave)).toBe(created);
      // A marker after the reopen: once it arrives, a second directCreated would have too.
      await ack(a1, 'joinRoom', { roomId: created });
      await ack(d1, 'joinRoom', { roomId: created });
      expect(logs.map((log) => log.filter(([e]) => e === 'directCreated').length)).toEqual([1, 1, 1, 0]);
    } finally {
      d1.close();
    }
  });

  it('refuses a room with yourself (400) and with an unknown user (404)', async () => {
    const self = await http(t.url, 'POST', `/direct/${alice.user.id}`, { token: alice.token });
    expect(self).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    const unknown = await http(t.url, 'POST', '/direct/000000000000000000000000', { token: alice.token });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'USER.NOT_FOUND' } });
    const anonymous = await http(t.url, 'POST', `/direct/${bob.user.id}`);
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
  });

  it('delivers optimistically to every socket, then confirms to all', async () => {
    const logs = [a1, a2, b1, c1].map(record);
    const confirmations = [a1, a2, b1].map((s) => next(s, 'roomMessageConfirmed', (c) => c.tempId === 'hello-1'));
    const res = await ack(a1, 'roomMessage', { roomId, body: '  hello bob  ', tempId: 'hello-1' });
    expect(res).toEqual({ success: true, tempId: 'hello-1', _id: 'hello-1', seq: expect.any(Number) });
    const confirmed = await Promise.all(confirmations);
    const [la1, la2, lb1, lc1] = logs.map((log) => log.filter(([e]) => e.startsWith('roomMessage')));

    const optimistic = { _id: 'hello-1', tempId: 'hello-1', roomId, body: 'hello bob', seq: res.seq, isOptimistic: true, sender: alice.user };
    expect(la1.map(([e]) => e)).toEqual(['roomMessageSent', 'roomMessageConfirmed']);
    expect(la1[0][1]).toMatchObject(optimistic);
    for (const log of [la2, lb1]) {
      expect(log.map(([e]) => e)).toEqual(['roomMessageRecieved', 'roomMessageConfirmed']);
      expect(log[0][1]).toMatchObject(optimistic);
    }
    expect(lc1).toEqual([]);
    for (const c of confirmed) {
      expect(c).toEqual({ tempId: 'hello-1', _id: expect.stringMatching(/^[0-9a-f]{24}$/), roomId, seq: res.seq, createdAt: la1[0][1].createdAt });
    }
    const history = await http(t.url, 'GET', `/rooms/${roomId}/messages`, { token: bob.token });
    expect(history.body.messages.at(-1)).toEqual({
      _id: confirmed[0]._id, roomId, seq: res.seq, rev: res.seq, sender: alice.user, body: 'hello bob', tempId: 'hello-1', createdAt: la1[0][1].createdAt,
    });
  });

  it('subscribes sockets of both users to a new DM at once, without a reconnect', async () => {
    const dave = await registerUser(t.url, 'dave');
    const d1 = await connect(t.url, dave.token);
    try {
      const dmId = await openDirect(t.url, carol, dave);
      const got = next(d1, 'roomMessageRecieved');
      await ack(c1, 'roomMessage', { roomId: dmId, body: 'hi dave', tempId: 'cd-1' });
      expect(await got).toMatchObject({ roomId: dmId, body: 'hi dave', sender: carol.user });
      const later = await connect(t.url, dave.token);
      expect(later.ready.rooms.map((r: any) => r.id)).toContain(dmId);
      later.close();
    } finally {
      d1.close();
    }
  });

  it('refuses a non-member (ROOM.NOT_MEMBER) and delivers nothing', async () => {
    const bobLog = record(b1);
    const refused = await ack(c1, 'roomMessage', { roomId, body: 'let me in', tempId: 'intruder' });
    expect(refused).toEqual({ success: false, error: { code: 'ROOM.NOT_MEMBER', message: expect.any(String) } });
    expect(await ack(c1, 'joinRoom', { roomId })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    const unknown = await ack(c1, 'roomMessage', { roomId: 'no-such-room', body: 'x' });
    expect(unknown.error.code).toBe('ROOM.NOT_FOUND');
    const barrier = next(b1, 'roomMessageRecieved', (m) => m.tempId === 'after-intruder');
    await ack(a1, 'roomMessage', { roomId, body: 'barrier', tempId: 'after-intruder' });
    await barrier;
    expect(bobLog.filter(([, p]) => p?.tempId === 'intruder')).toEqual([]);
    const history = await http(t.url, 'GET', `/rooms/${roomId}/messages`, { token: carol.token });
    expect(history).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
  });

  it('answers joinRoom with the online members, and leaveRoom stops that socket only', async () => {
    const joined = await ack(b1, 'joinRoom', { roomId });
    expect(joined).toMatchObject({ success: true, roomId });
    expect(joined.connectedUsers).toEqual(expect.arrayContaining([
      { userId: alice.user.id, username: alice.user.username },
      { userId: bob.user.id, username: bob.user.username },
    ]));
    expect(await ack(a2, 'leaveRoom', { roomId })).toEqual({ success: true, roomId });
    const a2Log = record(a2);
    const atBob = next(b1, 'roomMessageRecieved', (m) => m.tempId === 'after-leave');
    const confirmedAtA1 = next(a1, 'roomMessageConfirmed', (m) => m.tempId === 'after-leave');
    await ack(a1, 'roomMessage', { roomId, body: 'a2 left', tempId: 'after-leave' });
    await Promise.all([atBob, confirmedAtA1]);
    // a2 still hears its user's channel (confirmations of its own user), never the room broadcast.
    expect(a2Log.filter(([e]) => e === 'roomMessageRecieved')).toEqual([]);
    expect(await ack(a2, 'joinRoom', { roomId })).toMatchObject({ success: true });
  });

  it('treats a resent tempId as the same message: one broadcast, one row, the same seq', async () => {
    const bobLog = record(b1);
    const confirmed = next(a1, 'roomMessageConfirmed', (c) => c.tempId === 'dup-1');
    const first = await ack(a1, 'roomMessage', { roomId, body: 'once', tempId: 'dup-1' });
    const again = await ack(a1, 'roomMessage', { roomId, body: 'once', tempId: 'dup-1' });
    expect(again).toEqual({ ...first, duplicate: true });
    const saved = await confirmed;
    const reconfirmed = next(a1, 'roomMessageConfirmed', (c) => c.tempId === 'dup-1');
    const third = await ack(a1, 'roomMessage', { roomId, body: 'once', tempId: 'dup-1' });
    expect(third).toEqual({ success: true, tempId: 'dup-1', _id: saved._id, seq: first.seq, duplicate: true });
    expect(await reconfirmed).toEqual(saved);
    const barrier = next(b1, 'roomMessageRecieved', (m) => m.tempId === 'after-dup');
    await ack(a1, 'roomMessage', { roomId, body: 'next', tempId: 'after-dup' });
    await barrier;
    expect(bobLog.filter(([e, p]) => e === 'roomMessageRecieved' && p.tempId === 'dup-1')).toHaveLength(1);
    const history = await http(t.url, 'GET', `/rooms/${roomId}/messages?limit=200`, { token: alice.token });
    expect(history.body.messages.filter((m: any) => m.tempId === 'dup-1')).toHaveLength(1);
  });

  it('lists my rooms with the last message and unread count', async () => {
    const rooms = await http(t.url, 'GET', '/rooms', { token: bob.token });
    expect(rooms.status).toBe(200);
    const dm = rooms.body.find((r: any) => r.id === roomId);
    expect(dm).toMatchObject({ kind: 'direct', lastMessage: { roomId, sender: alice.user }, unreadCount: expect.any(Number) });
    expect(dm.unreadCount).toBeGreaterThan(0);
  });
});
