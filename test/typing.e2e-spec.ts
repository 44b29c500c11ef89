import { PresenceService } from '../src/presence/presence.service';
import { closeAll, DmPair, dmPair, fence, typings } from './support/dm-pair';
import { registerUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, connect, next, record, until } from './support/sockets';

describe('Typing (e2e)', () => {
  let t: TestApp;
  let p: DmPair;

  beforeAll(async () => (t = await startApp()));
  beforeEach(async () => (p = await dmPair(t)));
  afterEach(() => closeAll(p));
  afterAll(async () => t?.app.close());

  it("relays to the other member's every tab, never to the typer's own tabs", async () => {
    const logs = [p.a1, p.a2].map(record);
    const seen = [p.b1, p.b2].map((s) => next(s, 'userTyping'));
    expect(await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: true })).toEqual({ success: true });
    const expected = { roomId: p.roomId, userId: p.alice.user.id, username: p.alice.user.username, isTyping: true };
    expect(await Promise.all(seen)).toEqual([expected, expected]);
    await fence(p);
    expect(logs.map(typings)).toEqual([[], []]);
  });

  it('relays one start for a burst of 10, then the stop at once', async () => {
    const log = record(p.b1);
    const acks = await Promise.all(Array.from({ length: 10 }, () => ack(p.a1, 'typing', { roomId: p.roomId, isTyping: true })));
    expect(acks).toEqual(Array(10).fill({ success: true }));
    const stopped = next(p.b1, 'userTyping', (s) => !s.isTyping);
    const stopSentAt = Date.now();
    await ack(p.a2, 'typing', { roomId: p.roomId, isTyping: false });
    await stopped;
    // Far below the 2 s renewal interval and the 6 s expiry: the stop was not held back.
    expect(Date.now() - stopSentAt).toBeLessThan(1500);
    expect(typings(log).map((s) => s.isTyping)).toEqual([true, false]);
    await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: false });
    await fence(p);
    expect(typings(log)).toHaveLength(2);
  });

  it("ends typing when the typer's message is accepted", async () => {
    await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: true });
    const stopped = next(p.b1, 'userTyping', (s) => !s.isTyping);
    const received = next(p.b1, 'roomMessageRecieved', (m) => m.body === 'done typing');
    expect(await ack(p.a1, 'roomMessage', { roomId: p.roomId, body: 'done typing' })).toMatchObject({ success: true });
    expect(await stopped).toMatchObject({ roomId: p.roomId, userId: p.alice.user.id, isTyping: false });
    await received;
  });

  it('ends typing when the last socket of the typer goes, not before', async () => {
    const presence = t.app.get(PresenceService);
    const log = record(p.b1);
    const started = next(p.b2, 'userTyping');
    await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: true });
    await started;
    const sockets = (await presence.stats()).sockets;
    p.a1.close();
    await until(async () => (await presence.stats()).sockets === sockets - 1);
    await fence(p);
    expect(typings(log).map((s) => s.isTyping)).toEqual([true]);
    const stopped = next(p.b1, 'userTyping', (s) => !s.isTyping);
    p.a2.close();
    expect(await stopped).toMatchObject({ userId: p.alice.user.id, isTyping: false });
  });

  it('limits each user to 30 typing signals per 10 s, with RATE.LIMITED and retryAfterMs', async () => {
    const acks = [];
    for (let i = 0; i < 31; i++) acks.push(await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: i % 2 === 0 }));
    expect(acks.slice(0, 30).every((a) => a.success)).toBe(true);
    expect(acks[30]).toEqual({ success: false, error: { code: 'RATE.LIMITED', message: expect.any(String), retryAfterMs: expect.any(Number) } });
  });

  it('refuses non-members, unknown rooms and bad payloads, and relays nothing', async () => {
    const carol = await connect(t.url, (await registerUser(t.url, 'carol')).token);
    const log = record(p.b1);
    expect(await ack(carol, 'typing', { roomId: p.roomId, isTyping: true })).toEqual({ success: false, error: { code: 'ROOM.NOT_MEMBER', message: expect.any(String) } });
    carol.close();
    expect(await ack(p.a1, 'typing', { roomId: 'no-such-room', isTyping: true })).toMatchObject({ success: false, error: { code: 'ROOM.NOT_FOUND' } });
    expect(await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: 'yes' })).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    expect(await ack(p.a1, 'typing', { roomId: p.roomId })).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    await fence(p);
    expect(typings(log)).toEqual([]);
  });
});
