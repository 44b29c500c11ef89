import { registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';

const PASSWORD = 'correct horse battery';

describe('Sign-in throttling (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    // One proxy hop, so each request can say which address it comes from.
    t = await startApp({ TRUST_PROXY_HOPS: '1', LOGIN_FAILS_PER_USER_IP: '3', LOGIN_FAILS_PER_IP_PER_DAY: '6' });
    alice = await registerUser(t.url, 'alice');
  });
  afterAll(() => t?.app.close());

  const login = async (username: string, password: string, from: string) => {
    const res = await fetch(`${t.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };

  it("locks alice's name only at the attacker's address: she still signs in from her own", async () => {
    const name = alice.user.username;
    for (let i = 0; i < 3; i++) expect((await login(name, `guess-${i}`, '10.0.0.1')).status).toBe(401);
    const locked = await login(name, PASSWORD, '10.0.0.1');
    expect(locked).toMatchObject({ status: 429, body: { statusCode: 429, code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) } });
    expect(locked.body.retryAfterMs).toBeGreaterThan(30 * 60 * 1000);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    // The IPv4-mapped spelling of the same address is the same client, not a fresh bucket.
    expect((await login(name.toUpperCase(), PASSWORD, '::ffff:10.0.0.1')).status).toBe(429);
    expect(await login(name, PASSWORD, '10.0.0.2')).toMatchObject({ status: 200, body: { user: alice.user } });
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    const bob = await registerUser(t.url, 'bob');
    const name = bob.user.username;
    for (let i = 0; i < 2; i++) expect((await login(name, 'wrong-password', '10.0.1.1')).status).toBe(401);
    expect((await login(name, PASSWORD, '10.0.1.1')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login(name, 'wrong-password', '10.0.1.1')).status).toBe(401);
    expect((await login(name, PASSWORD, '10.0.1.1')).status).toBe(200);
  });

  it('limits failures per address over any usernames, with Retry-After', async () => {
    for (let i = 0; i < 6; i++) expect((await login(`nobody_${i}`, 'wrong-password', '10.0.2.1')).status).toBe(401);
    const refused = await login(alice.user.username, PASSWORD, '10.0.2.1');
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE.LIMITED' } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(3600);
    expect((await login(alice.user.username, PASSWORD, '10.0.2.2')).status).toBe(200);
  });
});
