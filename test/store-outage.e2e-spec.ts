import { SqliteConnection } from '../src/persistence/sqlite/sqlite-connection';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect } from './support/sockets';

// Words of better-sqlite3's and the writer's messages: none may reach a client.
const DRIVER_TEXT = /sqlite|database|connection|not open|closed|TypeError/i;

describe('Store outage: honest errors (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let a1: Client;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    roomId = await openDirect(t.url, alice, bob);
    a1 = await connect(t.url, alice.token);
    await t.app.get(SqliteConnection).close();
  });

  afterAll(async () => {
    a1?.close();
    await t?.app.close();
  });

  const requests: Array<[string, string, () => { token?: string; body?: unknown }]> = [
    ['GET', '/rooms', () => ({ token: alice.token })],
    ['GET', '/auth/me', () => ({ token: alice.token })],
    ['GET', '/users?search=bo', () => ({ token: alice.token })],
    ['GET', '/channels', () => ({ token: alice.token })],
    ['POST', '/channels', () => ({ token: alice.token, body: { name: 'during-outage' } })],
    ['POST', '/auth/register', () => ({ body: { username: 'outage_user', email: 'outage@example.com', password: 'correct horse battery' } })],
    ['POST', '/auth/login', () => ({ body: { username: alice.user.username, password: 'correct horse battery' } })],
  ];

  it.each(requests)('answers %s %s with 503 STORE.UNAVAILABLE, retryAfterMs and no driver text', async (method, path, opts) => {
    const res = await fetch(t.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(opts().token && { authorization: `Bearer ${opts().token}` }) },
      body: opts().body === undefined ? undefined : JSON.stringify(opts().body),
    });
    const text = await res.text();
    expect([res.status, JSON.parse(text)]).toEqual([503, { statusCode: 503, code: 'STORE.UNAVAILABLE', message: expect.any(String), retryAfterMs: expect.any(Number) }]);
    expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(text).not.toMatch(DRIVER_TEXT);
  });

  it('answers history with 503 STORE.UNAVAILABLE', async () => {
    const res = await http(t.url, 'GET', `/rooms/${roomId}/messages`, { token: bob.token });
    expect(res).toEqual({ status: 503, body: expect.objectContaining({ code: 'STORE.UNAVAILABLE' }) });
    expect(JSON.stringify(res.body)).not.toMatch(DRIVER_TEXT);
  });

  it('answers a WS handler that needs the store with STORE.UNAVAILABLE and no driver text', async () => {
    const res = await ack(a1, 'createChannel', { name: 'ws-during-outage' });
    expect(res).toEqual({ success: false, error: { code: 'STORE.UNAVAILABLE', message: expect.any(String), retryAfterMs: expect.any(Number) } });
    expect(JSON.stringify(res)).not.toMatch(DRIVER_TEXT);
  });

  it('reports the store down on /health in the terminus shape, with the error code', async () => {
    const res = await http(t.url, 'GET', '/health');
    expect(res).toEqual({
      status: 503,
      body: expect.objectContaining({ statusCode: 503, code: 'STORE.UNAVAILABLE', status: 'error', error: { store: { status: 'down', message: expect.any(String) } } }),
    });
    expect(JSON.stringify(res.body)).not.toMatch(DRIVER_TEXT);
  });
});
