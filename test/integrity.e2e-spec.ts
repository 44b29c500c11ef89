import { openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';
import { insertRow, lockDatabase } from './support/sqlite-file';

/** DESIGN.md 5.6-5.11 against the real app and SQLite file: buffer limit, outages, bad rows, durable order. */
describe('Integrity of accepted messages (e2e)', () => {
  const apps: TestApp[] = [];
  const sockets: Client[] = [];
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(apps.map((t) => t.app.close().catch(() => undefined)));
  });

  /** Two users, a DM room warmed up (its first message confirmed), and a socket each. */
  async function start(env: Record<string, string>): Promise<{ t: TestApp; alice: TestUser; bob: TestUser; a1: Client; b1: Client; roomId: string }> {
    const t = await startApp(env);
    apps.push(t);
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const [a1, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    sockets.push(a1, b1);
    const warmed = next(a1, 'roomMessageConfirmed');
    await ack(a1, 'roomMessage', { roomId, body: 'warm up', tempId: 'warm' });
    await warmed;
    return { t, alice, bob, a1, b1, roomId };
  }

  it('holds the buffer limit exactly under a burst: 5 of 60 concurrent sends accepted while the store is stalled', async () => {
    const { t, a1, roomId } = await start({ PERSIST_BUFFER_LIMIT: '5', PERSIST_RETRY_FOR_MS: '30000' });
    const lock = lockDatabase(t.sqlitePath);
    const confirmed = record(a1);
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => ack(a1, 'roomMessage', { roomId, body: `b${i}`, tempId: `b${i}` })));
    lock.release();
    const accepted = acks.filter((a) => a.success);
    expect(accepted).toHaveLength(5);
    for (const refused of acks.filter((a) => !a.success)) {
      expect(refused.error).toEqual({ code: 'SERVER.BUSY', message: expect.any(String), retryAfterMs: expect.any(Number) });
    }
    await next(a1, 'roomMessageConfirmed', (c) => c.tempId === accepted[4].tempId, 15_000);
    const order = confirmed.filter(([e, c]) => e === 'roomMessageConfirmed' && c.tempId !== 'warm').map(([, c]) => c.seq);
    expect(order).toEqual(accepted.map((a) => a.seq));
  }, 30_000);

  it('fails nothing through a store outage shorter than PERSIST_RETRY_FOR_MS: every accepted message is confirmed after it, in order', async () => {
    const { t, a1, b1, roomId } = await start({});
    const lock = lockDatabase(t.sqlitePath);
    const seen = record(b1);
    const acks = [];
    for (let i = 0; i < 10; i++) acks.push(await ack(a1, 'roomMessage', { roomId, body: `o${i}`, tempId: `o${i}` }));
    // The outage itself: longer than the writer's busy_timeout (5 s), so at least one attempt fails and is retried.
    await new Promise((resolve) => setTimeout(resolve, 6500));
    lock.release();
    await next(b1, 'roomMessageConfirmed', (c) => c.tempId === 'o9', 10_000);
    // The outage was real: at least one save failed and was retried.
    const metrics = await fetch(`${t.url}/metrics`).then((r) => r.text());
    expect(Number(/^chat_persist_retries_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    const confirmations = seen.filter(([e, c]) => e === 'roomMessageConfirmed' && c.tempId.startsWith('o')).map(([, c]) => c.seq);
    expect(confirmations).toEqual(acks.map((a) => a.seq));
    expect(seen.filter(([e]) => e === 'roomMessageFailed')).toEqual([]);
  }, 30_000);

  it('ends a longer outage in roomMessageFailed (retryable) to every member', async () => {
    const { t, a1, b1, roomId } = await start({ PERSIST_RETRY_FOR_MS: '1000' });
    const lock = lockDatabase(t.sqlitePath);
    const failed = [a1, b1].map((s) => next(s, 'roomMessageFailed', (f) => f.tempId === 'long', 15_000));
    expect(await ack(a1, 'roomMessage', { roomId, body: 'outlives the retry', tempId: 'long' })).toMatchObject({ success: true });
    for (const f of await Promise.all(failed)) expect(f).toEqual({ tempId: 'long', roomId, error: { code: 'STORE.UNAVAILABLE', message: expect.any(String) }, retryable: true });
    lock.release();
  }, 30_000);

  it('fails only the message the store refuses (its position taken by another writer) and saves the rest of its batch', async () => {
    const { t, alice, a1, b1, roomId } = await start({ PERSIST_FLUSH_MS: '50' });
    insertRow(t.sqlitePath, { roomId, seq: 4, senderId: alice.user.id });
    const seen = record(b1);
    const acks = await Promise.all([0, 1, 2, 3, 4].map((i) => ack(a1, 'roomMessage', { roomId, body: `p${i}`, tempId: `p${i}` })));
    expect(acks.map((a) => a.seq)).toEqual([2, 3, 4, 5, 6]);
    await next(b1, 'roomMessageConfirmed', (c) => c.tempId === 'p4');
    const outcome = (tempId: string) => seen.find(([e, p]) => /Confirmed|Failed/.test(e) && p.tempId === tempId)?.[0];
    expect(['p0', 'p1', 'p2', 'p3', 'p4'].map(outcome)).toEqual(['roomMessageConfirmed', 'roomMessageConfirmed', 'roomMessageFailed', 'roomMessageConfirmed', 'roomMessageConfirmed']);
    const failure = seen.find(([e]) => e === 'roomMessageFailed')![1];
    expect(failure).toEqual({ tempId: 'p2', roomId, error: { code: 'MESSAGE.REJECTED', message: expect.any(String) }, retryable: true });
  });

  it('in durable mode every socket gets Sent or Recieved before Confirmed, for every message', async () => {
    const { t, alice, a1, b1, roomId } = await start({ DELIVERY_MODE: 'durable' });
    const a2 = await connect(t.url, alice.token);
    sockets.push(a2);
    const logs = [a1, a2, b1].map(record);
    const tempIds = Array.from({ length: 20 }, (_, i) => `d${i}`);
    const lastConfirmed = [a1, a2, b1].map((s) => next(s, 'roomMessageConfirmed', (c) => c.tempId === 'd19'));
    await Promise.all(tempIds.map((tempId) => ack(a1, 'roomMessage', { roomId, body: tempId, tempId })));
    await Promise.all(lastConfirmed);
    for (const log of logs) {
      for (const tempId of tempIds) {
        const events = log.filter(([, p]) => p.tempId === tempId).map(([e]) => e);
        expect(events).toHaveLength(2);
        expect(events[0]).toMatch(/roomMessage(Sent|Recieved)/);
        expect(events[1]).toBe('roomMessageConfirmed');
      }
    }
  });

  it('answers a resend of a saved tempId after a restart with the original id and seq, Confirmed again, and broadcasts nothing', async () => {
    const { t, alice, bob, a1, b1, roomId } = await start({});
    const confirmed = next(a1, 'roomMessageConfirmed', (c) => c.tempId === 'late');
    const first = await ack(a1, 'roomMessage', { roomId, body: 'sent once', tempId: 'late' });
    const original = await confirmed;
    a1.close();
    b1.close();
    await t.app.close();

    const again = await startApp({ SQLITE_PATH: t.sqlitePath });
    apps.push(again);
    const [a2, b2] = await Promise.all([connect(again.url, alice.token), connect(again.url, bob.token)]);
    sockets.push(a2, b2);
    const seenByBob = record(b2);
    const reconfirmed = next(a2, 'roomMessageConfirmed', (c) => c.tempId === 'late');
    const resend = await ack(a2, 'roomMessage', { roomId, body: 'sent once', tempId: 'late' });
    expect(resend).toEqual({ success: true, tempId: 'late', _id: original._id, seq: first.seq, duplicate: true });
    expect(await reconfirmed).toEqual(original);
    // A later message is Recieved after anything the resend could have caused: nothing came before it.
    const marker = next(b2, 'roomMessageRecieved', (m) => m.tempId === 'marker');
    expect(await ack(a2, 'roomMessage', { roomId, body: 'marker', tempId: 'marker' })).toMatchObject({ success: true, seq: first.seq + 1 });
    await marker;
    expect(seenByBob.filter(([e]) => e === 'roomMessageRecieved').map(([, m]) => m.tempId)).toEqual(['marker']);
  });
});
