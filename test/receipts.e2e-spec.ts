import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { sendSaved } from './support/send-saved';
import { ack, Client, connect, next, record } from './support/sockets';

describe('read markers and receipts: tabs and members (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let dm: string;
  let a1: Client, a2: Client, b1: Client;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob] = await Promise.all(['alice', 'bob'].map((name) => registerUser(t.url, name)));
    dm = await openDirect(t.url, alice, bob);
    [a1, a2, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token)]);
  });
  afterAll(async () => {
    [a1, a2, b1].forEach((s) => s?.close());
    await t?.app.close();
  });

  const receipts = (token: string, roomId = dm) => http(t.url, 'GET', `/rooms/${roomId}/receipts`, { token });
  const byUser = <T extends { userId: string }>(list: T[]) => [...list].sort((x, y) => x.userId.localeCompare(y.userId));

  it('keeps the reader\'s other tabs in step and tells the other member, only when the marker moves; a huge seq is clamped', async () => {
    await sendSaved(b1, dm, 3);
    const bobLog = record(b1);
    const a1Log = record(a1);
    const tab = next(a2, 'readMarker');
    const receipt = next(b1, 'readReceipt');
    expect(await ack(a1, 'markRead', { roomId: dm, seq: 2 })).toEqual({ success: true, roomId: dm, lastReadSeq: 2, unread: 1 });
    expect(await tab).toEqual({ roomId: dm, lastReadSeq: 2, unread: 1 });
    expect(await receipt).toEqual({ roomId: dm, userId: alice.user.id, lastReadSeq: 2 });

    const stillTab = next(a2, 'readMarker');
    expect(await ack(a1, 'markRead', { roomId: dm, seq: 1 })).toEqual({ success: true, roomId: dm, lastReadSeq: 2, unread: 1 });
    expect(await stillTab).toEqual({ roomId: dm, lastReadSeq: 2, unread: 1 });

    const fromOtherTab = next(a1, 'readMarker');
    const clamped = next(b1, 'readReceipt');
    expect(await ack(a2, 'markRead', { roomId: dm, seq: 1e308 })).toEqual({ success: true, roomId: dm, lastReadSeq: 3, unread: 0 });
    expect(await fromOtherTab).toEqual({ roomId: dm, lastReadSeq: 3, unread: 0 });
    expect(await clamped).toEqual({ roomId: dm, userId: alice.user.id, lastReadSeq: 3 });

    // One socket receives in emit order: bob got no receipt for the marker that stayed, a1 no echo of its own markRead.
    expect(bobLog.filter(([e]) => e === 'readReceipt').map(([, p]) => p.lastReadSeq)).toEqual([2, 3]);
    expect(a1Log.filter(([e]) => e === 'readMarker' || e === 'readReceipt')).toEqual([['readMarker', { roomId: dm, lastReadSeq: 3, unread: 0 }]]);
    expect((await receipts(bob.token)).body).toEqual(byUser([{ userId: alice.user.id, lastReadSeq: 3 }, { userId: bob.user.id, lastReadSeq: 0 }]));
  });

  it('answers POST /rooms/:roomId/read in the same shape and tells every socket of the reader', async () => {
    await sendSaved(a1, dm, 2);
    const tabs = [a1, a2].map((s) => next(s, 'readMarker'));
    const receipt = next(a1, 'readReceipt');
    const bobTab = next(b1, 'readMarker');
    expect(await http(t.url, 'POST', `/rooms/${dm}/read`, { token: bob.token, body: { seq: 4 } })).toEqual({ status: 200, body: { roomId: dm, lastReadSeq: 4, unread: 1 } });
    expect(await receipt).toEqual({ roomId: dm, userId: bob.user.id, lastReadSeq: 4 });
    expect((await http(t.url, 'POST', `/rooms/${dm}/read`, { token: alice.token, body: { seq: 5 } })).body).toEqual({ roomId: dm, lastReadSeq: 5, unread: 0 });
    expect(await Promise.all(tabs)).toEqual([{ roomId: dm, lastReadSeq: 5, unread: 0 }, { roomId: dm, lastReadSeq: 5, unread: 0 }]);
    expect(await bobTab).toEqual({ roomId: dm, lastReadSeq: 4, unread: 1 });
  });
});
