import { http, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next } from './support/sockets';

// Five requests per five seconds: every step below runs well inside one window.
const BUDGET = 5;

describe('Event budget refusals (e2e)', () => {
  let t: TestApp;
  let socket: Client | undefined;
  let alice: TestUser, carol: TestUser;

  beforeAll(async () => {
    t = await startApp({ EVENT_BUDGET_BURST: String(BUDGET), EVENT_BUDGET_PER_SEC: '1' });
    [alice, carol] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'carol')]);
  });
  afterAll(async () => {
    socket?.close();
    await t.app.close();
  });

  it('charges REST writes per user (invalid ones too), then per address without a token; reads are free', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await http(t.url, 'POST', '/channels', { token: alice.token, body: {} })).status).toBe(400);
    const refused = await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'over-budget' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) });
    expect(refused.body.retryAfterMs).toBeGreaterThan(0);
    expect((await http(t.url, 'GET', '/rooms', { token: alice.token })).status).toBe(200);
    expect(JSON.stringify((await http(t.url, 'GET', '/channels', { token: alice.token })).body)).not.toContain('over-budget');

    // The two registrations spent 2 of this address's budget.
    const login = () => http(t.url, 'POST', '/auth/login', { body: { username: 'nobody', password: 'wrong-password' } });
    for (let i = 2; i < BUDGET; i++) expect((await login()).status).toBe(401);
    expect((await login()).body).toMatchObject({ code: 'RATE.LIMITED' });
  });

  it('charges every socket event, unknown ones too, and answers through the ack or an exception event', async () => {
    socket = await connect(t.url, carol.token);
    for (let i = 0; i < BUDGET; i++) expect((await ack(socket, 'noSuchEvent', {})).error.code).toBe('VALIDATION.FAILED');
    const refused = await ack(socket, 'createChannel', { name: 'over-budget-ws' });
    expect(refused).toMatchObject({ success: false, error: { code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) } });

    const exception = next(socket, 'exception');
    socket.emit('markRead', { roomId: 'x', seq: 1 });
    expect(await exception).toMatchObject({ event: 'markRead', error: { code: 'RATE.LIMITED' } });
    expect(JSON.stringify((await http(t.url, 'GET', '/channels', { token: carol.token })).body)).not.toContain('over-budget-ws');
  });
});
