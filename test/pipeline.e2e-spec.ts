import { SqliteConnection } from '../src/persistence/sqlite/sqlite-connection';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next } from './support/sockets';
import { lockDatabase } from './support/sqlite-file';

async function pair(t: TestApp): Promise<{ alice: TestUser; bob: TestUser; a1: Client; b1: Client; roomId: string }> {
  const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
  const roomId = await openDirect(t.url, alice, bob);
  const [a1, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
  return { alice, bob, a1, b1, roomId };
}

describe('Delivery pipeline (e2e)', () => {
  const apps: TestApp[] = [];
  const sockets: Client[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startApp(env);
    apps.push(t);
    const p = await pair(t);
    sockets.push(p.a1, p.b1);
    return { t, ...p };
  };
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(apps.map((t) => t.app.close().catch(() => undefined)));
  });

  it('assigns monotonic seqs per room and keeps them across a restart on the same file', async () => {
    const { t, alice, a1, roomId } = await start({});
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) seqs.push((await ack(a1, 'roomMessage', { roomId, body: `m${i}` })).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    a1.close();
    await t.app.close();
    const again = await startApp({ SQLITE_PATH: t.sqlitePath });
    apps.push(again);
    const login = await http(again.url, 'POST', '/auth/login', { body: { username: alice.user.username, password: 'correct horse battery' } });
    const a2 = await connect(again.url, login.body.accessToken);
    sockets.push(a2);
    expect((await ack(a2, 'roomMessage', { roomId, body: 'after restart' })).seq).toBe(6);
  });

  it('reports a store failure as roomMessageFailed (retryable) to every member, after retrying for PERSIST_RETRY_FOR_MS', async () => {
    const { t, a1, b1, roomId } = await start({ PERSIST_RETRY_FOR_MS: '300' });
    expect(await ack(a1, 'roomMessage', { roomId, body: 'seeds the seq' })).toMatchObject({ success: true, seq: 1 });
    const lock = lockDatabase(t.sqlitePath);
    try {
      const failures = [a1, b1].map((s) => next(s, 'roomMessageFailed', (f) => f.tempId === 'doomed', 15_000));
      const res = await ack(a1, 'roomMessage', { roomId, body: 'will not be saved', tempId: 'doomed' });
      expect(res).toMatchObject({ success: true, tempId: 'doomed' });
      for (const failure of await Promise.all(failures)) {
        expect(failure).toEqual({ tempId: 'doomed', roomId, error: { code: 'STORE.UNAVAILABLE', message: expect.any(String) }, retryable: true });
      }
      // After a failure the same tempId is accepted anew (the client's safe retry), not answered as a duplicate.
      expect(await ack(a1, 'roomMessage', { roomId, body: 'will not be saved', tempId: 'doomed' })).toEqual({ success: true, tempId: 'doomed', _id: 'doomed', seq: 3 });
    } finally {
      lock.release();
    }
  }, 30_000);

  it('tells a connecting client why it is hung up on when the store is down', async () => {
    const { t, alice } = await start({});
    await t.app.get(SqliteConnection).close();
    const { io } = await import('socket.io-client');
    const socket = io(t.url, { auth: { token: alice.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    const exception = next(socket, 'exception');
    const gone = next(socket, 'disconnect');
    expect(await exception).toEqual({ event: 'connect', error: { code: 'STORE.UNAVAILABLE', message: expect.any(String) } });
    expect(await gone).toBe('io server disconnect');
    socket.close();
  });

  it('refuses a send with STORE.UNAVAILABLE when the store is down before the room was ever used', async () => {
    const { t, a1, roomId } = await start({});
    await t.app.get(SqliteConnection).close();
    expect(await ack(a1, 'roomMessage', { roomId, body: 'no seq to give' })).toMatchObject({ success: false, error: { code: 'STORE.UNAVAILABLE' } });
  });

  it('refuses sends with SERVER.BUSY and retryAfterMs when the write-behind buffer is full', async () => {
    const { t, a1, roomId } = await start({ PERSIST_BUFFER_LIMIT: '5', PERSIST_RETRY_FOR_MS: '2000' });
    const seeded = next(a1, 'roomMessageConfirmed');
    await ack(a1, 'roomMessage', { roomId, body: 'seeds the seq' });
    await seeded;
    await t.app.get(SqliteConnection).close();
    const acks = [];
    for (let i = 0; i < 8; i++) acks.push(await ack(a1, 'roomMessage', { roomId, body: `b${i}` }));
    expect(acks.filter((a) => a.success)).toHaveLength(5);
    expect(acks.at(-1)).toEqual({ success: false, error: { code: 'SERVER.BUSY', message: expect.any(String), retryAfterMs: expect.any(Number) } });
  });

  it('rate-limits each user with RATE.LIMITED and retryAfterMs', async () => {
    const { a1, b1, roomId } = await start({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SEC: '1' });
    const acks = [];
    for (let i = 0; i < 4; i++) acks.push(await ack(a1, 'roomMessage', { roomId, body: `r${i}` }));
    expect(acks.slice(0, 3).every((a) => a.success)).toBe(true);
    expect(acks[3]).toEqual({ success: false, error: { code: 'RATE.LIMITED', message: expect.any(String), retryAfterMs: expect.any(Number) } });
    expect(acks[3].error.retryAfterMs).toBeGreaterThan(0);
    // Another user has a bucket of their own.
    expect(await ack(b1, 'roomMessage', { roomId, body: 'bob is fine' })).toMatchObject({ success: true });
  });

  it('in DELIVERY_MODE=durable saves first, then delivers with the real id (isOptimistic false)', async () => {
    const { t, a1, b1, roomId } = await start({ DELIVERY_MODE: 'durable' });
    const sent = next(a1, 'roomMessageSent');
    const received = next(b1, 'roomMessageRecieved');
    const confirmed = next(b1, 'roomMessageConfirmed');
    const res = await ack(a1, 'roomMessage', { roomId, body: 'saved first', tempId: 'd-1' });
    expect(res).toEqual({ success: true, tempId: 'd-1', _id: expect.stringMatching(/^[0-9a-f]{24}$/), seq: 1 });
    expect(await sent).toMatchObject({ _id: res._id, tempId: 'd-1', isOptimistic: false, seq: 1 });
    expect(await received).toMatchObject({ _id: res._id, isOptimistic: false });
    expect(await confirmed).toMatchObject({ _id: res._id, tempId: 'd-1' });
    const history = await http(t.url, 'GET', `/rooms/${roomId}/messages`, { token: (await registerUser(t.url)).token });
    expect(history.status).toBe(403);
  });
});
