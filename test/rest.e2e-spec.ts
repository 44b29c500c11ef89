import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, connect, next } from './support/sockets';

describe('REST: history, Swagger, health, start-up (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    roomId = await openDirect(t.url, alice, bob);
    const a1 = await connect(t.url, alice.token);
    const lastSaved = next(a1, 'roomMessageConfirmed', (c) => c.tempId === 'h12');
    for (let i = 1; i <= 12; i++) await ack(a1, 'roomMessage', { roomId, body: `message ${i}`, tempId: `h${i}` });
    await lastSaved;
    a1.close();
  });
  afterAll(() => t?.app.close());

  const history = (query: string, token = bob.token) => http(t.url, 'GET', `/rooms/${roomId}/messages${query}`, { token });
  const seqs = (res: { body: { messages: { seq: number }[] } }) => res.body.messages.map((m) => m.seq);

  it('pages history by seq cursors, ascending, with hasMore', async () => {
    const newest = await history('?limit=5');
    expect([seqs(newest), newest.body.hasMore]).toEqual([[8, 9, 10, 11, 12], true]);
    const older = await history('?limit=5&before=8');
    expect([seqs(older), older.body.hasMore]).toEqual([[3, 4, 5, 6, 7], true]);
    const oldest = await history('?limit=5&before=3');
    expect([seqs(oldest), oldest.body.hasMore]).toEqual([[1, 2], false]);
    const forward = await history('?after=10');
    expect([seqs(forward), forward.body.hasMore]).toEqual([[11, 12], false]);
    expect((await history('')).body.messages).toHaveLength(12);
  });

  it('counts unread messages from the read marker, which only moves forward', async () => {
    const unread = async () => (await http(t.url, 'GET', '/rooms', { token: bob.token })).body.find((r: any) => r.id === roomId).unreadCount;
    expect(await unread()).toBe(12);
    expect(await http(t.url, 'POST', `/rooms/${roomId}/read`, { token: bob.token, body: { seq: 10 } })).toEqual({ status: 200, body: { roomId, lastReadSeq: 10, unread: 2 } });
    expect(await unread()).toBe(2);
    expect((await http(t.url, 'POST', `/rooms/${roomId}/read`, { token: bob.token, body: { seq: 4 } })).body.lastReadSeq).toBe(10);
    const b1 = await connect(t.url, bob.token);
    expect(await ack(b1, 'markRead', { roomId, seq: 12 })).toEqual({ success: true, roomId, lastReadSeq: 12, unread: 0 });
    expect(await ack(b1, 'markRead', { roomId, seq: -1 })).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    b1.close();
    expect(await unread()).toBe(0);
    const stranger = await registerUser(t.url, 'stranger');
    expect(await http(t.url, 'POST', `/rooms/${roomId}/read`, { token: stranger.token, body: { seq: 1 } })).toMatchObject({ status: 403, body: { code: 'ROOM.NOT_MEMBER' } });
  });

  it('refuses bad cursors and limits with VALIDATION.FAILED', async () => {
    for (const query of ['?limit=0', '?limit=201', '?limit=abc', '?before=-1', '?after=x', '?other=1']) {
      expect([query, await history(query)]).toEqual([query, expect.objectContaining({ status: 400, body: expect.objectContaining({ code: 'VALIDATION.FAILED' }) })]);
    }
  });

  it('describes every route, the bearer auth and the error shape in /docs-json', async () => {
    const doc = (await http(t.url, 'GET', '/docs-json')).body;
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/auth/login', '/auth/me', '/auth/register', '/channels', '/channels/{id}', '/channels/{id}/invite', '/channels/{id}/join',
      '/channels/{id}/leave', '/channels/{id}/members', '/direct/{userId}', '/health', '/metrics', '/rooms', '/rooms/{roomId}/messages', '/rooms/{roomId}/read', '/rooms/{roomId}/receipts', '/users', '/users/blocked', '/users/{id}/block',
    ]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/rooms/{roomId}/messages'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/rooms/{roomId}/messages'].get.parameters.map((p: any) => p.name).sort()).toEqual(['after', 'before', 'limit', 'roomId']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ErrorResponseDto', 'HistoryDto', 'MessageDto', 'RegisterDto', 'CreateChannelDto']));
    expect((await fetch(`${t.url}/docs`)).status).toBe(200);
  });

  it('exposes Prometheus metrics: messages, batches, queue, sockets, errors', async () => {
    const b1 = await connect(t.url, bob.token);
    await ack(b1, 'joinRoom', {});
    b1.close();
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^chat_messages_accepted_total\{kind="direct"\} 12$/m);
    expect(text).toMatch(/^chat_messages_confirmed_total\{kind="direct"\} 12$/m);
    expect(text).toMatch(/^chat_persist_batch_size_count \d+$/m);
    expect(text).toMatch(/^chat_persist_pending 0$/m);
    expect(text).toMatch(/^chat_sockets \d+$/m);
    expect(text).toMatch(/^chat_ws_errors_total\{event="joinRoom",code="VALIDATION.FAILED"\} 1$/m);
    expect(text).toMatch(/^chat_event_loop_delay_seconds\{stat="p99"\} \d+(\.\d+)?(e-\d+)?$/m);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('answers /health and unknown routes in the error shape', async () => {
    expect(await http(t.url, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok', info: { store: { status: 'up' } }, error: {}, details: { store: { status: 'up' } } } });
    expect(await http(t.url, 'GET', '/nope')).toMatchObject({ status: 404, body: { statusCode: 404, code: 'ROUTE.NOT_FOUND' } });
    const res = await fetch(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
  });

  it('exits within 15 s with one clear line when MongoDB is unreachable, credentials redacted', async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: { ...process.env, MONGODB_URI: 'mongodb://chat:hunter2@127.0.0.1:1/chat', JWT_SECRET: 'x'.repeat(32), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:1: /)]);
    expect(stderr).not.toContain('hunter2');
  });

  it('refuses to start on a bad environment, one line per bad variable', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: { ...process.env, PORT: 'eighty', DELIVERY_MODE: 'sometimes', NODE_ENV: 'production', JWT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => /^Invalid environment variable (\w+): expected .*, got /.exec(l)?.[1]).sort()).toEqual(['DELIVERY_MODE', 'JWT_SECRET', 'PORT']);
  });
});
