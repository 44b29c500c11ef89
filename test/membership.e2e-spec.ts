import { PresenceService } from '../src/presence/presence.service';
import { RoomRepository } from '../src/persistence/ports';
import { http, registerUser, TestUser } from './support/http';
import { barrier } from './support/barrier';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';

describe('Membership changes take effect at once (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, carol: TestUser, dave: TestUser;
  let a1: Client, c1: Client, d1: Client;
  let channelId: string;


  const history = (user: TestUser, roomId: string) => http(t.url, 'GET', `/rooms/${roomId}/messages`, { token: user.token });
  const channelEvents = (log: Array<[string, any]>, id: string) => log.filter(([e, p]) => /NEW_MESSAGE|channelMessage/.test(e) && p?.channelId === id);

  beforeAll(async () => {
    t = await startApp();
    [alice, carol, dave] = await Promise.all(['alice', 'carol', 'dave'].map((n) => registerUser(t.url, n)));
    [a1, c1, d1] = await Promise.all([alice, carol, dave].map((u) => connect(t.url, u.token)));
    channelId = (await ack(a1, 'createChannel', { name: 'membership', memberIds: [carol.user.id] })).channel.id;
  });

  afterAll(async () => {
    [a1, c1, d1].forEach((s) => s?.close());
    await t?.app.close();
  });

  it('refuses sends, history and live delivery right after a leave, with the cache warm', async () => {
    // Carol's own message is confirmed to her even after she leaves: wait for it before recording.
    const warmed = next(c1, 'channelMessageConfirmed', (c) => c.tempId === 'warming');
    expect(await ack(c1, 'NEW_MESSAGE', { channelId, body: 'warming up', tempId: 'warming' })).toMatchObject({ success: true });
    await warmed;
    expect(await history(carol, channelId)).toMatchObject({ status: 200 });
    expect(await http(t.url, 'POST', `/channels/${channelId}/leave`, { token: carol.token })).toMatchObject({ status: 200 });
    const carolLog = record(c1);
    expect(await ack(c1, 'NEW_MESSAGE', { channelId, body: 'still here?' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    expect(await history(carol, channelId)).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
    expect(await ack(a1, 'NEW_MESSAGE', { channelId, body: 'after carol left' })).toMatchObject({ success: true });
    await barrier(t.url, a1, alice, c1, carol);
    expect(channelEvents(carolLog, channelId)).toEqual([]);
  });

  it('admits sends, history and live delivery right after a join or an invite', async () => {
    expect(await http(t.url, 'POST', `/channels/${channelId}/join`, { token: carol.token })).toMatchObject({ status: 200 });
    expect(await history(carol, channelId)).toMatchObject({ status: 200, body: { messages: expect.any(Array) } });
    const secret = (await ack(a1, 'createChannel', { name: 'membership-secret', isPrivate: true })).channel.id;
    expect(await history(dave, secret)).toMatchObject({ status: 403 });
    expect(await http(t.url, 'POST', `/channels/${secret}/invite`, { token: alice.token, body: { userId: dave.user.id } })).toMatchObject({ status: 200 });
    expect(await history(dave, secret)).toMatchObject({ status: 200 });
    const live = next(d1, 'NEW_MESSAGE_RECEIVED', (m) => m.channelId === secret);
    expect(await ack(a1, 'NEW_MESSAGE', { channelId: secret, body: 'welcome' })).toMatchObject({ success: true });
    expect(await live).toMatchObject({ body: 'welcome' });
    expect(await ack(d1, 'NEW_MESSAGE', { channelId: secret, body: 'thanks' })).toMatchObject({ success: true });
  });

  it('does not undo a leave that lands while a socket is connecting', async () => {
    const rooms = t.app.get(RoomRepository);
    const original = rooms.roomIdsForUser.bind(rooms);
    let readDone!: () => void;
    let release!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The connect's first room load reads before the leave and answers after it.
    rooms.roomIdsForUser = async (userId: string) => {
      rooms.roomIdsForUser = original;
      const result = await original(userId);
      readDone();
      await gate;
      return result;
    };
    const connecting = connect(t.url, carol.token);
    await read;
    expect(await http(t.url, 'POST', `/channels/${channelId}/leave`, { token: carol.token })).toMatchObject({ status: 200 });
    release();
    const c2 = await connecting;
    try {
      expect(c2.ready.rooms.map((r: any) => r.id)).not.toContain(channelId);
      const log = record(c2);
      expect(await ack(a1, 'NEW_MESSAGE', { channelId, body: 'carol left while connecting' })).toMatchObject({ success: true });
      await barrier(t.url, a1, alice, c2, carol);
      expect(channelEvents(log, channelId)).toEqual([]);
      const online = await t.app.get(PresenceService).getUsersInRoom(channelId);
      expect(online.map((u) => u.id)).not.toContain(carol.user.id);
      expect(await ack(c2, 'NEW_MESSAGE', { channelId, body: 'me?' })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
    } finally {
      c2.close();
    }
  });
});
