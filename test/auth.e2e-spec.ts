import * as jwt from 'jsonwebtoken';
import { http, registerUser, TestUser } from './support/http';
import { startApp, TEST_SECRET, TestApp } from './support/harness';
import { connect, connectError } from './support/sockets';

describe('Auth (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await startApp();
    alice = await registerUser(t.url, 'alice');
  });
  afterAll(() => t?.app.close());

  const tokenFor = (user: TestUser, exp: number) => jwt.sign({ sub: user.user.id, username: user.user.username, exp }, TEST_SECRET);

  it('registers: 201 with a token and the public user, never the password', async () => {
    const res = await http(t.url, 'POST', '/auth/register', { body: { username: 'zed.x-1', email: 'Zed@Example.com', password: 'longenough' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ accessToken: expect.any(String), user: { id: expect.any(String), username: 'zed.x-1' } });
    expect(JSON.stringify(res.body)).not.toContain('longenough');
  });

  it('refuses a taken username or email (any case) with 409 USER.EXISTS', async () => {
    const sameName = await http(t.url, 'POST', '/auth/register', { body: { username: alice.user.username, email: 'other@example.com', password: 'longenough' } });
    expect(sameName).toMatchObject({ status: 409, body: { statusCode: 409, code: 'USER.EXISTS' } });
    const sameEmail = await http(t.url, 'POST', '/auth/register', { body: { username: 'someone_else', email: `${alice.user.username}@EXAMPLE.com`.toUpperCase(), password: 'longenough' } });
    expect(sameEmail).toMatchObject({ status: 409, body: { code: 'USER.EXISTS' } });
  });

  it('refuses bad registrations with field details', async () => {
    const res = await http(t.url, 'POST', '/auth/register', { body: { username: 'a b', email: 'nope', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.details.map((d: any) => d.field).sort()).toEqual(['email', 'password', 'username']);
  });

  it('logs in, and answers unknown user and wrong password alike', async () => {
    const ok = await http(t.url, 'POST', '/auth/login', { body: { username: alice.user.username, password: 'correct horse battery' } });
    expect(ok).toMatchObject({ status: 200, body: { accessToken: expect.any(String), user: alice.user } });
    const wrong = await http(t.url, 'POST', '/auth/login', { body: { username: alice.user.username, password: 'wrong password' } });
    const unknown = await http(t.url, 'POST', '/auth/login', { body: { username: 'nobody_here', password: 'wrong password' } });
    expect(wrong).toEqual({ status: 401, body: { statusCode: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'invalid username or password' } });
    expect(unknown).toEqual(wrong);
  });

  it('answers /auth/me and /users?search= for a valid bearer token only', async () => {
    expect(await http(t.url, 'GET', '/auth/me', { token: alice.token })).toEqual({ status: 200, body: alice.user });
    expect(await http(t.url, 'GET', '/auth/me', { token: 'garbage' })).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
    const expired = tokenFor(alice, Math.floor(Date.now() / 1000) - 10);
    expect(await http(t.url, 'GET', '/auth/me', { token: expired })).toMatchObject({ status: 401, body: { code: 'AUTH.TOKEN_EXPIRED' } });
    const found = await http(t.url, 'GET', `/users?search=${alice.user.username.slice(0, 8)}`, { token: alice.token });
    expect(found.body).toContainEqual(alice.user);
    expect(JSON.stringify(found.body)).not.toMatch(/password|email/);
  });

  it('names users by id with /users?ids= (unknown ids left out) and refuses a malformed list', async () => {
    const bob = await registerUser(t.url, 'bob');
    const named = await http(t.url, 'GET', `/users?ids=${bob.user.id},000000000000000000000000,${alice.user.id}`, { token: alice.token });
    expect(named).toMatchObject({ status: 200 });
    expect(named.body).toEqual(expect.arrayContaining([bob.user, alice.user]));
    expect(named.body).toHaveLength(2);
    expect(await http(t.url, 'GET', '/users?ids=nope', { token: alice.token })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
  });

  it('refuses a socket handshake without, with a bad, or with an expired token', async () => {
    expect((await connectError(t.url, {})).message).toBe('unauthorized');
    const bad = await connectError(t.url, { token: 'not-a-jwt' });
    expect(bad).toMatchObject({ message: 'unauthorized', data: { code: 'AUTH.INVALID_TOKEN' } });
    const forged = await connectError(t.url, { token: jwt.sign({ sub: alice.user.id, username: 'x' }, 'another-secret-entirely') });
    expect(forged.data.code).toBe('AUTH.INVALID_TOKEN');
    const expired = await connectError(t.url, { token: tokenFor(alice, Math.floor(Date.now() / 1000) - 10) });
    expect(expired).toMatchObject({ message: 'unauthorized', data: { code: 'AUTH.TOKEN_EXPIRED' } });
  });

  it('accepts the token in an Authorization header', async () => {
    const s = await connect(t.url, undefined).catch((e) => e);
    expect(s).toBeInstanceOf(Error);
    const { io } = await import('socket.io-client');
    const socket = io(t.url, { extraHeaders: { authorization: `Bearer ${alice.token}` }, transports: ['websocket'], forceNew: true, reconnection: false });
    const ready = await new Promise<any>((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    expect(ready).toMatchObject({ user: alice.user, rooms: [], serverTime: expect.any(String) });
    socket.close();
  });

  it('throttles registrations per client address with 429 RATE.LIMITED and Retry-After', async () => {
    const strict = await startApp({ AUTH_RATE_LIMIT_PER_MIN: '3' });
    try {
      const attempt = (i: number) => fetch(`${strict.url}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `flood_${i}`, email: `flood_${i}@example.com`, password: 'longenough' }) });
      for (let i = 0; i < 3; i++) expect((await attempt(i)).status).toBe(201);
      const refused = await attempt(3);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) });
    } finally {
      await strict.app.close();
    }
  });
});
