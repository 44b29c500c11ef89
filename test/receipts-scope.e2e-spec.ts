import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { sendSaved } from './support/send-saved';
import { ack, Client, connect, next, record } from './support/sockets';

// Small on purpose: a three-member channel is over it, a two-member one is not.
const MAX_MEMBERS = '2';

describe('read receipts: who gets them, who may ask (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser, carol: TestUser;
  let dm: string;
  let a1: Client, a2: Client, b1: Client;

  beforeAll(async () => {
    t = await startApp({ READ_RECEIPTS_MAX_MEMBERS: MAX_MEMBERS });
    [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((name) => registerUser(t.url, name)));
    dm = await openDirect(t.url, alice, bob);
    [a1, a2, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token)]);
  });
  afterAll(async () => {
    [a1, a2, b1].forEach((s) => s?.close());
    await t?.app.close();
  });

  const receipts = (token: string, roomId = dm) => http(t.url, 'GET', `/rooms/${roomId}/receipts`, { token });

  it('sends no readReceipt in a channel over READ_RECEIPTS_MAX_MEMBERS; a channel within it does', async () => {
    const big = (await http(t.url, 'POST', '/channels', { token: bob.token, body: { name: `big-${Date.now()}`, memberIds: [alice.user.id, carol.user.id] } })).body.id;
    const small = (await http(t.url, 'POST', '/channels', { token: bob.token, body: { name: `small-${Date.now()}`, memberIds: [alice.user.id] } })).body.id;
    const c1 = await connect(t.url, carol.token);
    try {
      await sendSaved(b1, big, 2, 'channel');
      await sendSaved(b1, small, 1, 'channel');
      const bobLog = record(b1);
      const carolLog = record(c1);
      const tab = next(a2, 'readMarker', (m) => m.roomId === big);
      expect(await ack(a1, 'markRead', { roomId: big, seq: 2 })).toEqual({ success: true, roomId: big, lastReadSeq: 2, unread: 0 });
      expect(await tab).toEqual({ roomId: big, lastReadSeq: 2, unread: 0 });
      const smallReceipt = next(b1, 'readReceipt', (r) => r.roomId === small);
      expect(await ack(a1, 'markRead', { roomId: small, seq: 1 })).toMatchObject({ success: true, lastReadSeq: 1 });
      expect(await smallReceipt).toEqual({ roomId: small, userId: alice.user.id, lastReadSeq: 1 });
      // The small channel's receipt was emitted after the big one's would have been.
      expect(bobLog.filter(([e]) => e === 'readReceipt').map(([, p]) => p.roomId)).toEqual([small]);
      expect(await ack(b1, 'markRead', { roomId: big, seq: 2 })).toMatchObject({ success: true, lastReadSeq: 2 });
      // A message sent afterwards reaches carol after any receipt of bob's markRead would have.
      const after = next(c1, 'NEW_MESSAGE_RECEIVED', (m) => m.tempId === 'after-read');
      await ack(b1, 'NEW_MESSAGE', { channelId: big, body: 'after', tempId: 'after-read' });
      await after;
      expect(carolLog.filter(([e]) => e === 'readReceipt')).toEqual([]);
    } finally {
      c1.close();
    }
  });

  it('refuses non-members and unknown rooms with a code, and bad input, changing nothing', async () => {
    const before = (await receipts(alice.token)).body;
    const c1 = await connect(t.url, carol.token);
    try {
      expect(await ack(c1, 'markRead', { roomId: dm, seq: 1 })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_MEMBER' } });
      expect(await ack(c1, 'markRead', { roomId: '000000000000000000000000', seq: 1 })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_FOUND' } });
      for (const payload of [{ roomId: dm, seq: -1 }, { roomId: dm, seq: 1.5 }, { roomId: dm, seq: 'x' }, { seq: 1 }, { roomId: dm }]) {
        expect(await ack(a1, 'markRead', payload)).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
      }
    } finally {
      c1.close();
    }
    expect(await http(t.url, 'POST', `/rooms/${dm}/read`, { token: carol.token, body: { seq: 1 } })).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
    expect(await receipts(carol.token)).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
    expect(await receipts(carol.token, '000000000000000000000000')).toMatchObject({ status: 404, body: { code: 'ROOM.NOT_FOUND' } });
    expect(await http(t.url, 'GET', `/rooms/${dm}/receipts`)).toMatchObject({ status: 401 });
    expect((await receipts(alice.token)).body).toEqual(before);
  });
});
